import Foundation
import Mustache
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// Views answer templates from a `switch` (no `Mirror`): each must answer every stored
/// property, with its value, or a template would silently print nothing.
@Suite struct TemplateViewTests {
    /// Types Mustache still reads through `Mirror`: none.
    static let mirrored: Set<String> = []

    /// Walks a view tree: every `MustacheParent` must answer each property as `Mirror` sees it.
    static func check(_ value: Any, at path: String, types: inout Set<String>, problems: inout [String]) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection {
            for (i, child) in mirror.children.enumerated() { check(child.value, at: "\(path)[\(i)]", types: &types, problems: &problems) }
            return
        }
        guard mirror.displayStyle == .struct else { return }
        let name = String(describing: type(of: value))
        types.insert(name)
        let parent = value as? MustacheParent
        if parent == nil && !mirrored.contains(name) { problems.append("\(path): \(name) is read through Mirror") }
        for child in mirror.children {
            guard let label = child.label else { continue }
            if let parent {
                let answer = parent.child(named: label)
                if answer == nil || String(describing: answer!) != String(describing: child.value) {
                    problems.append("\(path).\(label): \(name) answers \(answer.map { "\($0)" } ?? "nil")")
                }
            }
            check(child.value, at: path + "." + label, types: &types, problems: &problems)
        }
    }

    @Test func everyViewAnswersEveryProperty() throws {
        var config = Sample.config()
        config.baseURL = "https://example.gov.cn/"
        let documents = RegionPagesTests.documents() + SiteRenderTests.documents()
        let renderer = try SiteRenderer(config: config, slug: Pinyin.slug)
        let plan = SitePlan(config: renderer.config, summaries: documents.map(ReportSummary.init), slug: Pinyin.slug)
        var types = Set<String>()
        var problems: [String] = []
        for (path, page) in zip(plan.paths, plan.ordered) {
            func visit<P: Page>(_ page: P) throws {
                if case let .html(_, view, _, _) = try page.draw(page.frame(in: plan), reports: page.reports.map { documents[$0] }) {
                    Self.check(view, at: path, types: &types, problems: &problems)
                }
            }
            try visit(page)
        }
        let layout = LayoutView(config: config, path: "a/index.html", pageTitle: "t", content: "c", scripts: ["s.js"], refresh: "r")
        Self.check(layout, at: "layout", types: &types, problems: &problems)
        #expect(problems == [])
        // Every view type was reached.
        let views = ["LayoutView", "ScriptView", "CrumbView", "ReportPageView", "DiagnosticView", "BlockView", "SourcePageView",
                     "BodyPageView", "BodyHistoryView", "ReportLinkView", "FigureRowView", "FigureCellView", "YearPageView",
                     "GroupView", "ItemView", "YearLinkView", "YearsPageView", "YearCountView", "CountiesPageView", "CountyLinkView",
                     "HomePageView", "SearchPageView", "PlaceView", "RegionsPageView", "RegionPageView", "CountyPageView",
                     "GridRowView", "GridCellView", "GridReportView", "ComparisonView", "ComparisonColumnView", "ComparisonRowView",
                     "ComparisonCellView", "TimelinessPageView", "RuleView", "TimelinessRowView", "LateReportView", "QualityPageView",
                     "QualityCountyView", "QualityYearView", "QualityReportView", "QualityProblemView", "ChartView", "BarView",
                     "NewReportView",
                     "RedirectPageView", "TableCellView", "TableRowView", "TableView", "TableBodyView", "NoteView"]
        #expect(views.filter { !types.contains($0) } == [])
    }
}
