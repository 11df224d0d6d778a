import Foundation

// The headline figures followed across the three eras: which cell of each era's form holds
// the same quantity, and where an era has no cell that means the same thing (不可比). Data
// beside the forms it reads, so a fourth era is one more entry per figure, not code; a body's
// page draws its chart and table from these values, never from the forms directly.

/// One figure followed across the eras (本年新收申请 …).
public struct SeriesField: Sendable {
    public let id: String
    /// The name a page shows (`本年新收申请`).
    public let label: String
    /// Era id (`FormEra.id`) → where that era's form holds the figure, or why it holds none.
    public let sources: [String: SeriesSource]
}

/// Where one era holds a series figure.
public enum SeriesSource: Sendable {
    /// The sum of these cells of a standard table (one cell for most figures).
    case cells(TableKind, [SeriesCell])
    /// A key row of the 2008 statistics form.
    case legacy(LegacyFigure)
    /// The era's form counts something else under a similar name, or nothing at all: comparing
    /// it with the other eras would mislead. The reason is said on the body's page legend.
    case notComparable(String)
}

/// The key rows `LegacyTableRecognizer` reads from the 2008 form by their many wordings.
public enum LegacyFigure: Sendable {
    case applicationsReceived, reviewCount, litigationCount

    public func value(in table: LegacyTable) -> Decimal? {
        switch self {
        case .applicationsReceived: table.applicationsReceived
        case .reviewCount: table.reviewCount
        case .litigationCount: table.litigationCount
        }
    }
}

public struct SeriesCell: Sendable {
    public let row: String
    public let column: String

    public init(_ row: String, _ column: String) {
        self.row = row
        self.column = column
    }
}

/// One report's value of a series figure.
public enum SeriesValue: Hashable, Sendable, Codable {
    case value(Decimal)
    /// The report's era holds the figure but the report does not give it (an empty cell, a
    /// missing table): "—", never 0.
    case unknown
    /// The report's era has no figure that means the same (`SeriesSource.notComparable`).
    case notComparable

    public var number: Decimal? { if case let .value(v) = self { v } else { nil } }
}

extension Forms {
    /// The figures a body's page follows across the years, in display order.
    public static let series: [SeriesField] = {
        let applied: [String: SeriesSource] = ["2019": .cells(.applications, [SeriesCell("newReceived", "total")]),
                                               "2021": .cells(.applications, [SeriesCell("newReceived", "total")]),
                                               "legacy": .legacy(.applicationsReceived)]
        let granted: [String: SeriesSource] = ["2019": .cells(.applications, [SeriesCell("granted", "total")]),
                                               "2021": .cells(.applications, [SeriesCell("granted", "total")]),
                                               "legacy": .notComparable("2008 年版统计表按答复件数统计，不按 2019 年起的办理结果分类")]
        let forward: [String: SeriesSource] = ["2019": .cells(.applications, [SeriesCell("carriedForward", "total")]),
                                               "2021": .cells(.applications, [SeriesCell("carriedForward", "total")]),
                                               "legacy": .notComparable("2008 年版统计表没有“结转下年度继续办理”一项")]
        let review: [String: SeriesSource] = ["2019": .cells(.review, [SeriesCell("review", "total")]),
                                              "2021": .cells(.review, [SeriesCell("review", "total")]),
                                              "legacy": .legacy(.reviewCount)]
        let both = [SeriesCell("litigationDirect", "total"), SeriesCell("litigationAfterReview", "total")]
        let litigation: [String: SeriesSource] = ["2019": .cells(.review, both), "2021": .cells(.review, both),
                                                  "legacy": .legacy(.litigationCount)]
        return [
            SeriesField(id: "received", label: "本年新收申请", sources: applied),
            SeriesField(id: "granted", label: "予以公开", sources: granted),
            SeriesField(id: "carriedForward", label: "结转下年度", sources: forward),
            SeriesField(id: "review", label: "行政复议", sources: review),
            SeriesField(id: "litigation", label: "行政诉讼", sources: litigation),
        ]
    }()

    /// The era a report's figures are read under: its format's, or for a report whose format
    /// was not told, the era its tables belong to (the legacy form, else the newest form —
    /// the 2019 and 2021 forms hold every series figure in the same cells).
    static func seriesEra(_ report: Report) -> String {
        if report.format != .unknown { return report.format.rawValue }
        return report.tables.legacy != nil ? legacyEra.id : v2021.id
    }

    /// A report's value of every figure of `series`, in order.
    public static func seriesValues(_ report: Report, series: [SeriesField] = Forms.series) -> [SeriesValue] {
        let era = seriesEra(report)
        return series.map { field in
            switch field.sources[era] {
            case nil, .notComparable?:
                return .notComparable
            case let .legacy(figure)?:
                return report.tables.legacy.flatMap(figure.value).map(SeriesValue.value) ?? .unknown
            case let .cells(kind, cells)?:
                guard let table = report.tables[kind]?.stat else { return .unknown }
                var sum: Decimal = 0
                for cell in cells {
                    guard let v = table.value(cell.row, cell.column) else { return .unknown }
                    sum += v
                }
                return .value(sum)
            }
        }
    }
}
