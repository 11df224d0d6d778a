import Foundation

/// One report file as read from `content/`: its bytes (published beside the page as the raw
/// file), its decoded text and the numbered lines the parser saw.
public struct SourceDocument: Sendable {
    public enum Kind: String, Sendable { case text, markdown, html }

    /// Path relative to the content folder, with `/` separators (`000_c2bcf9dd95c89acf.txt`).
    public var path: String
    public var kind: Kind
    public var bytes: Data
    /// The decoded text (after BOM and encoding, before front matter is removed).
    public var text: String
    /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE` …).
    public var encoding: String
    /// What decoding found (an encoding other than UTF-8, undecodable bytes).
    public var diagnostics: [Diagnostic]

    public init(path: String, kind: Kind, bytes: Data, text: String, encoding: String, diagnostics: [Diagnostic] = []) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
        self.text = text
        self.encoding = encoding
        self.diagnostics = diagnostics
    }

    /// The original text split into lines numbered from 1, as the source page shows them.
    public var sourceLines: [SourceLine] { SourceText.lines(text) }
}

/// A parsed report with the document it came from: what the renderer needs for a page.
public struct ParsedDocument: Sendable {
    public var document: SourceDocument
    public var report: Report

    public init(document: SourceDocument, report: Report) {
        self.document = document
        self.report = report
    }
}
