import Foundation

/// One report as the site map, the listing pages and the manifest see it: a few hundred
/// bytes, where the parsed report and its file are tens of kilobytes. A build keeps a summary
/// of every report; a report's full text is needed only for its own pages.
///
/// A summary is made from a `ReportRecord` — parsed now, or read from the build cache without
/// parsing — never from a `Report` directly. A site-wide feature that needs its own value per
/// report (`SearchEntry(report:)`, `DataRow(report:)`) therefore adds, besides its one stored
/// property here: the same field on `ReportRecord.Facts`, computed from the `Report` in
/// `Facts.init(report:document:forms:)`; its bytes in `ReportRecord.write(to:)` and
/// `read(from:forms:)` (`CacheWriter` has strings, varints, decimals, arrays); and, if listing
/// pages show it, a line in `summary` below. The read side names every field, so a field
/// without its line there does not compile.
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
    /// What the search index takes from the report (its prose and table labels among it). Not
    /// in `summary`: no listing page shows it, and it is a function of the report, so `content`
    /// covers it.
    let search: SearchEntry
    /// Date, era, series figures and problem anchors, for the coverage, timeliness and quality pages.
    let coverage: CoverageFacts
    /// The report's row of the open data (CSV).
    let data: DataRow
    /// Digest of what the report's own pages are drawn from. A report is a pure function of
    /// its file (bytes, path, kind) under one version of nianbao, except for the diagnostics
    /// the checks across reports add after parsing: so those are what is digested — which an
    /// incremental build can also compute before parsing anything but the changed files.
    let content: String
    /// Digest of every field above but `content`: what a listing page can show of the report.
    let summary: String
    /// Digest of what `summary` covers but the figures (`figures`, the coverage's `series`,
    /// the open-data row): what a page that shows no figure (`Page.showsFigures`) can show of
    /// the report. Editing a number leaves it as it was, so such a page keeps its frame.
    let labels: UInt64

    /// The summary of a report parsed now, with every diagnostic it has (the checks across
    /// reports included).
    init(_ parsed: ParsedDocument) {
        let bytes = parsed.document.bytes
        let hash = ReportRecord.hash(source: parsed.report.source, path: parsed.document.path, bytes: bytes, sidecar: nil)
        let facts = ReportRecord.Facts(report: parsed.report, document: parsed.document, forms: nil)
        self.init(ReportRecord(path: parsed.document.path, source: parsed.report.source, hash: hash, problems: nil, facts: facts),
                  facts: facts, across: [])
    }

    /// The summary of a report from its record, with the diagnostics the checks across
    /// reports gave it in this build (`across`).
    init(_ record: ReportRecord, facts: ReportRecord.Facts, across: [Diagnostic]) {
        id = record.source
        title = facts.title
        body = facts.body
        region = facts.region
        year = facts.year
        rawName = facts.kind.rawName
        figures = facts.figures
        problems = (facts.diagnostics + across).filter { $0.severity != .info }.count
        search = facts.search
        coverage = facts.coverage.adding(across: across, after: facts.diagnostics.count)
        data = facts.data.adding(across: across)

        var c = Digest()
        c.add(id)
        c.add(record.path)
        c.add(facts.kind.rawValue)
        c.add(facts.encoding)
        // The file's digest stands for its bytes and its sidecar front matter.
        c.add(record.hash ?? 0)
        c.add(DigestEncoder.digest(facts.diagnostics + across).value)
        content = c.hex

        var s = Digest()
        s.add(id)
        s.add(title)
        s.add(body)
        let regionDigest = region.digest
        s.add(regionDigest)
        s.add(year)
        s.add(rawName)
        for f in figures { s.add(f.map { "\($0)" }) }
        s.add(problems)
        coverage.digest(into: &s)
        s.add(data.text.count)
        for text in data.text { s.add(text) }
        s.add(data.numbers)
        summary = s.hex

        var l = Digest()
        l.add(id)
        l.add(title)
        l.add(body)
        l.add(regionDigest)
        l.add(year)
        l.add(rawName)
        l.add(problems)
        l.add(coverage.published)
        l.add(coverage.format)
        CoverageFacts.digest(coverage.problems, into: &l)
        labels = l.value
    }
}
