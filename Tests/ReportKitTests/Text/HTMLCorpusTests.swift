import Foundation
import NianbaoTestSupport
import ReportKit
import Testing

// The four saved pages of the shared corpus (Wuxi/Shuyang and Pingtan templates, Word and
// TRS pastes). Each case lists rows read off the raw HTML by hand, as they must come out on
// the grid, and words that only occur in the page chrome or in scripts.

struct HTMLCorpusCase: CustomTestStringConvertible, Sendable {
    let id: String
    let title: String
    let rows: [String]
    var testDescription: String { id }
}

private let chromeWords = [
    "当前位置", "采集时间", "分享到", "QQ空间", "全真版", "文字版", "相关链接", "附件下载", "版权所有",
    "websiteId", "function(", "var ", "$(", "索引号", "浏览量", "来源：", "时间：",
]

private let corpusCases = [
    HTMLCorpusCase(id: "A003", title: "沭阳县发展和改革局2023年政府信息公开年度报告", rows: [
        "规范性文件\t8\t0\t18",
        "行政许可\t0\t\t",
        "一、本年新收政府信息公开申请数量\t\t\t26\t\t\t\t\t\t26",
        "三、本年度办理结果\t（一）予以公开\t\t26\t\t\t\t\t\t26",
        "\t\t2.没有现成信息需要另行制作\t0\t\t\t\t\t\t0",
        "0\t0\t0\t1\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
        "2024年1月17日",
    ]),
    HTMLCorpusCase(id: "H001", title: "平潭综合实验区2019年", rows: [
        "第二十条第（一）项\t\t\t",
        "规范性文件\t89\t89\t89",
        "行政许可\t396\t0\t181",
        "政府集中采购\t135\t75394432.52元\t",
        "一、本年新收政府信息公开申请数量\t\t\t23\t0\t0\t0\t0\t0\t23",
        "三、本年度办理结果\t（四）无法提供\t1.本机关不掌握相关政府信息\t7\t0\t0\t0\t0\t0\t7",
        "\t（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0",
    ]),
    HTMLCorpusCase(id: "H003", title: "平潭综合实验区2022年度政府信息公开工作年度报告", rows: [
        "行政规范性文件\t88\t55\t698",
        "行政事业性收费\t9116.36\t\t",
        "一、本年新收政府信息公开申请数量\t\t\t71\t3\t0\t0\t0\t0\t74",
        "\t（七）总计\t\t72\t3\t0\t0\t0\t0\t75",
        "\t\t3.其他\t0\t2\t0\t0\t0\t0\t2",
        "0\t1\t1\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0",
    ]),
    HTMLCorpusCase(id: "P009", title: "平潭综合实验区纪工委2017年政府信息", rows: [
        "指标名称\t单位\t2017年\t历年累计",
        "主动公开文件数\t条\t4\t31",
        "其中：1.政府网站公开数\t条\t4\t25",
        "行政诉讼数\t件\t/\t/",
    ]),
]

@Suite(.enabled(if: Fixture.hasShared, Fixture.sharedAbsent)) struct HTMLCorpusTests {
    private func read(_ id: String) throws -> String {
        try String(contentsOf: Fixture.shared.appendingPathComponent("corpus/raw/\(id).html"), encoding: .utf8)
    }

    @Test(arguments: corpusCases)
    func corpusPageGivesTitleTableRowsAndNoChrome(_ c: HTMLCorpusCase) throws {
        let html = try read(c.id)
        let result = HTMLText.lines(html)
        let texts = result.map(\.text)
        #expect(texts.first == c.title)
        for row in c.rows {
            #expect(texts.contains(row), "\(c.id): missing row \(row.debugDescription)")
        }
        for word in chromeWords {
            #expect(!texts.contains { $0.contains(word) }, "\(c.id): chrome or script leaked: \(word)")
        }
        // Line numbers never run backwards, and each points at a source line holding the
        // line's first characters.
        let source = SourceText.lines(html)
        #expect(zip(result, result.dropFirst()).allSatisfy { $0.number <= $1.number })
        for line in result where !line.text.isEmpty {
            let firstCell = line.text.split(separator: "\t").first.map(String.init) ?? ""
            // One character: Word splits words across spans and source lines (行</span><span>政复议).
            let probe = String(firstCell.filter { !$0.isWhitespace }.prefix(1))
            guard line.number >= 1, line.number <= source.count else {
                Issue.record("\(c.id): line number \(line.number) out of range"); continue
            }
            if probe.unicodeScalars.allSatisfy({ $0.value >= 0x4E00 && $0.value < 0xA000 }) {
                #expect(source[line.number - 1].text.contains(probe), "\(c.id) @\(line.number): \(probe) not on that line")
            }
        }
    }
}
