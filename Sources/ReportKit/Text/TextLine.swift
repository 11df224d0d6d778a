/// A normalised line as the recognisers read it, with the forms they ask of it computed once:
/// its text without whitespace (`compact`, what labels, headings and fingerprints are matched
/// against) and whether it holds a tab (a table row).
///
/// Why: every recogniser used to compact the lines it read again, three or four times per line
/// in all, and each time through Foundation.
struct TextLine: Sendable {
    /// The normalised text (`Normalizer.line`).
    let text: String
    /// The 1-based number of the source line it came from.
    let number: Int
    /// `text` with all whitespace removed (`Normalizer.compact`).
    let compact: String
    /// Whether `text` holds a tab.
    let hasTab: Bool

    init(_ text: String, number: Int) {
        self.text = text
        self.number = number
        (self.compact, self.hasTab) = Normalizer.compactAndTab(text)
    }

    /// The line `raw` as the recognisers read it (`Normalizer.line`).
    init(normalizing raw: String, number: Int) {
        self.init(Normalizer.line(raw), number: number)
    }

    init(_ line: SourceLine) {
        self.init(line.text, number: line.number)
    }

    /// The line as a `SourceLine` (for the public APIs that take those).
    var source: SourceLine { SourceLine(text, number: number) }

    /// Whether the line holds nothing but spaces.
    var isBlank: Bool { UTF8Text.isBlank(text) }
}
