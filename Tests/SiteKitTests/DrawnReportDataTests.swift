import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// Issue 10: a year's ZIP takes the report.json files the build drew instead of reading and
/// parsing each report again, and holds the same bytes.
@Suite struct DrawnReportDataTests {
    @Test func aFullBuildLoadsEachReportOnceAndTheZipsAreTheSame() throws {
        let documents = SiteRenderTests.documents()
        let renderer = try SiteRenderer(config: Sample.config())
        let site = renderer.plan(SitePlan(config: renderer.config, summaries: documents.map(ReportSummary.init), slug: renderer.slug))
        var loads = Array(repeating: 0, count: documents.count)
        var files: [OutputFile] = []
        for unit in site.units(drawing: nil) {
            files += try renderer.draw(unit, plan: site.plan) { loads[$0] += 1; return documents[$0] }
        }
        #expect(loads == Array(repeating: 1, count: documents.count))
        // The ZIPs drawn first, before any report.json: each report is read for them, as before.
        let again = try SiteRenderer(config: Sample.config())
        let planned = again.plan(site.plan)
        var first: [OutputFile] = []
        for unit in planned.units(drawing: nil).reversed() {
            first += try again.draw(unit, plan: planned.plan) { documents[$0] }
        }
        let zips = files.filter { $0.path.hasSuffix(".zip") }
        #expect(zips.count == Set(documents.compactMap(\.report.year)).count)
        #expect(zips.map(\.data) == zips.map { zip in first.first { $0.path == zip.path }?.data })
    }
}
