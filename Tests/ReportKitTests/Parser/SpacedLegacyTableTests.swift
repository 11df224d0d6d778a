import Foundation
import Testing
@testable import ReportKit

/// The 2008–2018 form as `pdftotext -layout` prints it: columns set apart by runs of spaces,
/// rows between blank lines, heading rows alone on their line, the header again after a page
/// break (`\f`), and the form's footer after it.
@Suite struct SpacedLegacyTableTests {
    static let text = """
    示例镇 2016 年政府信息公开工作年度报告
    政府信息公开情况统计表

                        统计指标                  单位   统计数


                          一、主动公开情况


          (一)主动公开政府信息数(不同渠道和方式公开相同信息计 1 条)   条    665


                  1.政府公报公开政府信息数             条

    \u{0C}              统计指标                  单位   统计数


                 （一）收到申请数                   件    3


                五、行政诉讼数量             件    1

    单位负责人：某某 审核人：某某 填报日期：2017 年 1 月 20 日
    """

    @Test func readsEveryRowByItsColumns() throws {
        let r = ReportParser().parse(Self.text, source: "a.txt")
        let legacy = try #require(r.tables.legacy)
        #expect(legacy.rows.map(\.label) == ["一、主动公开情况", "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)",
                                             "1.政府公报公开政府信息数", "（一）收到申请数", "五、行政诉讼数量"])
        #expect(legacy.rows.map(\.unit) == [nil, "条", "条", "件", "件"])
        #expect(legacy.rows.map(\.value) == [nil, 665, nil, 3, 1])
        #expect(legacy.rows.map(\.line) == [7, 10, 13, 18, 21])
        #expect(legacy.activeTotal == 665)
        #expect(legacy.applicationsReceived == 3)
        #expect(legacy.litigationCount == 1)
    }

    @Test func splitsCellsAtTwoSpacesOrATab() {
        #expect(LegacyTableRecognizer.spacedCells("   (一)收到申请数 计 1 条   件    3  ") == ["(一)收到申请数 计 1 条", "件", "3"])
        #expect(LegacyTableRecognizer.spacedCells("一、主动公开情况\t条") == ["一、主动公开情况", "条"])
        #expect(LegacyTableRecognizer.spacedCells("   ") == [])
    }
}
