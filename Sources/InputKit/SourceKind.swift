import Foundation

/// The kinds of file a publisher drops into `content/`.
///
/// Decided by the file's extension, then checked against its first bytes: a PDF saved as
/// `.txt` or a Word file renamed `.html` is read as what it is, because publishers rename
/// files and a PDF read as text would publish garbage.
public enum SourceKind: String, Sendable, Hashable, CaseIterable {
    /// Plain text pasted from Word or a PDF.
    case text
    /// Markdown.
    case markdown
    /// A web page saved from a government site.
    case html
    /// A PDF with a text layer.
    case pdf
    /// A Word document (`.docx`, Office Open XML).
    case docx
    /// The old binary Word format (`.doc`) and WPS's (`.wps`): refused with the remedy.
    case legacyWord

    /// The extensions (lowercased, without the dot) read as reports.
    public static let extensions: [String: SourceKind] = [
        "txt": .text, "text": .text, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html,
        "pdf": .pdf, "docx": .docx, "doc": .legacyWord, "wps": .legacyWord,
    ]

    /// The kind of a file: by its extension, overridden by what its bytes say they are.
    /// `nil` when the extension is not one nianbao reads.
    ///
    /// - `%PDF-` in the first 1,024 bytes (where readers look for it): a PDF;
    /// - a ZIP (`PK\3\4`) holding `word/document.xml`: a Word document; any other ZIP named
    ///   `.docx` stays `.docx`, and its reader says what is wrong with it;
    /// - an OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`): an old Word or WPS file.
    public static func of(fileExtension ext: String, bytes: [UInt8]) -> SourceKind? {
        guard let byName = extensions[ext.lowercased()] else { return nil }
        return sniff(bytes) ?? byName
    }

    /// What the bytes themselves say, when they say it.
    static func sniff(_ bytes: [UInt8]) -> SourceKind? {
        let head = bytes.prefix(1024)
        if head.starts(with: Array("%PDF-".utf8)) || contains(head, Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), contains(bytes[...], Array("word/document.xml".utf8)) { return .docx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyWord }
        return nil
    }

    static func contains(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// What reads this kind.
    public var reader: any FormatReader {
        switch self {
        case .text, .markdown: PlainTextReader()
        case .html: HTMLPageReader()
        case .pdf: PDFReader()
        case .docx: DocxReader()
        case .legacyWord: LegacyWordReader()
        }
    }

    /// Whether front matter comes from a sidecar file (`NAME.pdf.yml`) rather than the file's
    /// own first lines: a PDF or a Word file cannot hold it.
    public var usesSidecar: Bool {
        switch self {
        case .pdf, .docx, .legacyWord: true
        case .text, .markdown, .html: false
        }
    }

    /// The name of the original file published beside the report page. An HTML original is
    /// served as `.txt`, so a browser shows its text instead of running it as our page.
    public var rawName: String {
        switch self {
        case .text: "source.txt"
        case .markdown: "source.md"
        case .html: "source.html.txt"
        case .pdf: "source.pdf"
        case .docx: "source.docx"
        case .legacyWord: "source.doc"
        }
    }
}
