import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// A town's page charts its figures: 掌政镇 of `SiteRenderTests` has b.txt (2020, tables 三
/// and 四), f.txt (2020, a second report, no tables) and a.txt (2021, no tables). One bar a
/// year, from the first report of the year: 2020 from b.txt — 新收 3, 予以公开 2, 结转 1,
/// 复议 1, 诉讼 0 + 0 — and 2021 not given.
@Suite struct ChartPageTests {
    @Test func aTownPageChartsItsFiguresAcrossTheYears() throws {
        let html = try RegionPagesTests.page(SiteRenderTests.xq + "index.html", in: try SiteRenderTests.render())
        #expect(html.components(separatedBy: "<figure class=\"chart\">").count - 1 == 5)
        #expect(html.contains("<svg role=\"img\" aria-labelledby=\"chart-1-title chart-1-desc\" viewBox=\"0 0 300 146\""))
        #expect(html.contains("<title id=\"chart-1-title\">本年新收申请（件），历年</title>\n<desc id=\"chart-1-desc\">2020 年 3 件；2021 年 未给出</desc>"))
        #expect(html.contains("<desc id=\"chart-2-desc\">2020 年 2 件；2021 年 未给出</desc>"))
        #expect(html.contains("<desc id=\"chart-3-desc\">2020 年 1 件；2021 年 未给出</desc>"))
        #expect(html.contains("<desc id=\"chart-4-desc\">2020 年 1 件；2021 年 未给出</desc>"))
        #expect(html.contains("<desc id=\"chart-5-desc\">2020 年 0 件；2021 年 未给出</desc>"))
        // Two slots of 284 / 2 = 142, centred at 79 and 221: the largest value fills the plot,
        // the year not given has no bar, only its mark.
        #expect(html.contains("<rect class=\"bar\" x=\"59.0\" y=\"22.0\" width=\"40.0\" height=\"100.0\"/>"))
        #expect(html.contains("<text class=\"value empty\" x=\"221.0\" y=\"116.0\" text-anchor=\"middle\">—</text>"))
        // No script draws it.
        #expect(!html.contains("<script"))
    }
}
