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
        for unit in site.units(of: site.pages) {
            files += try renderer.draw(unit, plan: site.plan) { loads[$0] += 1; return documents[$0] }
        }
        #expect(loads == Array(repeating: 1, count: documents.count))
        // Each year's ZIP is drawn after its year's reports, before the next year's: the
        // report.json files held at once are one year's (and those of reports with no year,
        // which no ZIP takes), not the site's.
        let years = documents.map(\.report.year)
        let perYear = Dictionary(grouping: years.compactMap { $0 }, by: { $0 }).values.map(\.count)
        #expect(perYear.count > 1)
        #expect(renderer.drawnReportData.most == years.filter { $0 == nil }.count + perYear.max()!)
        #expect(renderer.drawnReportData.most < documents.count)
        // The ZIPs drawn first, before any report.json: each report is read for them, as before.
        let again = try SiteRenderer(config: Sample.config())
        let planned = again.plan(site.plan)
        var first: [OutputFile] = []
        for unit in planned.units(of: planned.pages).reversed() {
            first += try again.draw(unit, plan: planned.plan) { documents[$0] }
        }
        let zips = files.filter { $0.path.hasSuffix(".zip") }
        #expect(zips.count == Set(documents.compactMap(\.report.year)).count)
        #expect(zips.map(\.data) == zips.map { zip in first.first { $0.path == zip.path }?.data })
    }
}
