import Foundation
import Testing
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
        let order = ["<h2>三、收到和处理政府信息公开申请情况</h2>", "<table class=\"stat\" id=\"t3\">", "<p>四、行政复议前的说明</p>",
                     "<table class=\"stat\" id=\"t4\">", "此处的表格未能读取，请查看<a href=\"source.html#L25\">原文</a>。"]
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
        let table = try #require(html.range(of: "<table class=\"stat\" id=\"t4\">"))
        #expect(paragraph.lowerBound < table.lowerBound)
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
