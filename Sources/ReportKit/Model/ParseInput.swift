/// Everything the parser reads for one report: the numbered lines, how they were laid out,
/// and what the publisher stated in front matter. Built by the reading path (InputKit), which
/// owns the file kinds; the parser never looks at a file name to guess a layout.
public struct ParseInput: Sendable {
    /// The lines, numbered as in the text the source page shows.
    public var lines: [SourceLine]
    /// The path shown for the report (`content/ningxia/000.txt`): `report.source`.
    public var source: String
    /// The folder the file sits in, relative to the content folder (`ningxia/yinchuan`), or "":
    /// a clue to the report's place.
    public var folder: String
    /// Whether table rows are real grids (an HTML page's, a Word document's or a PDF's tables,
    /// rebuilt cell by cell, empty cells kept and separated by tabs): a row's cell count is then
    /// what was printed, not a guess from spacing.
    public var grid: Bool
    /// What the publisher set in front matter; the parser applies it before the checks it
    /// settles (no year, unknown place) are made, and notes each override.
    public var overrides: ReportOverrides

    public init(lines: [SourceLine], source: String, folder: String? = nil, grid: Bool = false,
                overrides: ReportOverrides = ReportOverrides()) {
        self.lines = lines
        self.source = source
        self.folder = folder ?? source.split(separator: "/").dropLast().joined(separator: "/")
        self.grid = grid
        self.overrides = overrides
    }
}
