import Foundation

// A `KeptSummary`'s bytes in the cache's bodies file (`LazySummary`): every field of the
// summary as it was made, its digests among them, so the summary read back is the one made
// (`ReportSummaryCacheTests`). Its id is the record's source, not repeated.

extension CacheWriter {
    mutating func keptSummary(_ k: KeptSummary) {
        string(k.series)
        array(k.across) { $0.diagnostic($1) }
        let s = k.summary
        string(s.title)
        string(s.body)
        region(s.region)
        int(s.year)
        string(s.rawName)
        array(s.figures) { $0.decimal($1) }
        uint(UInt64(s.problems))
        search(s.search)
        string(s.coverage.published)
        coverage(s.coverage)
        dataRow(s.data)
        string(s.content)
        string(s.summary)
        fixed(s.labels)
    }
}

extension CacheReader {
    /// What `keptSummary(_:)` wrote, for the report whose source (and summary's id) is `source`.
    mutating func keptSummary(source: String) throws -> KeptSummary {
        let series = try optionalString()
        let across = try array { try $0.diagnostic() }
        let summary = ReportSummary(
            id: source, title: try optionalString(), body: try optionalString(), region: try region(), year: try optionalInt(),
            rawName: try string(), figures: try array { try $0.optionalDecimal() }, problems: Int(clamping: try uint()),
            search: try search(), coverage: try coverage(published: try optionalString()), data: try dataRow(),
            content: try string(), summary: try string(), labels: try fixed())
        return KeptSummary(series: series, across: across, summary: summary)
    }
}

extension ReportSummary {
    /// A summary as the cache kept it, every field as it was made.
    init(id: String, title: String?, body: String?, region: Region, year: Int?, rawName: String, figures: [Decimal?], problems: Int,
         search: SearchEntry, coverage: CoverageFacts, data: DataRow, content: String, summary: String, labels: UInt64) {
        self.id = id
        self.title = title
        self.body = body
        self.region = region
        self.year = year
        self.rawName = rawName
        self.figures = figures
        self.problems = problems
        self.search = search
        self.coverage = coverage
        self.data = data
        self.content = content
        self.summary = summary
        self.labels = labels
    }
}
