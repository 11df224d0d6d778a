import Foundation

/// One report as the site map, the listing pages and the manifest see it: a few hundred
/// bytes, where the parsed report and its file are tens of kilobytes. A build keeps a summary
/// of every report; a report's full text is needed only for its own pages.
struct ReportSummary: Sendable {
    /// The report's stable id: its source path as the reports name themselves (`content/000.txt`).
    let id: String
    let title: String?
    let body: String?
    /// Names and the code of every level, as the parser resolved them.
    let region: Region
    let year: Int?
    /// The name of the raw file published beside the report's page (`source.txt`).
    let rawName: String
    /// The headline figures, in the order of `HeadlineFigures.labels`; `nil` where the report
    /// does not tell.
    let figures: [Decimal?]
    /// Warnings and errors (an info is not a problem).
    let problems: Int
    /// The report's row of the open data (CSV).
    let data: DataRow
    /// Digest of what the report's own pages are drawn from. A report is a pure function of
    /// its file (bytes, path, kind) under one version of nianbao, except for the diagnostics
    /// the checks across reports add after parsing: so those are what is digested — which an
    /// incremental build can also compute before parsing anything but the changed files.
    let content: String
    /// Digest of every field above but `content`: what a listing page can show of the report.
    let summary: String

    init(_ parsed: ParsedDocument) {
        let report = parsed.report
        id = report.source
        title = report.title
        body = report.body
        region = report.region
        year = report.year
        rawName = parsed.document.kind.rawName
        figures = HeadlineFigures.values(report)
        problems = report.diagnostics.filter { $0.severity != .info }.count
        data = DataRow(report: report)

        var c = Digest()
        c.add(id)
        c.add(parsed.document.path)
        c.add(parsed.document.kind.rawValue)
        c.add(parsed.document.encoding)
        c.add(parsed.document.bytes)
        c.add(DigestEncoder.digest(report.diagnostics).value)
        content = c.hex

        var s = Digest()
        s.add(id)
        s.add(title)
        s.add(body)
        s.add(DigestEncoder.digest(region).value)
        s.add(year)
        s.add(rawName)
        for f in figures { s.add(f.map { "\($0)" }) }
        s.add(problems)
        s.add(data.text.joined(separator: "\t") + "\n" + data.numbers)
        summary = s.hex
    }
}
