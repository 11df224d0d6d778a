import Foundation
import NianbaoTestSupport
import Testing
@testable import ReportKit

/// Issue 8: a fourth era needs data only. `FourthEra` (a copy of 2021 whose table 三 has a new
/// 个体工商户 column and a renamed row) is registered here and nowhere in the product; the
/// fixture `era-fourth.txt` is a report in it. Expected values written by reading the fixture.
@Suite struct FourthEraTests {
    static func fixture() throws -> String {
        try String(contentsOf: Fixture.directory().appendingPathComponent("Fixtures/era-fourth.txt"), encoding: .utf8)
    }

    static let source = "Tests/ReportKitTests/Fixtures/era-fourth.txt"

    @Test func parsesWithTheEraItsHeadersName() throws {
        let r = ReportParser(forms: FourthEra.registry).parse(try Self.fixture(), source: Self.source)
        #expect(r.format.rawValue == "2023")
        #expect(r.format == Format(era: FourthEra.era))
        #expect(r.body == "永宁县望远镇人民政府")
        #expect(r.year == 2023)
        // Tables 二 and 四 are the 2021 forms the era keeps.
        #expect(r.tables.active?.form == Forms.active2021)
        #expect(r.tables.active?.value("normativeDocuments", "inForce") == 5)
        #expect(r.tables.active?.value("licensing", "decisions") == 10)
        #expect(r.tables.review?.form == Forms.review)
        #expect(r.tables.review?.value("review", "total") == 1)

        let t = try #require(r.tables.applications)
        #expect(t.form == FourthEra.applications)
        // Line 29: 2 0 1 0 0 0 0 3, the new column third.
        #expect(t[row: "newReceived"]?.cells.map(\.column) == ["naturalPerson", "commercial", "soleTrader", "research",
                                                              "socialWelfare", "legalService", "other", "total"])
        #expect(t[row: "newReceived"]?.cells.map(\.value) == [2, 0, 1, 0, 0, 0, 0, 3])
        // Line 43: the renamed row is read under its key.
        #expect(t[row: "unable.stillUnclear"]?.line == 43)
        #expect(t[row: "unable.stillUnclear"]?.cells.map(\.value) == [Decimal?](repeating: 0, count: 8))
        // Line 32 prints seven zeros for eight cells: every placement by the row identity gives 0.
        #expect(t[row: "partiallyGranted"]?.cells.map(\.value) == [Decimal?](repeating: 0, count: 8))
        // （六） is the sum of its three sub-rows (lines 49–51), as in 2021.
        #expect(t[row: "otherHandling"]?.cells.map(\.value) == [Decimal?](repeating: 0, count: 8))
        #expect(t.value("resultsTotal", "soleTrader") == 1)
    }

    @Test func itsIdentitiesAreChecked() throws {
        let r = ReportParser(forms: FourthEra.registry).parse(try Self.fixture(), source: Self.source)
        let s = { (row: String, column: String?) in Diagnostic.Subject(table: .applications, row: row, column: column) }
        #expect(r.diagnostics == [
            .warning("applications.cellCount", "表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形）: 7 个数值，应为 8 个", line: 32,
                     subject: s("partiallyGranted", nil)),
            // Line 45: 0 0 1 0 0 0 0 0 — the 1 is under 个体工商户, which the total must count.
            .warning("applications.rowTotal", "表三 2.重复申请: 总计 0 ≠ 自然人 0 + 法人或其他组织 1", line: 45,
                     subject: s("notProcessed.repeated", nil)),
            // （七）总计 个体工商户 1, but （一） 1 + 2.重复申请 1 = 2.
            .warning("applications.resultsTotal", "表三 （七）总计 个体工商户: 1 ≠ （一）至（六）之和 2", line: 52,
                     subject: s("resultsTotal", "soleTrader")),
        ])
    }

    /// Without the era the same text is a 2021 report whose table 三 does not fit: the era,
    /// not code, makes the difference.
    @Test func theStandardEraReadsItAsA2021ReportThatDoesNotFit() throws {
        let r = ReportParser().parse(try Self.fixture(), source: Self.source)
        #expect(r.format == .v2021)
        #expect(r.tables.applications?.form == Forms.applications2021)
        #expect(r.diagnostics.contains { $0.code == "row.unknown" && $0.line == 43 })
        // Every other row prints eight numbers for seven cells (line 32, seven, fits by chance):
        // the table's layout, one note, not 23 rows that contradict the report.
        #expect(r.diagnostics.filter { $0.code == "applications.cellCount" }.count == 0)
        #expect(r.diagnostics.filter { $0.code == "table.layout" }.map(\.severity) == [.info])
    }

    @Test func theRegistryTriesTheNewestEraFirst() {
        #expect(FourthEra.registry.eras.map(\.id) == ["2023", "2021", "2019", "legacy"])
        #expect(Forms.standard.eras.map(\.id) == ["2021", "2019", "legacy"])
        // Registering it in a test leaves the product's registry alone.
        #expect(Forms.standard.era("2023") == nil)
        #expect(Format(rawValue: "2023") == nil)
    }
}
