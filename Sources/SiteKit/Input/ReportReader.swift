import Foundation

/// The parse step of the pipeline: a loaded document in, a report out, with the
/// publisher's front matter applied and the decoder's findings kept.
public struct ReportReader: Sendable {
    public var parser: ReportParser
    /// Turns a front matter `region:` value (a code or a slash path) into a region.
    public var regionLookup: @Sendable (String) -> Region?

    public init(parser: ReportParser = ReportParser(), regionLookup: @escaping @Sendable (String) -> Region? = { _ in nil }) {
        self.parser = parser
        self.regionLookup = regionLookup
    }

    /// Reads one document; `source` is the path the report names (`content/000.txt`).
    public func read(_ document: SourceDocument, source: String) -> Report {
        let front = FrontMatter.split(document.text)
        let lines = Self.lines(of: front.remainingText, kind: document.kind)
        var report = parser.parse(lines: lines, source: source)
        let (overrides, problems) = front.overrides(resolveRegion: regionLookup)
        if !overrides.isEmpty { report = report.applying(overrides) }
        report.diagnostics = document.diagnostics + front.diagnostics + problems + report.diagnostics
        return report
    }

    /// The numbered lines the parser reads: an HTML page's text and table rows, or the file's lines.
    public static func lines(of text: String, kind: SourceDocument.Kind) -> [SourceLine] {
        kind == .html ? HTMLText.lines(text) : SourceText.lines(text)
    }
}

extension ReportReader {
    /// The reader the tools use: the parser with the division gazetteer, and front matter
    /// `region:` resolved through it.
    public static var standard: ReportReader {
        ReportReader(parser: ReportParser(resolver: RegionResolver(gazetteer: .shared)),
                     regionLookup: { Gazetteer.shared.region(fromOverride: $0) })
    }
}
