import Foundation
import Testing
@testable import ReportKit

/// Page numbers between lines (`- 2 -` pasted from a PDF, `第 2 页` from the PDF reader's
/// rendition) are not text: a paragraph runs on across one, and the legacy form does not end
/// at one.
@Suite struct PageMarkTests {
    @Test func theLegacyFormGoesOnAfterAPageNumber() throws {
        let text = """
        示例镇 2016 年政府信息公开工作年度报告
        政府信息公开情况统计表

        统计指标\t单位\t统计数
        (一) 主动公开政府信息数\t条\t665
        第 2 页
        （一）收到申请数\t件\t3
        五、行政诉讼数量\t件\t1
        """
        let legacy = try #require(ReportParser().parse(text, source: "a.txt").tables.legacy)
        #expect(legacy.activeTotal == 665)
        #expect(legacy.applicationsReceived == 3)
        #expect(legacy.litigationCount == 1)
        #expect(legacy.rows.map(\.label).contains("第 2 页") == false)
    }

    @Test func aParagraphRunsOnAcrossAPageNumber() {
        let text = "示例镇 2020 年政府信息公开工作年度报告\n严格执行“分\n- 2 -\n级审核”程序。\n"
        let blocks = ReportParser().parse(text, source: "a.txt").blocks
        #expect(blocks.contains(.paragraph(text: "严格执行“分级审核”程序。", line: 2)))
        #expect(!blocks.contains { if case .paragraph(let t, _) = $0 { t.contains("- 2 -") } else { false } })
    }
}
