import Foundation
import Testing
@testable import SiteKit

/// Checks on the table view models beyond the two golden files: the 2021 form, table 二,
/// the legacy form, and cells printed on their own lines (PDF text).
@Suite struct TableBuilderTests {
    func render(_ view: TableView) throws -> String {
        try Theme(directory: Sample.themeDirectory).render("table", view)
    }

    @Test func otherHandlingSpansItsSubRowsIn2021Form() throws {
        var placement = DiagnosticPlacement([])
        // The parser stores （六）其他处理 as the sum of its sub-rows; the page must not show it.
        let table = StatTable(form: Forms.applications2021, rows: [
            Sample.row("otherHandling", line: 30, [7, 0, 0, 0, 0, 0, 7]),
            Sample.row("otherHandling.other", line: 33, [7, 0, 0, 0, 0, 0, 7]),
        ])
        let html = try render(ApplicationsTableBuilder(table: table, prefix: "t3").build(placing: &placement))
        #expect(html.contains(#"<th id="t3-r-otherHandling" rowspan="3" scope="rowgroup">（六）其他处理</th><th id="t3-r-otherHandling-noCorrection" scope="row">"#))
        #expect(html.contains(#"<td class="num" headers="t3-c-naturalPerson t3-r-otherHandling-other t3-r-otherHandling t3-r-results"><a href="source.html#L33">7</a></td>"#))
        #expect(!html.contains("source.html#L30"))
        #expect(html.contains(#"<th id="t3-r-results" rowspan="22" scope="rowgroup">"#))
    }

    @Test func cellsOnTheirOwnLinesAreMarkedOneByOne() throws {
        // PDF text: the label on line 40, each number on the next lines.
        let cells = Sample.applicantColumns.enumerated().map { n, c in
            StatCell(column: c, value: Decimal(n), text: "\(n)", line: 41 + n)
        }
        let table = StatTable(form: Forms.applications2019, rows: [StatRow(key: "newReceived", line: 40, cells: cells)])
        var placement = DiagnosticPlacement([.warning("cell.unreadable", "自然人 无法读取", line: 41,
                                                      subject: Diagnostic.Subject(table: .applications, row: "newReceived", column: "naturalPerson"))])
        let html = try render(ApplicationsTableBuilder(table: table, prefix: "t3").build(placing: &placement))
        #expect(html.contains(#"<td class="num warn" headers="t3-c-naturalPerson t3-r-newReceived" aria-describedby="d1"><a href="source.html#L41">0</a> <span class="mark" aria-hidden="true">⚠</span></td><td class="num" headers="t3-c-commercial"#))
        #expect(html.contains(#"<tr class="note"><td colspan="10" id="d1">"#))
        #expect(placement.placed == [0])
    }

    @Test func tableTwoHasOneSectionPerItemAndMoneyInWanYuan() throws {
        let table = StatTable(form: Forms.active2019, rows: [
            StatRow(key: "procurement", line: 50, cells: [
                StatCell(column: "items", value: 2, text: "2", line: 50),
                StatCell(column: "amount", value: Decimal(string: "461.7"), text: "461.7 万元", line: 50),
            ]),
        ])
        var placement = DiagnosticPlacement([])
        let html = try render(ActiveTableBuilder(table: table, prefix: "t2").build(placing: &placement))
        #expect(html.components(separatedBy: "<tbody>").count - 1 == 5)
        #expect(html.contains(#"<tr><th id="t2-item9" colspan="4" scope="rowgroup">第二十条第（九）项</th></tr>"#))
        #expect(html.contains(#"<th id="t2-item9-c-amount" colspan="2" scope="col">采购总金额</th>"#))
        #expect(html.contains(#"<td class="num" colspan="2" headers="t2-item9-c-amount t2-item9 t2-item9-r-procurement"><a href="source.html#L50">461.7</a><span class="unit">万元</span></td>"#))
        #expect(!html.contains("<thead>"))
    }

    @Test func legacyRowsKeepTheirOrderAndEmptyIsNotZero() throws {
        let legacy = LegacyTable(rows: [
            LegacyRow(label: "主动公开政府信息数", unit: "条", value: 665, text: "665", line: 60),
            LegacyRow(label: "其中：主动公开规范性文件数", unit: "条", value: nil, text: nil, line: 61),
        ])
        var placement = DiagnosticPlacement([])
        let html = try render(LegacyTableBuilder(table: legacy, prefix: "tl").build(placing: &placement))
        #expect(html.contains(#"<tr><th id="tl-r-1" scope="row">主动公开政府信息数</th><td class="unit" headers="tl-c-unit tl-r-1">条</td><td class="num" headers="tl-c-value tl-r-1"><a href="source.html#L60">665</a></td></tr>"#))
        #expect(html.contains(#"<td class="num" headers="tl-c-value tl-r-2"><span aria-hidden="true">—</span><span class="vh">未填写/无法读取</span></td>"#))
    }
}
