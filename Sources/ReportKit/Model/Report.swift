import Foundation

/// One parsed annual report: what the text says, every value with its source line, and
/// every problem found. The shape of `report.json` and of `nianbao extract` (report-json.md).
public struct Report: Hashable, Sendable {
    /// The path the report was read from, as given (e.g. `content/000_c2bcf9dd95c89acf.txt`).
    public var source: String
    /// The report's title line as printed (e.g. `兴庆区掌政镇 2020 年政府信息公开工作年度报告`).
    public var title: String?
    /// The issuing body as the report names it (title or signature).
    public var body: String?
    public var region: Region
    /// The calendar year the report covers (not the year it was signed).
    public var year: Int?
    public var format: Format
    /// The date under the signature, ISO 8601 (`2021-01-25`).
    public var published: String?
    /// 表二 (2019 or 2021 form), `nil` when the report has none.
    public var active: StatTable?
    /// 表三, `nil` when the report has none.
    public var applications: StatTable?
    /// 表四, `nil` when the report has none.
    public var review: StatTable?
    /// The legacy statistics form, `nil` when the report has none.
    public var legacy: LegacyTable?
    /// The text in reading order, for the page.
    public var blocks: [Block]
    public var diagnostics: [Diagnostic]

    public init(source: String, title: String? = nil, body: String? = nil, region: Region = .unknown,
                year: Int? = nil, format: Format = .unknown, published: String? = nil,
                active: StatTable? = nil, applications: StatTable? = nil, review: StatTable? = nil,
                legacy: LegacyTable? = nil, blocks: [Block] = [], diagnostics: [Diagnostic] = []) {
        self.source = source
        self.title = title
        self.body = body
        self.region = region
        self.year = year
        self.format = format
        self.published = published
        self.active = active
        self.applications = applications
        self.review = review
        self.legacy = legacy
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// The most severe diagnostic, `nil` when there is none.
    public var worstSeverity: Diagnostic.Severity? { diagnostics.map(\.severity).max() }
}
