import Foundation
import Testing
@testable import ReportKit

/// One synthetic fixture per layout class (report-formats.md "Layouts seen in the wild").
@Suite("Parser layouts")
struct LayoutTests {
    @Test func readsTabSeparatedReport() throws {
        let r = try ParserFixture.parse("parser-tsv.txt")
        #expect(r.body == "兴庆区示例镇人民政府")
        #expect(r.year == 2020)
        #expect(r.format == .v2019)
        #expect(r.published == "2021-01-25")
        #expect(r.row(r.tables.active, "normativeDocuments") == [2, 2, 9])
        #expect(r.row(r.tables.active, "procurement") == [7, Decimal(string: "461.7")!])
        #expect(r.tables.active?[row: "procurement"]?["amount"]?.line == 17)
        #expect(r.row(r.tables.applications, "newReceived") == [4, 1, 0, 0, 0, 0, 5])
        #expect(r.tables.applications?[row: "granted"]?.line == 24)
        #expect(r.row(r.tables.review, "review") == [1, 0, 0, 0, 1])
        #expect(r.row(r.tables.review, "litigationDirect") == [0, 0, 0, 0, 0])
        #expect(r.diagnostics == [])
        let sections = r.blocks.compactMap { b -> Int? in if case .heading(_, _, let s?, _) = b { return s } else { return nil } }
        #expect(sections == [1, 2, 3, 4, 5, 6])
        let tables = r.blocks.compactMap { b -> TableKind? in if case .table(let k, _) = b { return k } else { return nil } }
        #expect(tables == [.active, .applications, .review])
        #expect(r.blocks.suffix(2) == [.paragraph(text: "兴庆区示例镇人民政府", line: 41), .paragraph(text: "2021年1月25日", line: 43)])
    }

    @Test func readsPDFTextWithBrokenLabelsAndOneCellPerLine() throws {
        let r = try ParserFixture.parse("parser-pdf.txt")
        #expect(r.body == "示例县某某镇人民政府")
        #expect(r.year == 2020)
        #expect(r.row(r.tables.applications, "newReceived") == [0, 0, 0, 0, 0, 0, 0])
        #expect(r.row(r.tables.applications, "denied.prohibitedByLaw") == [0, 0, 0, 0, 0, 0, 0])
        #expect(r.tables.applications?[row: "denied.prohibitedByLaw"]?.cells.map(\.line) == [23, 25, 27, 29, 31, 33, 35])
        #expect(r.row(r.tables.review, "litigationAfterReview") == [0, 0, 0, 0, 0])
        #expect(r.diagnostics == [])
    }

    @Test func readsPipeTablesFullWidthDigitsAndMisprints() throws {
        let r = try ParserFixture.parse("parser-pipe.md")
        #expect(r.format == .v2021)
        #expect(r.row(r.tables.applications, "newReceived") == [12, 0, 0, 0, 0, 0, 12])
        // 2021: （六）其他处理 is the sum of its three sub-rows.
        #expect(r.row(r.tables.applications, "otherHandling") == [3, 0, 0, 0, 0, 0, 3])
        // `2.其他法律行政止公开` is a misprint of 其他法律行政法规禁止公开.
        #expect(r.row(r.tables.applications, "denied.prohibitedByLaw") == [0, 0, 0, 0, 0, 0, 0])
        #expect(r.codesAndLines == ["row.unknown@14"])
        #expect(r.diagnostics[0].message.contains("重复申请"))
    }

    @Test func readsLegacyFormByLabel() throws {
        let r = try ParserFixture.parse("parser-legacy.txt")
        #expect(r.format == .legacy)
        #expect(r.year == 2016)
        #expect(r.published == "2017-01-20")
        #expect(r.tables.active == nil && r.tables.applications == nil && r.tables.review == nil)
        let legacy = try #require(r.tables.legacy)
        #expect(legacy.activeTotal == 665)
        #expect(legacy.applicationsReceived == 3)
        #expect(legacy.reviewCount == nil)
        #expect(legacy.litigationCount == 0)
        // Every printed row, headings included, keyed by its label as printed (full-width kept).
        #expect(legacy.rows.first?.label == "一、主动公开情况")
        #expect(legacy.rows.first?.value == nil && legacy.rows.first?.unit == nil)
        #expect(legacy.rows.dropFirst().first?.label == "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)")
        #expect(r.codesAndLines == ["legacy.activeBreakdown@14", "legacy.channels@16"])
    }

    @Test func leavesTablesNullInProseOnlyReport() throws {
        let r = try ParserFixture.parse("parser-prose-only.txt")
        #expect(r.body == "示例区某某局")
        #expect(r.year == 2013)
        #expect(r.format == .legacy)
        #expect(r.tables.active == nil && r.tables.applications == nil && r.tables.review == nil && r.tables.legacy == nil)
        #expect(r.codesAndLines == ["report.noTables@-"])
    }

    @Test func placesShiftedAndConcatenatedCells() throws {
        let r = try ParserFixture.parse("parser-shifted.txt")
        #expect(r.row(r.tables.applications, "newReceived") == [71, 3, 0, 0, 0, 0, 74])
        #expect(r.row(r.tables.applications, "resultsTotal") == [0, 0, 0, 0, 0, 0, 0])
        // Line 3 runs its digits together (split uniquely by the row sum: a layout note); line 4
        // prints 8 separate cells (a row the report got wrong).
        #expect(r.codesAndLines == ["cell.joined@3", "applications.cellCount@4"])
        // Issue 13: the page shows line 4 as printed; the joined digits of line 3 were split for certain.
        let printed = ["3", "0", "0", "0", "0", "0", "0", "0"].map { PrintedValue(text: $0, line: 4) }
        #expect(r.tables.applications?[row: "resultsTotal"]?.printed == printed)
        #expect(r.tables.applications?[row: "newReceived"]?.printed == nil)
    }

    @Test func readsChineseNumeralDates() {
        #expect(DateReader.date("二○一二年二月二十日")?.iso == "2012-02-20")
        #expect(DateReader.date("二〇一三年一月二十一日")?.iso == "2013-01-21")
        #expect(DateReader.date("二〇一三年一月") == DateReader.DateValue(year: 2013, month: 1, day: nil))
        #expect(DateReader.date("2021 年 1 月 25 日")?.iso == "2021-01-25")
        #expect(DateReader.date("填报日期：2017年1月20日") == nil)
    }

    // Issue 9: dates written with numbers only, alone or in brackets.
    @Test func readsNumericDates() {
        #expect(DateReader.date("2023-01-20")?.iso == "2023-01-20")
        #expect(DateReader.date("2023.1.18")?.iso == "2023-01-18")
        #expect(DateReader.date("2023/1/8")?.iso == "2023-01-08")
        #expect(DateReader.date("（二〇二二年一月十八日）")?.iso == "2022-01-18")
        #expect(DateReader.date("２０２３．１．１８")?.iso == "2023-01-18")
        // Numbering, a version or a page header's time are no dates.
        #expect(DateReader.date("1.2.3") == nil)
        #expect(DateReader.date("2023-13-01") == nil)
        #expect(DateReader.date("2023-01-20", numeric: false) == nil)
    }

    @Test func recognisesSectionHeadingsInEveryDress() {
        #expect(SectionHeading.section(of: Normalizer.line("## **二、主动公开政府信息情况**")) == 2)
        #expect(SectionHeading.section(of: Normalizer.line("四、政府信息公开行政法复议、行政诉讼情况")) == 4)
        #expect(SectionHeading.section(of: Normalizer.line("三、本年度办理结果")) == nil)
        #expect(SectionHeading.section(of: Normalizer.line("四、结转下年度继续办理")) == nil)
    }
}

/// A stub resolver that records the clues it was given.
struct RecordingResolver: RegionResolving {
    func resolve(_ clues: RegionClues) -> (Region, [Diagnostic]) {
        (Region(town: clues.body, code: clues.folder), [.info("region.test", clues.signature ?? "-", line: clues.bodyLine)])
    }
}

@Suite("Parser region clues")
struct RegionClueTests {
    @Test func handsCluesToTheResolver() throws {
        let text = try ParserFixture.text("parser-tsv.txt")
        let r = ReportParser(resolver: RecordingResolver()).parse(text, source: "content/ningxia/yinchuan/a.txt")
        #expect(r.region == Region(town: "兴庆区示例镇人民政府", code: "content/ningxia/yinchuan"))
        #expect(r.diagnostics == [.info("region.test", "兴庆区示例镇人民政府", line: 41)])
    }

    @Test func withoutResolverRegionIsUnknown() throws {
        let r = try ParserFixture.parse("parser-tsv.txt")
        #expect(r.region == .unknown)
    }
}

@Suite("Parser labels after values")
struct LabelsAfterValuesTests {
    // PDF text (pdftotext default mode) prints some labels after their numbers.
    @Test func placesValuesPrintedBeforeTheirLabels() throws {
        let r = try ParserFixture.parse("parser-labels-after.txt")
        #expect(r.row(r.tables.active, "licensing") == [550])
        #expect(r.tables.active?[row: "licensing"]?.line == 7)
        #expect(r.row(r.tables.active, "penalty") == [4119])
        #expect(r.row(r.tables.applications, "newReceived") == [30, 1, 0, 0, 0, 0, 31])
        #expect(r.row(r.tables.applications, "carriedOver") == [2, 0, 0, 0, 0, 0, 2])
        #expect(r.row(r.tables.applications, "granted") == [20, 1, 0, 0, 0, 0, 21])
        #expect(r.row(r.tables.applications, "partiallyGranted") == [5, 0, 0, 0, 0, 0, 5])
        #expect(r.diagnostics == [])
    }

    @Test func leavesRunsAloneWhenCountsDisagree() throws {
        // One label after the values but two runs: nothing is moved, the row is reported.
        let text = "三、收到和处理政府信息公开申请情况\n二、上年结转政府信息公开申请数量\n2 0 0 0 0 0 2 20 1 0 0 0 0 21 5 0 0 0 0 0 5\n（一）予以公开\n四、政府信息公开行政复议情况\n"
        let r = ReportParser().parse(text, source: "x.txt")
        #expect(r.tables.applications?[row: "granted"] == nil)
        #expect(r.row(r.tables.applications, "carriedOver") == [Decimal?](repeating: nil, count: 7))
        #expect(r.codesAndLines == ["applications.cellCount@3", "report.noYear@-", "report.noBody@-"])
    }
}

extension LabelsAfterValuesTests {
    // pdftotext's reading order can print the first row's tall label cell pages after its values,
    // which then come straight under the column header (whose last word, 总计, names a row too).
    static let headerThenValues = """
        三、收到和处理政府信息公开申请情况
        申请人情况
        自然人
        法人或其他组织
        商业企业 科研机构 社会公益组织 法律服务机构 其他
        总计
        %@
        二、上年结转政府信息公开申请数量
        1 0 0 0 0 0 1
        （一）予以公开
        3 0 0 0 0 0 3
        一、本年新收政府信息公开申请数量
        四、政府信息公开行政复议情况

        """

    @Test func readsTheRunUnderTheHeaderAsTheFirstRow() throws {
        let text = Self.headerThenValues.replacingOccurrences(of: "%@", with: "21\n0\n0\n0\n0\n2\n23")
        let r = ReportParser().parse(text, source: "x.txt")
        #expect(r.row(r.tables.applications, "newReceived") == [21, 0, 0, 0, 0, 2, 23])
        #expect(r.tables.applications?[row: "newReceived"]?.line == 7)
        #expect(r.row(r.tables.applications, "carriedOver") == [1, 0, 0, 0, 0, 0, 1])
        #expect(r.row(r.tables.applications, "granted") == [3, 0, 0, 0, 0, 0, 3])
        // The header's 总计 is not the （七）总计 row.
        #expect(r.tables.applications?[row: "resultsTotal"] == nil)
    }

    @Test func leavesARunUnderTheHeaderThatDoesNotAddUp() throws {
        let text = Self.headerThenValues.replacingOccurrences(of: "%@", with: "21 0 0 0 0 2 22")
        let r = ReportParser().parse(text, source: "x.txt")
        #expect(r.tables.applications?[row: "newReceived"] == nil)
        #expect(r.tables.applications?[row: "resultsTotal"] == nil)
        #expect(r.row(r.tables.applications, "carriedOver") == [1, 0, 0, 0, 0, 0, 1])
    }
}

extension LabelsAfterValuesTests {
    // Two rows' cells printed in pairs, column by column, under the second row's label.
    static func interleaved(carriedForward: String) -> String {
        """
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5
        二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1
        （七）总计
        1 6 0 0 0 0 0 0 0 0 0 0 1 6
        \(carriedForward)
        四、政府信息公开行政复议情况

        """
    }

    @Test func readsTheHalfOfAnInterleavedRowThatTheBalanceGives() throws {
        let r = ReportParser().parse(Self.interleaved(carriedForward: "四、结转下年度继续办理 0 0 0 0 0 0 0"), source: "x.txt")
        // 一 + 二 − 四 = 6 0 0 0 0 0 6: only the odd places give it.
        #expect(r.row(r.tables.applications, "resultsTotal") == [6, 0, 0, 0, 0, 0, 6])
        #expect(r.tables.applications?[row: "resultsTotal"]?.cells.map(\.text) == ["6", "0", "0", "0", "0", "0", "6"])
        #expect(r.codesAndLines.filter { !$0.hasPrefix("report.") } == ["table.layout@5"])
    }

    @Test func leavesAnInterleavedRowWhenTheBalanceIsNotWhole() throws {
        let r = ReportParser().parse(Self.interleaved(carriedForward: ""), source: "x.txt")
        #expect(r.row(r.tables.applications, "resultsTotal")?.contains(6) != true)
        #expect(r.codesAndLines.filter { !$0.hasPrefix("report.") } == ["applications.cellCount@5"])
    }
}

@Suite("Parser flattened crawler text")
struct FlattenedTextTests {
    // Crawler text collapses the report into one line and runs cells together.
    @Test func readsSectionsOfAOneLineReport() throws {
        let r = try ParserFixture.parse("parser-flattened.txt")
        #expect(r.body == "示例区人民政府")
        #expect(r.year == 2022)
        #expect(r.format == .v2021)
        // `713000074` has exactly one split that adds up.
        #expect(r.row(r.tables.applications, "newReceived") == [71, 3, 0, 0, 0, 0, 74])
        #expect(r.row(r.tables.applications, "carriedOver") == [1, 0, 0, 0, 0, 0, 1])
        #expect(r.row(r.tables.applications, "resultsTotal") == [72, 3, 0, 0, 0, 0, 75])
        #expect(r.row(r.tables.review, "review") == [0, 1, 1, 0, 2])
        // `行政规范性文件8855698` cannot be split into three columns with certainty.
        #expect(r.row(r.tables.active, "normativeDocuments") == [nil, nil, nil])
        #expect(r.row(r.tables.active, "regulations") == [0, 0, 0])
        // Run-together digits are a layout artifact (cell.joined), never an applications./active. alarm.
        #expect(Set(r.diagnostics.map(\.code.rawValue)) == ["cell.joined"])
        #expect(r.diagnostics.filter { $0.severity == .warning }.map(\.message) == ["表二 行政规范性文件: 数字连在一起（8855698），应为 3 列，无法确定各列，留空"])
        #expect(r.diagnostics.allSatisfy { $0.line == 3 })
    }
}

@Suite("Parser legacy run-together cells")
struct LegacyRunTogetherTests {
    // Crawler text runs 本年 and 历年累计 together: `主动公开信息数条4251516` = 425 / 1516.
    @Test func splitsOnlyWhenUniqueOrConfirmedByProse() throws {
        let r = try ParserFixture.parse("parser-legacy-flat.txt")
        #expect(r.published == "2012-02-20")
        let legacy = try #require(r.tables.legacy)
        #expect(legacy.activeTotal == 425)          // the prose says 425条
        #expect(legacy.applicationsReceived == 7)   // 728: only 7 / 28 keeps 累计 ≥ 本年
        #expect(legacy.reviewCount == nil)          // 2121: 2 / 121 or 21 / 21
        #expect(r.codesAndLines == ["legacy.splitByProse@2", "legacy.ambiguousCell@2"])
        // 303条 is one office's share, not a contradiction of 425.
        #expect(!r.diagnostics.contains { $0.code == "legacy.prose" })
    }
}
