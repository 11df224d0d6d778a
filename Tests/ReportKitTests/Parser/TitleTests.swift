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

    // Issue 9: title shapes across provinces. Each is (text, body, year).
    @Test(arguments: [
        ("重庆市巫山县人民政府政府信息公开工作2021年度报告\n", "重庆市巫山县人民政府", 2021),
        ("凯里市人民政府关于2022年政府信息公开工作的报告\n", "凯里市人民政府", 2022),
        ("金水区人民政府关于2022年度政府信息公开工作情况的报告\n", "金水区人民政府", 2022),
        ("深圳市南山区粤海街道办事处政府信息公开工作年度报告（2022年度）\n", "深圳市南山区粤海街道办事处", 2022),
        ("太原市小店区人民政府政府信息公开工作年度报告(2021年度)\n", "太原市小店区人民政府", 2021),
        ("大连市金州区教育局2022年政府信息公开年报\n", "大连市金州区教育局", 2022),
        ("2022年北京市朝阳区政府信息公开工作年度报告\n", "北京市朝阳区人民政府", 2022),
        // A town, a banner, a forest district, a street: the place's government or office.
        ("神农架林区2022年政府信息公开工作年度报告\n", "神农架林区人民政府", 2022),
        ("西安市新城区2022年政府信息公开工作年度报告\n", "西安市新城区人民政府", 2022),
        ("海淀区中关村街道2022年政府信息公开工作年度报告\n", "海淀区中关村街道办事处", 2022),
        // A zone is run by its committee: no 人民政府 is made up for it.
        ("某某经济技术开发区2022年政府信息公开工作年度报告\n", "某某经济技术开发区", 2022),
    ])
    func readsTitleShapesOfEveryProvince(_ text: String, _ body: String, _ year: Int) {
        let r = MetadataRecognizer().read(SourceText.lines(text))
        #expect(r.body == body)
        #expect(r.year == year)
        #expect(r.titleLines == [1])
    }

    /// Issue 9: `202020年` in the title: the body from the title, the year from 统计期限.
    @Test func readsAMistypedTitleYearFromTheStatisticsPeriod() {
        let text = "杭州市西湖区202020年政府信息公开工作年度报告\n本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n"
        let r = MetadataRecognizer().read(SourceText.lines(text))
        #expect(r.body == "杭州市西湖区人民政府")
        #expect(r.year == 2020)
        #expect(r.titleYearTypo == "202020")
    }

    /// A sentence with a year that mentions 本年度报告 is prose, not a title.
    @Test func aSentenceNamingTheReportIsNotATitle() {
        let text = "一、总体情况\n2022年，道里区坚持把政务公开作为抓手。本年度报告中所列数据的统计期限自2022年1月1日起。\n"
        let r = MetadataRecognizer().read(SourceText.lines(text))
        #expect(r.title == nil)
        #expect(r.body == nil)
        #expect(r.year == 2022)
    }

    // Issue 9: a report without a title body or a signature names its body in the prose.
    @Test(arguments: [
        ("一、总体情况\n本报告由阿巴嘎旗人民政府办公室编制。\n", "阿巴嘎旗人民政府", 2),
        ("一、总体情况\n本报告由某某县发展和改革局根据《条例》编制。\n", "某某县发展和改革局", 2),
        ("一、总体情况\n无。\n如对本报告有疑问，请与哈尔滨市道里区人民政府办公室联系（电话：0451-84610000）。\n", "哈尔滨市道里区人民政府", 3),
        ("一、总体情况\n琼海市人民政府驻地嘉积镇，政务公开由市政府办公室负责。\n", "琼海市人民政府", 2),
        ("一、总体情况\n2022年，在盟委的领导下，阿巴嘎旗人民政府认真贯彻落实《条例》。\n", "阿巴嘎旗人民政府", 2),
    ])
    func readsTheBodyFromTheProse(_ text: String, _ body: String, _ line: Int) {
        let r = MetadataRecognizer().read(SourceText.lines(text))
        #expect(r.body == body)
        #expect(r.bodyLine == line)
        #expect(r.bodyFromProse)
    }

    /// A clause that opens with a preposition or 我局 names no body.
    @Test func aClauseAboutSomeoneElseNamesNoBody() {
        let text = "一、总体情况\n2022年，按照省政府办公厅的部署，我局认真做好政务公开。\n"
        #expect(MetadataRecognizer().read(SourceText.lines(text)).body == nil)
    }

    /// PDF text prints the signature and a spaced date on one line among other words: the date's
    /// pieces are read together, and the piece before them is the body.
    @Test(arguments: [
        ("六、其他需要报告的事项\n无。 某某县某某局 2020 年 1 月 7 日 来源:某某县某某局 附\n件下载\n", "2020-01-07", "某某县某某局"),
        ("六、其他需要报告的事项\n无。 某某县某某局 2020年1月7日 来源:某某县某某局\n", "2020-01-07", "某某县某某局"),
        ("六、其他需要报告的事项\n无。 某某县某某局 2020 年 1 月 来源\n", nil, nil),
        ("报告中所列数据统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。\n", nil, nil),
        ("行政诉讼数件 00 平潭综合实验区市场监督管理\n局 2019 年 1 月 25 日 来源:平潭综合实验区市场监督管理局 附件下载\n", "2019-01-25", nil),
    ])
    func readsASpacedDateBesideOtherWords(_ text: String, _ published: String?, _ signature: String?) {
        let r = MetadataRecognizer().read(SourceText.lines(text))
        #expect(r.published == published)
        #expect(r.signature == signature)
    }
}
