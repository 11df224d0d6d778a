import Foundation

/// Finds the report files under a content folder. Reading them is `ReportReader`'s job.
public enum ContentFolder {
    /// One report file found: where it is, and its path relative to the content folder.
    public struct Entry: Sendable, Hashable {
        public var url: URL
        /// With `/` separators (`ningxia/000.txt`).
        public var relativePath: String
    }

    /// Every report file under `folder`, recursively, sorted by path so the order (and every
    /// tie broken by it) never depends on the file system. Hidden files and folders are skipped.
    public static func discover(in folder: URL) throws -> [Entry] {
        let fm = FileManager.default
        let base = folder.standardizedFileURL
        guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return []
        }
        var found: [Entry] = []
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        for case let url as URL in walker {
            guard SourceKind.extensions[url.pathExtension.lowercased()] != nil,
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            let rel = full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent
            found.append(Entry(url: url, relativePath: rel))
        }
        return found.sorted { $0.relativePath < $1.relativePath }
    }
}
