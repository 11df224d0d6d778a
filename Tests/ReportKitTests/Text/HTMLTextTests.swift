import Foundation
import NianbaoTestSupport
@testable import ReportKit
import Testing

private func fixture(_ name: String) throws -> String {
    let url = Fixture.directory().deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

private func lines(_ html: String) -> [String] {
    HTMLText.lines(html).map(\.text)
}

@Suite struct HTMLTextTests {
    /// `html-page.html`: crawler meta wrapper, site header, nav, breadcrumb, share buttons,
    /// related links and footer around a Word-pasted body with entities and two tables.
    @Test func syntheticPageGivesExactLinesWithSourceLineNumbers() throws {
        let result = HTMLText.lines(try fixture("html-page.html"))
        #expect(result == [
            SourceLine("某某镇2021年政府信息公开工作年度报告", number: 15),
            SourceLine("一、总体情况", number: 20),
            SourceLine("\u{3000}\u{3000}本镇2021年1月1日起 施行，A&B <公开>\"办法\"。", number: 21),
            SourceLine("本年度共主动公开政府信息一百二十条，其中政策文件十条，规划计划五条，财政预决算八条，重点领域信息九十七条，均通过镇政府网站和公开栏及时发布，接受社会监督。", number: 23),
            SourceLine("二、主动公开政府信息情况", number: 24),
            SourceLine("见下表", number: 24),
            SourceLine("", number: 25),
            SourceLine("第二十条第（一）项\t\t\t", number: 26),
            SourceLine("信息内容\t本年制发件数\t本年废止件数\t现行有效件数", number: 27),
            SourceLine("规章\t0\t\t3", number: 29),
            SourceLine("", number: 29),
            SourceLine("三、本年度办理结果\t（一）予以公开\t\t5", number: 35),
            SourceLine("\t（三）不予公开\t1.属于 国家秘密\t0", number: 36),
            SourceLine("\t\t2.其他 内嵌 表\t1", number: 38),
            SourceLine("", number: 38),
            SourceLine("某某镇人民政府", number: 41),
            SourceLine("2022年1月20日", number: 41),
        ])
    }

    /// `html-layout-table.html`: an old-style page laid out with tables; the report sits in
    /// one cell, its title in a one-row table above it.
    @Test func layoutTablesAreReadAsBlocksAndDataTablesAsGrids() throws {
        #expect(HTMLText.lines(try fixture("html-layout-table.html")) == [
            SourceLine("某某县2012年政府信息公开工作年度报告\t", number: 6),
            SourceLine("", number: 6),
            SourceLine("一、概述", number: 7),
            SourceLine("本年度我县共主动公开政府信息一千二百条，依申请公开工作依法开展，各项制度不断健全，公开渠道持续拓展。", number: 8),
            SourceLine("", number: 9),
            SourceLine("指标名称\t单位\t数量", number: 10),
            SourceLine("主动公开政府信息数\t条\t1200", number: 11),
            SourceLine("", number: 11),
            SourceLine("某某县人民政府办公室", number: 13),
        ])
    }

    @Test func rowspanAndColspanLeaveEmptyCellsOnARegularGrid() {
        let html = """
        <table>
        <tr><td rowspan="3">A</td><td colspan="2">B</td><td rowspan=2>C</td></tr>
        <tr><td>d</td><td>e</td></tr>
        <tr><td>f</td><td>g</td><td>h</td></tr>
        <tr><td>i</td></tr>
        </table>
        """
        #expect(lines(html) == ["A\tB\t\tC", "\td\te\t", "\tf\tg\th", "i", ""])
    }

    @Test func rowspanPastTheLastCellStillPadsTheRow() {
        let html = "<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td>c</td></tr></table>"
        #expect(lines(html) == ["a\tb", "c\t", ""])
    }

    @Test func hugeSpansAreCapped() {
        let html = "<table><tr><td colspan=99999>x</td><td>y</td></tr></table>"
        let row = lines(html)[0].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(row.count == 101)
        #expect(row.first == "x")
        #expect(row.last == "y")
    }

    @Test func entitiesDecode() {
        let html = "<p>&lt;a&gt; &amp; &quot;b&quot; &#36;&#x4E00;&#12288;&nbsp;c&copy d&unknown; &#0; &mdash;</p>"
        #expect(lines(html) == ["<a> & \"b\" $一\u{3000} c© d&unknown; \u{FFFD} —"])
    }

    @Test func lineBreaksCountCRLFOnceAndLoneCR() {
        let html = "<p>a</p>\r\n<p>b</p>\r<p>c</p>\n<p>\nd</p>"
        #expect(HTMLText.lines(html) == [
            SourceLine("a", number: 1), SourceLine("b", number: 2), SourceLine("c", number: 3), SourceLine("d", number: 5),
        ])
    }

    @Test func unclosedParagraphsAndCellsAreRepaired() {
        let html = "<p>一<p>二<div>三</span></div><table><tr><td>1<td>2<tr><td>3</table>四"
        #expect(lines(html) == ["一", "二", "三", "", "1\t2", "3", "", "四"])
    }

    @Test func strayEndTagInsideACellDoesNotBreakTheTable() {
        let html = "<div><table><tr><td>a</div></td><td>b</td></tr></table></div>"
        #expect(lines(html) == ["a\tb", ""])
    }

    @Test func captionIsALineAtTheTopOfItsTable() {
        let html = "<table>\n<caption>表二 主动公开政府信息情况</caption>\n<tr><td>规章</td><td>0</td></tr></table>"
        #expect(HTMLText.lines(html) == [
            SourceLine("表二 主动公开政府信息情况", number: 2),
            SourceLine("规章\t0", number: 3), SourceLine("", number: 3),
        ])
    }

    @Test func wordXMLIslandsLeaveNoText() {
        let html = "<xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument></xml><p>正文</p>"
        #expect(lines(html) == ["正文"])
    }

    @Test func preKeepsItsLines() {
        let html = "<pre>第一行\n  表三\t3\n\n末行</pre>"
        #expect(HTMLText.lines(html) == [
            SourceLine("第一行", number: 1), SourceLine("  表三\t3", number: 2), SourceLine("末行", number: 4),
        ])
    }

    @Test func commentsScriptsAndStylesLeaveNoText() {
        let html = "<p>甲<!-- 注释 <p>乙</p> -->丙</p><script>if (a<b) { x = '</p>' }</script><style>p{}</style><p>丁</p>"
        #expect(lines(html) == ["甲丙", "丁"])
    }

    @Test func emptyAndTextOnlyInputs() {
        #expect(HTMLText.lines("") == [])
        #expect(HTMLText.lines("纯文本\n第二行") == [SourceLine("纯文本 第二行", number: 1)])
        #expect(HTMLText.lines("a < b <3 <") == [SourceLine("a < b <3 <", number: 1)])
    }

    @Test func deepNestingAndManyStrayEndTagsKeepTheText() {
        let html = String(repeating: "<div><span>", count: 20_000) + "正文" + String(repeating: "</b></i></font>", count: 20_000)
        #expect(lines(html) == ["正文"])
    }

    @Test func signatureAfterThePastedSectionIsKeptButPageLabelsAreNot() {
        let body = String(repeating: "本机关全年主动公开政府信息若干条，依申请公开工作依法有序开展。", count: 4)
        let html = """
        <div class="content">
        <div class="WordSection1"><p>某某局2021年政府信息公开工作年度报告</p><p>\(body)</p></div>
        <p>某某县某某局</p>
        <p>2022 年 1 月 20 日</p>
        <p>来源：某某县某某局</p>
        </div>
        """
        #expect(HTMLText.lines(html) == [
            SourceLine("某某局2021年政府信息公开工作年度报告", number: 2),
            SourceLine(body, number: 2),
            SourceLine("某某县某某局", number: 3),
            SourceLine("2022 年 1 月 20 日", number: 4),
        ])
    }

    @Test func pageToolLinesInsideTheBodyAreLeftOut() {
        let body = String(repeating: "本机关全年主动公开政府信息若干条。", count: 6)
        let html = "<div><p>字体：<a href=#>大</a> <a href=#>中</a> <a href=#>小</a></p><p>\(body)</p><p>【打印本页】【关闭窗口】</p></div>"
        #expect(lines(html) == [body])
    }

    @Test func aChromeClassOnTheElementHoldingMostTextIsIgnored() {
        let body = String(repeating: "本机关全年主动公开政府信息若干条。", count: 6)
        let html = "<div class=\"footer\">主办单位：某某</div><div id=\"navContent\"><p>\(body)</p><p>\(body)</p></div>"
        #expect(lines(html) == [body, body])
    }

    @Test(arguments: [
        ("2024年1月17日", true), ("二〇二二年一月二十日", true), ("２０２１年１２月３１日", true),
        ("某某县人民政府", true), ("平潭综合实验区纪工委", true), ("来源：某某局", false),
        ("2021年度", false), ("一、总体情况", false), ("附件下载", false),
    ])
    func signatureLines(_ text: String, _ expected: Bool) {
        #expect(HTMLPage.looksLikeSignature(text) == expected)
    }

    /// Markup built to make a careless reader quadratic or explosive. Its time is the
    /// benchmark's business (no unit test reads a clock: on a loaded machine it fails at
    /// random); what is asserted here is a bound on the work's product — never more text out
    /// than came in (a rowspan of 60,000 must not copy its cell 60,000 times), every line
    /// numbered 1 (the input is one line) — and, where the input alone decides it, the text
    /// kept, in order (however it is cut into lines).
    @Test(arguments: [
        "unclosed cells", "paragraph under a boundary", "nested tables", "open comments", "open attributes",
        "entity starts", "unterminated quote", "growing row spans", "unclosed script",
    ])
    func hostileMarkupGivesBoundedOutput(_ name: String) {
        let html: String
        var expected: String? = nil
        switch name {
        case "unclosed cells":
            html = String(repeating: "<td>格", count: 60_000)
            expected = String(repeating: "格", count: 60_000)
        case "paragraph under a boundary":
            html = "<p><button>" + String(repeating: "<span>", count: 500) + String(repeating: "<div>字", count: 60_000)
        case "nested tables": html = String(repeating: "<table><tr><td>表", count: 20_000)
        case "open comments": html = String(repeating: "<!--", count: 50_000); expected = ""
        case "open attributes": html = String(repeating: "<a href=x class=", count: 20_000); expected = ""
        case "entity starts": html = String(repeating: "&#", count: 100_000); expected = html
        case "unterminated quote": html = "<div class=\"" + String(repeating: "a", count: 300_000); expected = ""
        case "growing row spans":
            html = String(repeating: "<tr><td colspan=100 rowspan=60000>x</td></tr>", count: 3_000)
            expected = String(repeating: "x", count: 3_000)
        default: html = "<script>" + String(repeating: "</scrip", count: 40_000); expected = ""
        }
        let result = HTMLText.lines(html)
        #expect(result.reduce(0) { $0 + $1.text.utf8.count } <= html.utf8.count, "\(name)")
        #expect(result.allSatisfy { $0.number == 1 }, "\(name)")
        if let expected { #expect(result.map(\.text).joined() == expected, "\(name)") }
    }

    /// A fixed seed, so a failure is repeatable; `NIANBAO_SEED=n` tries others.
    @Test func randomMarkupNeverCrashes() {
        let seed = ProcessInfo.processInfo.environment["NIANBAO_SEED"].flatMap(UInt64.init) ?? 20_241_206
        var rng = SeededGenerator(seed: seed)
        let pieces = ["<", ">", "</", "<td", "<tr>", "<table>", "</table>", " rowspan=", "colspan=\"3\"", "<p>", "</p>",
                      "<!--", "-->", "<script>", "</script>", "&", "&#", "&#x", "&nbsp;", ";", "\"", "'", "\n", "\r",
                      "年度报告", "当前位置", "1", "2", " ", "<br/>", "<div class=nav>", "</div>", "<pre>", "=", "/"]
        for round in 0..<300 {
            let count = Int(rng.next() % 200)
            let html = (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let result = HTMLText.lines(html)
            #expect(result.allSatisfy { $0.number >= 1 }, "seed \(seed) round \(round)")
        }
    }
}

