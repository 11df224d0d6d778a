import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// `SearchIndexBuilder.made(for:)` adds a site's reports in id order (so no set is sorted
/// again); the index must be the one made from the reports in the site's order.
@Suite struct SearchIndexOrderTests {
    static func plan() -> SitePlan {
        let documents = RegionPagesTests.documents() + SiteRenderTests.documents()
        return SitePlan(config: Sample.config(), summaries: documents.map(ReportSummary.init), slug: Pinyin.slug)
    }

    /// Previous ids that number each year's reports against the site's order, so that id order
    /// is not the site's order.
    static func reversedIDs(_ plan: SitePlan) -> SearchIDs {
        var byFolder: [String: Int] = [:]
        var next: [Int: Int] = [:]
        for i in plan.summaries.indices.reversed() {
            let slot = SearchIndexBuilder.slot(plan.summaries[i].search.year)
            byFolder[plan.map.reportFolder[i]] = slot << 20 | next[slot, default: 0]
            next[slot, default: 0] += 1
        }
        return SearchIDs(byFolder: byFolder)
    }

    @Test(arguments: [false, true])
    func idOrderMakesTheSiteOrdersIndex(reversed: Bool) {
        let plan = Self.plan()
        let previous = reversed ? Self.reversedIDs(plan) : SearchIDs()
        var builder = SearchIndexBuilder(previous: previous)
        for i in plan.summaries.indices { builder.add(SearchIndexBuilder.document(i, in: plan)) }
        let expected = builder.made()
        // The case this is about: ids out of the site's order (reports of several years, or renumbered).
        #expect(expected.ids != expected.ids.sorted())
        #expect(expected.files.count > 5)

        let made = SearchIndexBuilder.made(for: plan, previous: previous)
        #expect(made.files.map(\.path) == expected.files.map(\.path))
        for (a, b) in zip(made.files, expected.files) { #expect(a.data == b.data, "\(a.path)") }
        for i in plan.summaries.indices {
            #expect(made.state.documents[plan.map.reportFolder[i]]?.id == expected.ids[i])
        }
        #expect(made.state.buckets == expected.space.buckets && made.state.letters == expected.space.letters)
    }
}
