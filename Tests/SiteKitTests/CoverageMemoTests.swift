import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// Issue 10: the coverage pages (home, counties, regions, timeliness, each county) ask the plan
/// for the same reports' timeliness and the same counties' coverage; a plan works each out
/// once (`CoverageMemo`), whichever pages, on whichever threads, ask.
@Suite struct CoverageMemoTests {
    @Test func everyPageOfThePlanJudgesEachReportOnceAndMakesEachCountysCoverageOnce() throws {
        let documents = try PageFrameTests.seeds()
        let config = SiteConfig(title: "测试门户", baseURL: "https://example.org/", themeDirectory: Sample.themeDirectory)
        let renderer = try SiteRenderer(config: config)
        let plan = SitePlan(config: config, summaries: documents.map(ReportSummary.init), slug: SiteRenderer.fallbackSlug)
        let kinds = Set(plan.ordered.map { type(of: $0).kind.name })
        #expect(kinds.isSuperset(of: ["home", "timeliness", "counties", "region", "county"]))
        // Every page's frame, twice: the second time, nothing is worked out again.
        for _ in 0..<2 {
            for page in plan.ordered { _ = renderer.planned(page, plan: plan) }
            #expect(plan.coverageMemo.timelinessJudged == 5)
            #expect(plan.coverageMemo.coveragesMade == plan.map.counties.count)
        }
        #expect(plan.map.counties.count > 0)
    }
}
