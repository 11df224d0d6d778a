/// Reads one report: text in, `Report` (with its diagnostics) out. Pure: no file system,
/// no printing; the caller attaches the file path to the diagnostics.
///
/// Start reading here, then `Recognizers/`.
public struct ReportParser: Sendable {
    public init(resolver: (any RegionResolving)? = nil) {}

    /// Parses already-decoded text (`.txt`, `.md`, or the line form of an HTML page).
    public func parse(lines: [SourceLine], source: String) -> Report {
        // Placeholder until the recognisers land: every report is unknown.
        Report(source: source, diagnostics: [.error("report.unrecognized", "no recogniser yet", line: nil)])
    }

    /// Parses a decoded text, split into lines numbered from 1.
    public func parse(_ text: String, source: String) -> Report {
        parse(lines: SourceText.lines(text), source: source)
    }
}
