import Foundation
import Testing
import ReportKit
@testable import SiteKit

@Suite struct ReportPageTests {
    static let region = Region(province: "宁夏回族自治区", county: "兴庆区", town: "掌政镇")

    func page(_ report: Report) throws -> String {
        let files = try SiteRenderer(config: Sample.config()).render([Sample.document(report)])
        let page = try #require(files.first { $0.path.hasSuffix("/2020/index.html") })
        let html = String(decoding: page.data, as: UTF8.self)
        let main = try #require(html.range(of: "<main id=\"main\">"))
        return String(html[main.upperBound...])
    }

    @Test func tablesAreDrawnWhereTheyStood() throws {
        var report = Sample.report(source: "a.txt", body: "掌政镇人民政府", region: Self.region, year: 2020,
                                   applications: Sample.tableThree, review: Sample.tableFour)
        report.blocks = [
            .heading(text: "兴庆区掌政镇", level: 1, section: nil, line: 1),  // title lines: shown once, as the <h1>
            .heading(text: "2020 年政府信息公开工作年度报告", level: 1, section: nil, line: 2),
            .heading(text: "### **三、收到和处理政府信息公开申请情况**", level: 3, section: 3, line: 8),
            .table(.applications, line: 9),
            .paragraph(text: "四、行政复议前的说明", line: 18),
            .table(.review, line: 19),
            .table(.active, line: 25),  // the parser saw a table 二 it could not read
        ]
        let html = try page(report)
        let order = ["<h2>三、收到和处理政府信息公开申请情况</h2>", "<table class=\"stat applications\" id=\"t3\">", "<p>四、行政复议前的说明</p>",
                     "<table class=\"stat review\" id=\"t4\">", "此处的表格未能读取，请查看<a href=\"source.html#L25\">原文</a>。"]
        #expect(!html.contains("兴庆区掌政镇</h"))
        #expect(!html.contains("2020 年政府信息公开工作年度报告</h"))
        let positions = order.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func tablesWithoutAPlaceInTheTextComeLast() throws {
        var report = Sample.report(source: "a.txt", body: "掌政镇人民政府", region: Self.region, year: 2020, review: Sample.tableFour)
        report.blocks = [.paragraph(text: "正文", line: 1)]
        let html = try page(report)
        let paragraph = try #require(html.range(of: "<p>正文</p>"))
        let table = try #require(html.range(of: "<table class=\"stat review\" id=\"t4\">"))
        #expect(paragraph.lowerBound < table.lowerBound)
    }

    /// Issue 13: a citizen reads what is wrong in words, the form's line it breaks, and the
    /// code only inside a details element; the box is one line until opened.
    @Test func problemsAreSaidInPlainWordsWithTheRuleTheyBreak() throws {
        // Sample.tableThree: （七）总计 prints 自然人 2, 总计 3 (2 + 0 ≠ 3) and 自然人 2 beside （一）2 + 1.国家秘密 —.
        let draft = Sample.report(source: "a.txt", body: "掌政镇人民政府", region: Self.region, year: 2020, applications: Sample.tableThree)
        let diagnostics = FormIdentityRule().check(draft, lines: [])
        #expect(diagnostics.map(\.code) == ["applications.rowTotal"])
        let report = Sample.report(source: "a.txt", body: "掌政镇人民政府", region: Self.region, year: 2020,
                                   applications: Sample.tableThree, diagnostics: diagnostics)
        let html = try page(report)
        #expect(html.contains("<details class=\"problems\">\n<summary><span class=\"mark\" aria-hidden=\"true\">⚠</span> "
            + "<strong>本报告发现 1 个问题</strong>（展开查看）</summary>"))
        #expect(html.contains("<li><span class=\"severity\">警告</span> <strong>表三 （七）总计</strong>：本行自然人、法人或其他组织之和为 2，"
            + "但总计填的是 3 <a href=\"#d1\">见表中此行</a> <a href=\"source.html#L14\">原文第 14 行</a>\n<br><span class=\"rule\">官方表格要求：每一行的总计等于自然人与法人或其他组织"
            + "（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和</span>\n<details class=\"code\"><summary>技术信息</summary>"
            + "<p>表三 （七）总计: 总计 3 ≠ 自然人 2 + 法人或其他组织 0 <code>[applications.rowTotal]</code></p></details></li>"))
        // rows 一, （一）, （七）, 四 are checked (1.国家秘密 has an empty cell); the balance needs 二, not printed.
        #expect(html.contains("按官方表格的勾稽关系核对 19 项：3 项相符，1 项不符，15 项因缺数未核对"))
        // The cells of the broken sum are marked and point at the note, not only the total.
        #expect(html.contains(#"<td class="num warn" headers="t3-c-commercial t3-g-1 t3-r-resultsTotal t3-r-results" data-label="商业企业" aria-describedby="d1">"#))
        #expect(html.components(separatedBy: "[applications.rowTotal]").count == 2)  // once, inside the details
    }

    /// Issue 13: the head names the page's data, a description for link previews, and the favicon.
    @Test func theHeadLinksTheDataAndDescribesTheReport() throws {
        let report = Sample.report(source: "a.txt", body: "掌政镇人民政府", region: Self.region, year: 2020)
        let files = try SiteRenderer(config: Sample.config()).render([Sample.document(report)])
        let page = try #require(files.first { $0.path.hasSuffix("/2020/index.html") })
        let html = String(decoding: page.data, as: UTF8.self)
        let description = "掌政镇人民政府 2020 年度政府信息公开工作年度报告（2019 年版格式），发布于 2021-01-25。统计表按原文照录，附勾稽核对。"
        #expect(html.contains("<meta name=\"description\" content=\"\(description)\">"))
        #expect(html.contains("<meta property=\"og:description\" content=\"\(description)\">"))
        #expect(html.contains("<link rel=\"alternate\" type=\"application/json\" href=\"report.json\" title=\"本报告的数据（JSON）\">"))
        #expect(html.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"../../../../assets/favicon.svg\">"))
    }

    @Test func checksJSONListsEveryCheckWithItsResult() throws {
        let report = Sample.report(source: "a.txt", body: "掌政镇人民政府", region: Self.region, year: 2020, applications: Sample.tableThree)
        let json = ChecksData.json(report).serialized()
        #expect(json.hasPrefix(#"{"summary":{"checks":19,"passed":3,"failed":1,"skipped":15,"problems":0},"checks":[{"code":"applications.rowTotal","#
            + #""rule":"每一行的总计等于自然人与法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和","table":"applications","#
            + #""row":"newReceived","column":null,"result":"passed","text":"本行自然人、法人或其他组织之和为 3，与总计 3 相符","line":null,"#
            + #""cells":[{"row":"newReceived","column":"total"},"#))
    }

    /// docs/checks-json.md: the summary's counts one a line, then one check a line, compact.
    @Test func checksJSONHasOneCheckALine() throws {
        let report = Sample.report(source: "a.txt", body: "掌政镇人民政府", region: Self.region, year: 2020, applications: Sample.tableThree)
        let drawing = ChecksData(report: 0, path: "checks.json").draw(NoFrame(), reports: [Sample.document(report)])
        guard case .data(let data) = drawing else { Issue.record("not data"); return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1 + 7 + 1 + 19 + 1 + 1 + 1 + 1)  // {, summary, "checks": [, 19 checks, ], problems, }, ""
        #expect(lines[1...8] == ["  \"summary\": {", "    \"checks\": 19,", "    \"passed\": 3,", "    \"failed\": 1,",
                                 "    \"skipped\": 15,", "    \"problems\": 0", "  },", "  \"checks\": ["][...])
        #expect(lines[9].hasPrefix(#"    {"code":"applications.rowTotal","rule":"#) && lines[9].hasSuffix("},"))
        #expect(lines.suffix(4) == ["  ],", "  \"problems\": []", "}", ""])
    }

    /// Markers and spaces are dropped; a heading with neither comes back as it is.
    @Test func headingsLoseMarkdownMarkers() {
        #expect(ReportPage.plainHeading("### **一、总体情况**") == "一、总体情况")
        #expect(ReportPage.plainHeading("一、总体情况") == "一、总体情况")
        #expect(ReportPage.plainHeading(" 二、主动公开 ") == "二、主动公开")
        #expect(ReportPage.plainHeading("\u{3000}三、收到和处理") == "三、收到和处理")
        #expect(ReportPage.plainHeading("四、*复议*") == "四、复议")
        #expect(ReportPage.plainHeading("") == "")
    }

    @Test func aReportWithoutProblemsHasNoSummaryBox() throws {
        let html = try page(Sample.report(source: "a.txt", body: "掌政镇人民政府", region: Self.region, year: 2020))
        #expect(!html.contains("class=\"problems\""))
    }

    @Test func aMissingTemplateIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Sample.themeDirectory, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("county.mustache"))
        #expect(throws: SiteError.missingTemplate(path: dir.appendingPathComponent("county.mustache").path)) {
            try SiteRenderer(config: SiteConfig(themeDirectory: dir))
        }
    }
}
