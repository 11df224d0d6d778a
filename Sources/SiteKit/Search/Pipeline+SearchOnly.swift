import Foundation
import ReportKit

// Benchmark switches, not options (scripts/bench-search): NIANBAO_SEARCH=off builds the site
// without its index, to time the index; NIANBAO_SEARCH=only builds the index alone, with the
// search page and the raw files its snippets are cut from, keeping a summary per report and
// dropping each parsed report at once — how the index is measured at 100,000 reports.

extension Pipeline {
    var searchSwitch: String? { ProcessInfo.processInfo.environment["NIANBAO_SEARCH"] }

    func buildSearchOnly() throws -> Result {
        let start = Date()
        let found = try ContentFolder.discover(in: plan.content).entries
        let reader = self.reader
        let build = plan
        let slots = Slots<ReportSummary>(count: found.count)
        DispatchQueue.concurrentPerform(iterations: found.count) { i in
            if let parsed = reader.read(fileAt: found[i].url, path: found[i].relativePath, source: build.source(of: found[i].relativePath)).parsed {
                slots[i] = ReportSummary(parsed)
            }
        }
        let kept = found.indices.compactMap { i in slots[i].map { (found[i].url, $0) } }
        let renderer = try SiteRenderer(config: plan.config, slug: slug)
        let plan = SitePlan(config: self.plan.config, summaries: kept.map(\.1), slug: slug)
        var files = try kept.enumerated().map { i, item in
            OutputFile(path: plan.map.reportFolder[i] + item.1.rawName, data: try Data(contentsOf: item.0))
        }
        files += renderer.theme.assets + SearchIndexBuilder.files(for: plan, previous: SearchIDs.read(site: self.plan.output))
        files.append(try renderer.draw(SearchPage(), plan: plan, reports: []))
        let written = try OutputWriter(output: self.plan.output).write(files)
        return Result(diagnostics: [], reports: kept.count, filesLeftOut: found.count - kept.count, pages: 1, written: written,
                      seconds: Date().timeIntervalSince(start), parsed: found.count, drawn: 1, cache: .none, peakParsed: 0,
                      lines: { _ in nil })
    }
}
