/// Fields a publisher sets in a report's front matter (YAML between `---` lines at the top
/// of the file) to fix what the text cannot tell. Each set field replaces the extracted
/// one, and the replacement is noted as an `info` diagnostic so a reader can see it.
public struct ReportOverrides: Hashable, Sendable {
    public var body: String?
    public var region: Region?
    public var year: Int?
    public var published: String?
    public var format: Format?
    /// The line of the front matter block (1), for the diagnostics.
    public var line: Int

    public init(body: String? = nil, region: Region? = nil, year: Int? = nil, published: String? = nil, format: Format? = nil, line: Int = 1) {
        self.body = body
        self.region = region
        self.year = year
        self.published = published
        self.format = format
        self.line = line
    }

    public var isEmpty: Bool { body == nil && region == nil && year == nil && published == nil && format == nil }
}

extension Report {
    /// The report with the publisher's overrides applied, each noted as `frontMatter.override`.
    /// Diagnostics that the override settles (no year, unresolved region) are dropped.
    public func applying(_ o: ReportOverrides) -> Report {
        var r = self
        func note(_ field: String, _ old: String?, _ new: String) {
            r.diagnostics.append(.info("frontMatter.override", "front matter 将 \(field) 设为「\(new)」（正文读出的是「\(old ?? "无")」）", line: o.line))
        }
        if let body = o.body { note("body", r.body, body); r.body = body }
        if let region = o.region {
            let name = [region.province, region.city, region.county, region.town].compactMap { $0 }.joined(separator: "/")
            let old = [r.region.province, r.region.city, r.region.county, r.region.town].compactMap { $0 }.joined(separator: "/")
            note("region", old.isEmpty ? nil : old, name)
            r.region = region
            r.diagnostics.removeAll { $0.code.rawValue.hasPrefix("region.") }
        }
        if let year = o.year {
            note("year", r.year.map(String.init), String(year)); r.year = year
            r.diagnostics.removeAll { $0.code == "report.noYear" }
        }
        if let published = o.published { note("published", r.published, published); r.published = published }
        if let format = o.format { note("format", r.format.rawValue, format.rawValue); r.format = format }
        return r
    }
}
