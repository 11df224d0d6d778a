import Foundation

/// What the coverage, timeliness and data-quality pages, the county's side-by-side table and
/// a body's chart need of one report beyond the rest of its summary: its printed date, its
/// form era, the series figures with "not comparable" kept apart from "not given", and where
/// on its page each problem sits. A pure function of the parsed report, so the listing pages
/// are drawn from summaries alone (the build can stream and cache): the build cache keeps it in
/// `ReportRecord.Facts.coverage`, all but the date, which is `Facts.published` already.
struct CoverageFacts: Sendable, Hashable, Codable {
    /// One problem of the report, as a listing links to it.
    struct Problem: Sendable, Hashable, Codable {
        /// The id of its note on the report's page (`d3`: `DiagnosticPlacement.noteID`).
        let anchor: String
        let isError: Bool
        let message: String
    }

    /// The date under the signature (`2021-01-25`), as the report prints it.
    let published: String?
    /// The form era id (`2021`, `2019`, `legacy`, `unknown`).
    let format: String
    /// `Forms.series`, in order.
    let series: [SeriesValue]
    /// The first `maxProblems` warnings and errors, in the report's order; the summary's
    /// `problems` counts them all.
    let problems: [Problem]

    /// A listing names a few problems per report and links to the report for the rest: a
    /// summary stays a few hundred bytes however broken the report.
    static let maxProblems = 5

    init(published: String?, format: String, series: [SeriesValue], problems: [Problem]) {
        self.published = published
        self.format = format
        self.series = series
        self.problems = problems
    }

    init(_ report: Report) {
        published = report.published
        format = report.format.rawValue
        series = Forms.seriesValues(report)
        problems = Self.listed(report.diagnostics, from: 0, room: Self.maxProblems)
    }

    /// The same facts with the problems the checks across reports gave the report in this
    /// build: its page numbers them after its own `own` diagnostics (the cache keeps only those).
    func adding(across: [Diagnostic], after own: Int) -> CoverageFacts {
        guard !across.isEmpty else { return self }
        return CoverageFacts(published: published, format: format, series: series,
                             problems: problems + Self.listed(across, from: own, room: Self.maxProblems - problems.count))
    }

    /// Up to `room` warnings and errors of `diagnostics`, numbered from `offset` as the page's notes are.
    static func listed(_ diagnostics: [Diagnostic], from offset: Int, room: Int) -> [Problem] {
        var problems: [Problem] = []
        for (i, d) in diagnostics.enumerated() where d.severity != .info {
            guard problems.count < room else { break }
            problems.append(Problem(anchor: DiagnosticPlacement.noteID(offset + i), isError: d.severity == .error, message: d.message))
        }
        return problems
    }
}
