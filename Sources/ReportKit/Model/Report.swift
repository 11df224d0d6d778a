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
    /// The standard tables the report carries (表二, 表三, 表四 or the legacy form), by kind.
    public var tables: ReportTables
    /// The text in reading order, for the page.
    public var blocks: [Block]
    public var diagnostics: [Diagnostic]

    public init(source: String, title: String? = nil, body: String? = nil, region: Region = .unknown,
                year: Int? = nil, format: Format = .unknown, published: String? = nil,
                tables: ReportTables = ReportTables(), blocks: [Block] = [], diagnostics: [Diagnostic] = []) {
        self.source = source
        self.title = title
        self.body = body
        self.region = region
        self.year = year
        self.format = format
        self.published = published
        self.tables = tables
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// The most severe diagnostic, `nil` when there is none.
    public var worstSeverity: Diagnostic.Severity? { diagnostics.map(\.severity).max() }
}
