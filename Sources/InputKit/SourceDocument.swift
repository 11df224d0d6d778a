import Foundation

/// One report file as read from `content/`: its bytes (published beside the page as the raw
/// file), the text the source page shows (line numbers in diagnostics refer to it), and what
/// reading found.
public struct SourceDocument: Sendable {
    /// Path relative to the content folder, with `/` separators (`000_c2bcf9dd95c89acf.txt`).
    public var path: String
    public var kind: SourceKind
    public var bytes: Data
    /// The decoded text (after BOM and encoding, before front matter is blanked); for a PDF or
    /// a Word file, its rendition as lines.
    public var text: String
    /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE` …), or the
    /// format a rendition was made from.
    public var encoding: String

    public init(path: String, kind: SourceKind, bytes: Data, text: String, encoding: String) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
        self.text = text
        self.encoding = encoding
    }

    /// The text split into lines numbered from 1, as the source page shows them.
    public var sourceLines: [SourceLine] { SourceText.lines(text) }
}

/// A parsed report with the document it came from: what the site needs for its pages.
public struct ParsedDocument: Sendable {
    public var document: SourceDocument
    public var report: Report

    public init(document: SourceDocument, report: Report) {
        self.document = document
        self.report = report
    }
}
