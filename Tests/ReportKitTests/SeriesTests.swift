import Foundation
import Testing
@testable import ReportKit

/// `Forms.series`: the headline figures read from each era's form, "not comparable" where an
/// era has no figure that means the same, "unknown" where the report leaves it out.
@Suite struct SeriesTests {
    static func row(_ key: String, _ total: Int?) -> StatRow {
        StatRow(key: key, line: 1, cells: [StatCell(column: "total", value: total.map { Decimal($0) }, text: nil, line: 1)])
    }

    @Test func everyEraSaysWhereEachFigureIsOrWhyNot() {
        for field in Forms.series {
            #expect(Set(field.sources.keys) == Set(Forms.eras.map(\.id)), "\(field.id)")
        }
        #expect(Forms.series.map(\.label) == ["本年新收申请", "予以公开", "结转下年度", "行政复议", "行政诉讼"])
    }

    @Test func theNewFormsAddLitigationUp() {
        var tables = ReportTables()
        tables.applications = StatTable(form: Forms.applications2021, rows: [Self.row("newReceived", 12), Self.row("granted", 5)])
        tables.review = StatTable(form: Forms.review, rows: [Self.row("review", 2), Self.row("litigationDirect", 1),
                                                              Self.row("litigationAfterReview", 3)])
        let report = Report(source: "a.txt", year: 2021, format: .v2021, tables: tables)
        #expect(Forms.seriesValues(report) == [.value(12), .value(5), .unknown, .value(2), .value(4)])
    }

    /// One empty cell of the two litigation rows makes the sum unknown, never a partial sum.
    @Test func aSumWithAnEmptyCellIsUnknown() {
        var tables = ReportTables()
        tables.review = StatTable(form: Forms.review, rows: [Self.row("review", 2), Self.row("litigationDirect", 1),
                                                              Self.row("litigationAfterReview", nil)])
        let report = Report(source: "a.txt", year: 2019, format: .v2019, tables: tables)
        #expect(Forms.seriesValues(report) == [.unknown, .unknown, .unknown, .value(2), .unknown])
    }

    @Test func theLegacyFormComparesWhatItCounts() {
        var tables = ReportTables()
        tables.legacy = LegacyTable(applicationsReceived: 7, reviewCount: 1, litigationCount: nil)
        let report = Report(source: "a.txt", year: 2016, format: .legacy, tables: tables)
        #expect(Forms.seriesValues(report) == [.value(7), .notComparable, .notComparable, .value(1), .unknown])
        // A report whose format was not told is read by the table it has.
        let unknown = Report(source: "b.txt", year: 2016, format: .unknown, tables: tables)
        #expect(Forms.seriesValues(unknown) == [.value(7), .notComparable, .notComparable, .value(1), .unknown])
        #expect(Forms.seriesValues(Report(source: "c.txt", format: .unknown)) == [.unknown, .unknown, .unknown, .unknown, .unknown])
    }
}
