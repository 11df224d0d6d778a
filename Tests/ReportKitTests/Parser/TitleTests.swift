import Testing
@testable import ReportKit

/// Titles as pages and PDFs break them.
@Suite struct TitleTests {
    // Saved pages (H001, P009 in the dev corpus) break the title after the year or mid-word.
    @Test(arguments: [
        ("平潭综合实验区2019年\n政府信息公开工作年度报告\n\n一、总体情况\n", "平潭综合实验区", 2019),
        ("某某县纪工委2017年政府信息\n公开年度报告\n\n本报告所列统计数据的期限自2017年1月1日起。\n", "某某县纪工委", 2017),
    ])
    func readsATitleBrokenOverTwoLines(_ text: String, _ body: String, _ year: Int) {
        let r = MetadataRecognizer().read(SourceText.lines(text))
        #expect(r.titleBody == body)
        #expect(r.year == year)
        #expect(r.titleLines == [1, 2])
    }

    /// A sentence that names 本报告 before a year is not a title, so it never becomes the body.
    @Test func aSentenceAboutTheReportIsNotATitle() {
        let text = "本报告所列统计数据的期限自2017年1月1日起，至2017年12月31日止。\n"
        let r = MetadataRecognizer().read(SourceText.lines(text))
        #expect(r.titleBody == nil)
        #expect(r.body == nil)
    }
}
