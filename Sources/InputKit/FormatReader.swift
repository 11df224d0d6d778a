/// Reads one kind of file into text. The reading path (`ReportReader`) does the rest —
/// front matter, the empty-file rule, parsing — the same way for every kind.
///
/// A reader returns the text the source page shows (for a PDF or a Word file, a rendition:
/// one line per paragraph or table row, cells separated by tabs) and says how that text
/// becomes the parser's lines; line numbers always refer to that text.
public protocol FormatReader: Sendable {
    /// Decodes the file's bytes, or says why it cannot (an error naming what is wrong and
    /// what to do: a scanned PDF, an old `.doc`, a file that is not text).
    func decode(_ bytes: [UInt8]) -> Result<DecodedText, FormatFailure>

    /// The numbered lines the parser reads, from the decoded text with front matter blanked.
    func lines(of text: String) -> [SourceLine]

    /// Whether table rows in `lines` are real grids (cells kept, empty ones too, tab-separated).
    var grid: Bool { get }
}

/// Why a file could not be read at all: one error diagnostic, no report.
public struct FormatFailure: Error, Sendable, Hashable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }
}
