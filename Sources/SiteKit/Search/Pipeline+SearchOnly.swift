import Foundation
import ReportKit

// Benchmark switches, not options (scripts/bench-search): NIANBAO_SEARCH=off builds the site
// without its index, to time the index; NIANBAO_SEARCH=only builds the index alone, with the
// search page and the raw files its snippets are cut from, holding a slim summary per report
// rather than every parsed report — how the index is measured at 100,000 reports until the
// build streams.

extension Pipeline {
    var searchSwitch: String? { ProcessInfo.processInfo.environment["NIANBAO_SEARCH"] }

    func buildSearchOnly() throws -> Result {
        let start = Date()
        let found = try SourceLoader.discover(in: plan.content)
        let reader = self.reader
        let label = plan.contentLabel
        let slots = Slots<(report: Report, text: String, kind: SourceDocument.Kind)>(count: found.count)
        DispatchQueue.concurrentPerform(iterations: found.count) { i in
            let (url, rel) = found[i]
            guard let doc = try? SourceLoader.load(url, path: rel), !doc.text.allSatisfy(\.isWhitespace) else { return }
            var report = reader.read(doc, source: label.isEmpty || label == "." ? rel : "\(label)/\(rel)")
            let text = SearchDocument.searchableText(report)
            report.blocks = []
            report.diagnostics = []
            slots[i] = (report, text, doc.kind)
        }
        let kept = found.indices.compactMap { i in slots[i].map { (found[i].url, $0) } }
        let map = SiteMap(reports: kept.map(\.1.report), slug: slug)
        var builder = SearchIndexBuilder(previous: SearchIDs.read(site: plan.output))
        var files: [OutputFile] = []
        for (i, (url, item)) in kept.enumerated() {
            let identity = map.identities[map.reportIdentity[i]]
            let raw = ReportPage.rawName(for: item.kind)
            builder.add(SearchDocument(report: item.report, folder: map.reportFolder[i], name: identity.name, source: raw,
                                       text: item.text))
            files.append(OutputFile(path: map.reportFolder[i] + raw, data: try Data(contentsOf: url)))
        }
        let theme = try Theme(directory: plan.config.themeDirectory)
        let site = SiteContext(config: plan.config, theme: theme, documents: [], map: map)
        files += theme.assets + builder.files() + (try site.render(.search))
        var result = Result(documents: [], diagnostics: [], pages: 1, written: nil, seconds: 0)
        result.written = try OutputWriter(output: plan.output).write(files)
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}
