import Foundation

/// The 2008–2018 statistics form (政府信息公开情况统计表): rows of 统计指标 · 单位 · 统计数,
/// read by label, never by position (the row set changed between years).
public struct LegacyTable: Hashable, Sendable {
    public var rows: [LegacyRow]
    /// 主动公开政府信息数 (or its variant wordings).
    public var activeTotal: Decimal?
    /// 收到申请数 / 受理依申请公开信息总数.
    public var applicationsReceived: Decimal?
    /// 行政复议数量.
    public var reviewCount: Decimal?
    /// 行政诉讼数量.
    public var litigationCount: Decimal?

    public init(rows: [LegacyRow] = [], activeTotal: Decimal? = nil, applicationsReceived: Decimal? = nil,
                reviewCount: Decimal? = nil, litigationCount: Decimal? = nil) {
        self.rows = rows
        self.activeTotal = activeTotal
        self.applicationsReceived = applicationsReceived
        self.reviewCount = reviewCount
        self.litigationCount = litigationCount
    }
}

/// One row of the legacy form. `label` is the row label exactly as printed with whitespace
/// removed (the JSON key); an empty 统计数 is `nil` ("not reported"), which is not 0.
public struct LegacyRow: Hashable, Sendable {
    public var label: String
    public var unit: String?
    public var value: Decimal?
    public var text: String?
    public var line: Int?

    public init(label: String, unit: String?, value: Decimal?, text: String?, line: Int?) {
        self.label = label
        self.unit = unit
        self.value = value
        self.text = text
        self.line = line
    }
}
