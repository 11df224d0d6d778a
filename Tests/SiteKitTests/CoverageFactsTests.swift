import Foundation
import ReportKit
import Testing
@testable import SiteKit

/// The problems a listing names of a report: its own from the cache, then those the checks
/// across reports gave it in this build, numbered after its own as its page numbers its notes.
@Suite struct CoverageFactsTests {
    @Test func problemsFromTheChecksAcrossReportsFollowTheReportsOwn() {
        let own = CoverageFacts(published: "2021-01-25", format: "2021", series: [.unknown],
                                problems: [.init(anchor: "d2", isError: false, message: "a")])
        let across: [Diagnostic] = [.info(.init("x.info"), "i", line: nil), .error(.init("x.error"), "b", line: 3)]
        let both = own.adding(across: across, after: 3)
        #expect(both.problems == [.init(anchor: "d2", isError: false, message: "a"), .init(anchor: "d5", isError: true, message: "b")])
        #expect(both.published == "2021-01-25" && both.format == "2021" && both.series == [.unknown])
        #expect(own.adding(across: [], after: 3) == own)
    }

    @Test func aListingNamesAtMostFiveProblems() {
        let many = (0..<7).map { Diagnostic.warning(.init("x.w"), "w\($0)", line: $0) }
        let listed = CoverageFacts.listed(many, from: 2, room: 5)
        #expect(listed.map(\.anchor) == ["d3", "d4", "d5", "d6", "d7"])
        let full = CoverageFacts(published: nil, format: "2021", series: [], problems: listed)
        #expect(full.adding(across: many, after: 9).problems == listed)
    }
}
