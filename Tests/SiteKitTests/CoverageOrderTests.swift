import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// Two reports of one body and year: the county grid and the town comparison list the first
/// (folder `2020/`) before the second (`2020-2/`), whose folder sorts first as text.
@Suite struct CoverageOrderTests {
    @Test func theFirstReportOfAYearComesFirst() throws {
        let files = try SiteRenderTests.render()
        let html = try RegionPagesTests.page(SiteRenderTests.nx + "u5174u5e86u533a/index.html", in: files)
        let town = "u638cu653fu9547/"
        #expect(html.contains("<a href=\"\(town)2020/\" aria-label=\"2020年度报告，2021-01-25，按时\">2021-01-25</a> "
            + "<span class=\"status\" aria-hidden=\"true\">按时</span>"
            + "<a href=\"\(town)2020-2/\" aria-label=\"2020年度报告，2021-01-25，按时\">第 2 份 2021-01-25</a>"))
        let first = try #require(html.range(of: "<a href=\"\(town)2021/\">兴庆区掌政镇人民政府</a>"))
        #expect(html[..<first.lowerBound].contains("compare-2021-caption\">2021 年"))
    }
}
