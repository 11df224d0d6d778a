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
        #expect(html.contains(#"<td class="num" headers="t3-c-naturalPerson t3-r-otherHandling-other t3-r-otherHandling t3-r-results" data-label="自然人"><a href="source.html#L33">7</a></td>"#))
        #expect(!html.contains("source.html#L30"))
        #expect(html.contains(#"<th id="t3-r-results" rowspan="22" scope="rowgroup">"#))
    }

    /// Issue 13: seed 000 prints （七）总计 as `3 0 0 0 0 0 0 0` (eight values, seven columns);
    /// the page showed seven 0s the arithmetic placed. It shows the eight values as printed.
    @Test func aRowPrintedWithTheWrongNumberOfValuesIsShownAsPrinted() throws {
        var placement = DiagnosticPlacement([.warning("applications.cellCount", "表三 （七）总计: 8 个数值，应为 7 个", line: 93,
                                                      subject: Diagnostic.Subject(table: .applications, row: "resultsTotal"))])
        var total = Sample.row("resultsTotal", line: 93, [0, 0, 0, 0, 0, 0, 0])
        total.printed = ["3", "0", "0", "0", "0", "0", "0", "0"].map { PrintedValue(text: $0, line: 93) }
        let table = StatTable(form: Forms.applications2021, rows: [total])
        let html = try render(ApplicationsTableBuilder(table: table, prefix: "t3").build(placing: &placement))
        let printed = (["3"] + Array(repeating: "0", count: 7)).map { #" <a href="source.html#L93">\#($0)</a>"# }.joined()
        #expect(html.contains(#"<td class="num warn misprint" headers="t3-c-naturalPerson t3-c-commercial t3-c-research "#
            + #"t3-c-socialWelfare t3-c-legalService t3-c-other t3-c-total t3-g-1 t3-r-resultsTotal t3-r-results" colspan="7" "#
            + #"aria-describedby="d1"><span class="printed">原文印为"# + printed + "</span> "
            + #"<span class="misprint-note">原文本行印有 8 个数，本表有 7 列，无法确定各数属于哪一列，故不逐列填入</span></td></tr>"#))
        #expect(!html.contains(#"headers="t3-c-naturalPerson t3-r-resultsTotal"#))  // no cell per column in that row
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
        #expect(html.contains(#"<td class="num warn" headers="t3-c-naturalPerson t3-r-newReceived" data-label="自然人" aria-describedby="d1"><a href="source.html#L41">0</a> <span class="mark" aria-hidden="true">⚠</span></td><td class="num" headers="t3-c-commercial"#))
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

    /// 表二 printed with a value too many: shown as printed, not as the first two.
    @Test func aTableTwoRowWithAValueTooManyIsShownAsPrinted() throws {
        let table = StatTable(form: Forms.active2019, rows: [
            StatRow(key: "procurement", line: 50, cells: [
                StatCell(column: "items", value: 2, text: "2", line: 50),
                StatCell(column: "amount", value: 5, text: "5", line: 50),
            ], printed: ["2", "5", "7"].map { PrintedValue(text: $0, line: 50) }),
        ])
        var placement = DiagnosticPlacement([])
        let html = try render(ActiveTableBuilder(table: table, prefix: "t2").build(placing: &placement))
        #expect(html.contains(#"<td class="num warn misprint" headers="t2-item9-c-items t2-item9-c-amount t2-item9 t2-item9-r-procurement" "#
            + #"colspan="3"><span class="printed">原文印为 <a href="source.html#L50">2</a> <a href="source.html#L50">5</a> "#
            + #"<a href="source.html#L50">7</a></span> <span class="misprint-note">原文本行印有 3 个数，本表有 2 列，"#
            + #"无法确定各数属于哪一列，故不逐列填入</span></td>"#))
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

    /// Crawler text: the whole report on one line, so every row of table 三 is on line 2. A
    /// note by line went under the first row (一、本年新收) and marked every cell of the table;
    /// by subject it goes under the row it is about and marks the cell it names.
    static let flattened = "兴庆区掌政镇2020年政府信息公开工作年度报告\n"
        + "一、总体情况 2020年，本镇依法做好政府信息公开工作，全年共收到申请3件。二、主动公开政府信息情况 本年度主动公开信息若干条。"
        + "三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 "
        + "法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计 "
        + "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 "
        + "三、本年度办理结果 （一）予以公开 2 0 0 0 0 0 3 （二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0 "
        + "（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0 2.其他法律行政法规禁止公开 0 0 0 0 0 0 0 3.危及“三安全一稳定” 0 0 0 0 0 0 0 "
        + "4.保护第三方合法权益 0 0 0 0 0 0 0 5.属于三类内部事务信息 0 0 0 0 0 0 0 6.属于四类过程性信息 0 0 0 0 0 0 0 "
        + "7.属于行政执法案卷 0 0 0 0 0 0 0 8.属于行政查询事项 0 0 0 0 0 0 0 "
        + "（四）无法提供 1.本机关不掌握相关政府信息 1 0 0 0 0 0 1 2.没有现成信息需要另行制作 0 0 0 0 0 0 0 3.补正后申请内容仍不明确 0 0 0 0 0 0 0 "
        + "（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0 2.重复申请 0 0 0 0 0 0 0 3.要求提供公开出版物 0 0 0 0 0 0 0 "
        + "4.无正当理由大量反复申请 0 0 0 0 0 0 0 5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0 "
        + "（六）其他处理 0 0 0 0 0 0 0 （七）总计 3 0 0 0 0 0 3 四、结转下年度继续办理 0 0 0 0 0 0 0 "
        + "四、政府信息公开行政复议、行政诉讼情况 本年度无行政复议、行政诉讼。五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。\n"
        + "兴庆区掌政镇人民政府\n2021年1月25日\n"

    @Test func notesGoUnderTheRowTheyAreAboutWhenRowsShareALine() throws {
        let report = ReportParser().parse(Self.flattened, source: "flat.txt")
        let table = try #require(report.tables.applications)
        #expect(Set(table.rows.compactMap(\.line)) == [2])
        // （一）予以公开 prints 总计 3 for 2 + 0; （七）总计 3 is then not （一）…（六） = 2 + 1 + 1 = 4.
        #expect(report.diagnostics.map(\.code) == ["applications.rowTotal", "applications.resultsTotal"])
        #expect(report.diagnostics.map(\.line) == [2, 2])
        var placement = DiagnosticPlacement(report.diagnostics)
        let html = try render(ApplicationsTableBuilder(table: table, prefix: "t3").build(placing: &placement))
        #expect(placement.placed == [0, 1])
        // The first row on the line carries no note and no mark.
        #expect(html.contains(#"<tr><th id="t3-r-newReceived" colspan="3" scope="row">一、本年新收政府信息公开申请数量</th><td class="num" headers="t3-c-naturalPerson t3-r-newReceived" data-label="自然人">"#))
        // The row total is noted under （一）予以公开, every cell of that row marked.
        #expect(html.contains(#"三、本年度办理结果</th><th id="t3-r-granted" colspan="2" scope="row" aria-describedby="d1">（一）予以公开 <span class="mark" aria-hidden="true">⚠</span></th><td class="num warn" headers="t3-c-naturalPerson t3-r-granted t3-r-results" data-label="自然人" aria-describedby="d1">"#))
        #expect(html.contains(#"<a href="source.html#L2">3</a> <span class="mark" aria-hidden="true">⚠</span></td></tr>"# + "\n"
                              + #"<tr class="note"><td colspan="9" id="d1">"#))
        // The column total is noted under （七）总计 and marks its 总计 cell alone.
        #expect(html.contains(#"<td class="num" headers="t3-c-naturalPerson t3-r-resultsTotal t3-r-results" data-label="自然人"><a href="source.html#L2">3</a></td>"#))
        #expect(html.contains(#"<td class="num warn" headers="t3-c-total t3-r-resultsTotal t3-r-results" data-label="总计" aria-describedby="d2"><a href="source.html#L2">3</a> <span class="mark" aria-hidden="true">⚠</span></td></tr>"# + "\n"
                              + #"<tr class="note"><td colspan="9" id="d2">"#))
        #expect(html.components(separatedBy: #"class="num warn""#).count - 1 == 8)
    }

    /// Table 四 is one printed row: a group's note marks that group's five cells, not fifteen.
    @Test func aReviewGroupNoteMarksItsGroupOnly() throws {
        var placement = DiagnosticPlacement([
            .warning("review.groupTotal", "表四 行政诉讼 复议后起诉: 总计 0 ≠ …", line: 20,
                     subject: Diagnostic.Subject(table: .review, row: "litigationAfterReview")),
        ])
        let html = try render(ReviewTableBuilder(table: Sample.tableFour, prefix: "t4").build(placing: &placement))
        #expect(placement.placed == [0])
        #expect(html.components(separatedBy: #"class="num warn""#).count - 1 == 5)
        #expect(html.contains(#"<td class="num warn" headers="t4-c-litigationAfterReview-upheld t4-g-litigationAfterReview t4-g-litigation" aria-describedby="d1">"#))
        #expect(html.contains(#"<td class="num" headers="t4-c-review-upheld t4-g-review"><a href="source.html#L20">1</a></td>"#))
        #expect(html.contains(#"<tr class="note"><td colspan="15" id="d1">"#))
    }
}
