import Foundation

/// Reads report files from disk into `SourceDocument`s. The one place in the pipeline that
/// reads content; everything after it works on values.
public enum SourceLoader {
    /// The file extensions read as reports.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// Loads one file. `path` is how the file is named in diagnostics and `report.source`.
    public static func load(_ url: URL, path: String) throws -> SourceDocument {
        let data = try Data(contentsOf: url)
        let ext = url.pathExtension.lowercased()
        let kind: SourceDocument.Kind = ext == "html" || ext == "htm" ? .html : (ext == "md" || ext == "markdown" ? .markdown : .text)
        let text = String(decoding: data, as: UTF8.self)
        return SourceDocument(path: path, kind: kind, bytes: data, text: text, encoding: "UTF-8")
    }
}

/// Turns a loaded document into a report: the parse step of the pipeline.
public struct ReportReader: Sendable {
    public var parser: ReportParser

    public init(parser: ReportParser = ReportParser()) {
        self.parser = parser
    }

    public func read(_ document: SourceDocument, source: String) -> Report {
        parser.parse(document.text, source: source)
    }
}
