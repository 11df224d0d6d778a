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

    /// The extensions (lowercased, without the dot) read as reports.
    public static let extensions: [String: SourceKind] = [
        "txt": .text, "text": .text, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html,
    ]

    /// The kind of a file: by its extension, overridden by what its bytes say they are.
    /// `nil` when the extension is not one nianbao reads.
    public static func of(fileExtension ext: String, bytes: [UInt8]) -> SourceKind? {
        guard let byName = extensions[ext.lowercased()] else { return nil }
        return byName
    }

    /// What reads this kind.
    public var reader: any FormatReader {
        switch self {
        case .text, .markdown: PlainTextReader()
        case .html: HTMLPageReader()
        }
    }

    /// The name of the original file published beside the report page. An HTML original is
    /// served as `.txt`, so a browser shows its text instead of running it as our page.
    public var rawName: String {
        switch self {
        case .text: "source.txt"
        case .markdown: "source.md"
        case .html: "source.html.txt"
        }
    }
}
