import Foundation

/// Finds and reads report files. The one place in the pipeline that reads content;
/// everything after it works on values.
public enum SourceLoader {
    /// The file extensions read as reports.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// Every report file under `folder`, recursively, sorted by path so the order (and every
    /// tie broken by it) never depends on the file system. Hidden files and folders are skipped.
    public static func discover(in folder: URL) throws -> [(url: URL, relativePath: String)] {
        let fm = FileManager.default
        let base = folder.standardizedFileURL
        guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return []
        }
        var found: [(URL, String)] = []
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        for case let url as URL in walker {
            guard extensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            let rel = full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent
            found.append((url, rel))
        }
        return found.sorted { $0.1 < $1.1 }
    }

    /// Loads one file, detecting its encoding. `path` is the path relative to the content folder.
    public static func load(_ url: URL, path: String) throws -> SourceDocument {
        document(try Data(contentsOf: url), path: path, fileExtension: url.pathExtension)
    }

    /// A document from bytes already read: the kind from the file extension, the text decoded.
    public static func document(_ data: Data, path: String, fileExtension: String) -> SourceDocument {
        let ext = fileExtension.lowercased()
        let kind: SourceDocument.Kind = ext == "html" || ext == "htm" ? .html : (ext == "md" || ext == "markdown" ? .markdown : .text)
        let decoded = TextDecoder.decode([UInt8](data))
        return SourceDocument(path: path, kind: kind, bytes: data, text: decoded.text, encoding: decoded.encoding, diagnostics: decoded.diagnostics)
    }
}
