import Foundation
import InputKit
import NianbaoTestSupport
import ReportKit
import Testing
@testable import SiteKit

/// Issue 10: a page's frame depends only on what the page shows. A page that says it shows no
/// figure (`Page.showsFigures == false`: the home page, the lists, the timeliness and quality
/// pages …) keeps its frame when a report's numbers change, so a rebuild after editing one
/// number does not take it again (`Pipeline.draw`); nor does a page that shows the figures of
/// only some of the reports it lists (`Page.figuresShown`: a place's page, its own government's)
/// when another's change. Checked here on every page of a site of the seed reports, each
/// report's figures changed in turn.
@Suite struct PageFrameTests {
    /// The seed reports of content/, parsed.
    static func seeds() throws -> [ParsedDocument] {
        let folder = Fixture.repositoryRoot.appendingPathComponent("content")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted().map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return try #require(ReportReader.standard.read(data, path: name, source: "content/" + name).parsed)
        }
    }

    /// The report with every number of its standard tables one more: its figures, series and
    /// open-data row change; its names, dates and problems (checked when it was parsed) do not.
    static func refigured(_ parsed: ParsedDocument) -> ParsedDocument {
        var p = parsed
        for (kind, table) in p.report.tables {
            guard var stat = table.stat else { continue }
            for r in stat.rows.indices {
                for c in stat.rows[r].cells.indices { stat.rows[r].cells[c].value = stat.rows[r].cells[c].value.map { $0 + 1 } }
            }
            p.report.tables[kind] = .stat(stat)
        }
        return p
    }

    @Test func aPageThatShowsNoFigureTakesTheSameFrameWhateverTheFigures() throws {
        let documents = try Self.seeds()
        #expect(documents.count == 5)
        // An absolute base: the site has a sitemap.
        let config = SiteConfig(title: "测试门户", baseURL: "https://example.org/", themeDirectory: Sample.themeDirectory)
        let renderer = try SiteRenderer(config: config)
        let before = documents.map(ReportSummary.init)
        let plan = SitePlan(config: config, summaries: before, slug: SiteRenderer.fallbackSlug)
        // Every kind that says it shows no figure has pages here, so each is checked.
        let figureless = Set(plan.paths.map { plan.page($0)! }.filter { !type(of: $0).showsFigures }.map { type(of: $0).kind.name })
        #expect(figureless == ["home", "timeliness", "quality", "years", "year", "regions", "counties", "sitemap", "data",
                               "table-builder", "data-fields", "feed"])
        var refigured = 0
        for i in before.indices {
            var after = before
            after[i] = ReportSummary(Self.refigured(documents[i]))
            #expect(after[i].labels == before[i].labels)
            // A report with no table of the current forms (the 2008 era's) has no figure changed.
            guard after[i].summary != before[i].summary else { continue }
            refigured += 1
            let again = SitePlan(config: config, summaries: after, slug: SiteRenderer.fallbackSlug)
            #expect(again.paths == plan.paths)
            var shown = 0
            for path in plan.paths {
                let page = plan.page(path)!
                let a = renderer.planned(page, plan: plan).entry.frame, b = renderer.planned(again.page(path)!, plan: again).entry.frame
                if page.figuresShown?.contains(i) ?? true {
                    if a != b { shown += 1 }
                } else {
                    #expect(a == b, "\(path): its frame shows \(after[i].id)'s figures")
                }
            }
            // The figures did change what some pages show (the open data at least).
            #expect(shown > 0, "\(after[i].id)")
        }
        #expect(refigured == 4)
    }
}
