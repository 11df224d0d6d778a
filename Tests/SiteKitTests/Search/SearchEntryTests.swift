import NianbaoTestSupport
import ReportKit
import Testing
@testable import SiteKit

/// What the index takes from a report travels in its summary (`ReportSummary.search`), so the
/// index is written from summaries alone.
@Suite struct SearchEntryTests {
    static let region = Region(province: "宁夏回族自治区", city: "银川市", county: "兴庆区", town: "掌政镇", code: "640104100000")
        .withLevelCodes()

    @Test func anEntryHoldsWhatTheReportSays() {
        let report = Sample.report(source: "content/a.txt", body: "兴庆区掌政镇人民政府", region: Self.region, year: 2020)
        let entry = ReportSummary(Sample.document(report)).search
        #expect(entry.title == nil)
        #expect(entry.body == "兴庆区掌政镇人民政府")
        #expect(entry.year == 2020)
        #expect(entry.chain == ["宁夏回族自治区", "银川市", "兴庆区", "掌政镇"])
        #expect(entry.codes == ["640000000000", "640100000000", "640104000000", "640104100000"])
        #expect(entry.code == "640104100000")
        #expect(entry.figures.isEmpty)
        #expect(entry.text == "一、总体情况\u{2029}本年共收到申请 **3** 件。")
    }

    /// Table 三 adds its title and its labels, each a part of its own, and its headline figures.
    @Test func aTableAddsItsLabelsAndFigures() {
        let report = Sample.report(source: "content/a.txt", body: "兴庆区掌政镇人民政府", region: Self.region, year: 2020,
                                   applications: Sample.tableThree)
        let entry = SearchEntry(report: report)
        #expect(entry.figures == [.init(label: "本年新收申请", value: "3"), .init(label: "予以公开", value: "2"),
                                  .init(label: "结转下年度", value: "1")])
        let parts = entry.text.components(separatedBy: "\u{2029}")
        #expect(Array(parts.prefix(3)) == ["一、总体情况", "本年共收到申请 **3** 件。", "收到和处理政府信息公开申请情况"])
        #expect(parts.contains("自然人"))
        #expect(parts.contains("属于国家秘密"))
    }

    /// Where the site puts a report comes from the plan: a report that names no body takes the
    /// plan's name, in its title too.
    @Test func theDocumentTakesItsPlaceFromThePlan() {
        var entry = SearchEntry(report: Sample.report(source: "content/a.txt", body: nil, region: Self.region, year: nil))
        entry.text = ""
        let doc = SearchDocument(entry: entry, folder: "x/unknown-year/", name: "掌政镇", source: "source.md")
        #expect(doc.title == "掌政镇 年份不明年政府信息公开工作年度报告")
        #expect(doc.body == "掌政镇")
        #expect(doc.folder == "x/unknown-year/" && doc.source == "source.md")
    }
}
