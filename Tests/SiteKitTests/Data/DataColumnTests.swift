import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// The CSV's columns come from the forms: counted here by hand from Forms+Active,
/// Forms+Applications, Forms+Review and Forms+Legacy.
@Suite struct DataColumnTests {
    @Test func oneColumnPerDistinctCellOfEveryForm() {
        let columns = DataColumn.standard
        // 表二: 2021 has 10 cells; 2019 adds 19 (6 in item1, 5 in item5, 4 in item6, 2 in item8, 2 in item9).
        #expect(columns.filter { $0.table == "表二" }.count == 29)
        // 表三: 26 valued rows × 7 applicant columns (the 2021 form's rows include the 2019 form's).
        #expect(columns.filter { $0.table == "表三" }.count == 182)
        #expect(columns.filter { $0.table == "表四" }.count == 15)
        #expect(columns.filter { $0.table == "统计表" }.map(\.key)
                == ["legacy.activeTotal", "legacy.applicationsReceived", "legacy.reviewCount", "legacy.litigationCount"])
        #expect(columns.count == 230)
        #expect(Set(columns.map(\.key)).count == columns.count)
        #expect(Set(columns.map(\.name)).count == columns.count)
    }

    @Test func namesAreTheFormsOwnWords() throws {
        func column(_ key: String) throws -> DataColumn { try #require(DataColumn.standard.first { $0.key == key }) }
        let secret = try column("applications.denied.stateSecret.commercial")
        #expect(secret.name == "表三 三、本年度办理结果 （三）不予公开 1.属于国家秘密 法人或其他组织 商业企业")
        #expect(secret.eras == ["2021", "2019"])
        let unpaid = try column("applications.otherHandling.unpaidFee.total")
        #expect(unpaid.row == "三、本年度办理结果 （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
        #expect(unpaid.eras == ["2021"])
        // One path in two forms is one column, named as the newest form prints it.
        let licensing = try column("active.licensing.decisions")
        #expect(licensing.name == "表二 行政许可 本年处理决定数量")
        #expect(licensing.eras == ["2021", "2019"])
        let amount = try column("active.procurement.amount")
        #expect(amount.money && amount.eras == ["2019"] && amount.column == "采购总金额")
        #expect(try column("review.litigationDirect.pending").name == "表四 行政诉讼 未经复议直接起诉 尚未审结")
        #expect(try column("legacy.reviewCount").name == "统计表 行政复议数量")
        #expect(DataColumn.standard.first?.key == "active.regulations.issued")
    }

    @Test func whereTheValueIsAgreesWithTheKey() throws {
        for c in DataColumn.standard {
            #expect(c.key == ([c.kind.rawValue, c.rowKey] + [c.columnKey].compactMap { $0 }).joined(separator: "."))
        }
        let c = try #require(DataColumn.standard.first { $0.key == "applications.denied.stateSecret.total" })
        #expect(c.parts.table == .applications && c.parts.row == "denied.stateSecret" && c.parts.column == "total")
        let l = try #require(DataColumn.standard.first { $0.key == "legacy.activeTotal" })
        #expect(l.parts.table == .legacy && l.parts.row == "activeTotal" && l.parts.column == nil)
    }

    /// The sample report of the golden table: table 三 and 四 with an empty cell each.
    @Test func aRowHoldsTheReportsFieldsAndCells() throws {
        let report = Sample.report(source: "content/b.txt", title: "=HYPERLINK(\"x\")", body: "兴庆区掌政镇人民政府",
                                   region: SiteRenderTests.xingqing, year: 2020, applications: Sample.tableThree,
                                   review: Sample.tableFour,
                                   diagnostics: [Sample.columnTotalWarning, .info("text.encoding", "x", line: nil)])
        let row = DataRow(report: report)
        #expect(row.text == ["content/b.txt", "=HYPERLINK(\"x\")", "兴庆区掌政镇人民政府", "宁夏回族自治区", "银川市", "兴庆区", "掌政镇",
                             "640104100000", "2020", "2019", "2021-01-25", "2", "1"])
        let cells = row.numbers.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(cells.count == 230)
        func cell(_ key: String) -> String { cells[DataColumn.standard.firstIndex { $0.key == key }!] }
        #expect(cell("applications.newReceived.naturalPerson") == "3")
        #expect(cell("applications.resultsTotal.total") == "3")
        #expect(cell("applications.denied.stateSecret.naturalPerson") == "")
        #expect(cell("applications.denied.stateSecret.total") == "0")
        #expect(cell("applications.carriedOver.total") == "")
        #expect(cell("review.review.upheld") == "1")
        #expect(cell("review.litigationAfterReview.pending") == "")
        #expect(cell("active.regulations.issued") == "")
        #expect(cells.filter { !$0.isEmpty }.count == 5 * 7 - 1 + 3 * 5 - 1)
    }
}
