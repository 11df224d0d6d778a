import Foundation

/// Turns parsed reports into the files of the site: a pure function of its inputs (the
/// theme is read once, at init; nothing is written to disk — `OutputWriter` does that).
///
/// 1. Each report is summarised (`ReportSummary`: title, body, region, year, headline
///    figures, problems, digests).
/// 2. `SitePlan` lays out every page from the summaries alone: one `Page` per output file,
///    keyed by path (the kinds are listed in `SitePlan.kinds`, one file each in `Pages/`).
/// 3. Each page is drawn (`draw`): the one place HTML is wrapped in `layout.mustache`. A
///    report's full text is loaded only for the pages drawn from it, all at once.
/// 4. The inputs of every file go into `.nianbao/manifest.json` (`Manifest`).
///
/// What it produces (folders from `SiteMap`, all links relative):
///
///     index.html                      home: counts, links to regions/, years/ and counties/
///     regions/                        the tree province → city → county, with report counts
///     <province>/[<city>/]            a place: what lies under it, its own bodies
///     <province>/<city>/<county>/     a county: its towns and bodies × years, 缺 where missing
///     years/ years/<year>/            reports by year, grouped by county
///     counties/                       all counties, flat, linking to their region pages
///     counties/<county>/              redirect to the county's region page (older URLs)
///     <region…>/[<town>/][<body>/]    a body's page: its reports, headline figures by year
///                                     (a province's, city's or county's own government has
///                                     its place's page instead)
///     <region…>/[<body>/]<year>/      index.html, source.html, report.json, source.txt|.md|.html.txt
///     bodies/<body>/…                 the same for a report with no region
///     search/ search.json search-index.js
///     sitemap.xml                     with an absolute base URL only
///     data/ data/table/               open data (docs/data.md): reports.csv, <year>.zip, report.schema.json,
///                                     fields.json; years/<year>/ and each county also get a reports.csv
///     feed.xml <county>/feed.xml      Atom feeds of the newest reports
///     assets/…                        the theme's assets, unchanged
///     .nianbao/manifest.json          what each file was made from
///
/// Pages are drawn in parallel: each is a pure function of its frame, its reports and its
/// template. The output is sorted by path, so two runs over the same input give the same list.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    let theme: Theme
    let templates: TemplateDigests
    let slug: @Sendable (String) -> String

    /// Reads the theme in `config.themeDirectory`; throws `SiteError` naming the template
    /// file that is missing or does not parse.
    public init(config: SiteConfig, slug: @escaping @Sendable (String) -> String = SiteRenderer.fallbackSlug) throws {
        self.config = config
        self.theme = try Theme(directory: config.themeDirectory)
        for kind in SitePlan.kinds {
            if let name = kind.kind.template, theme.library.getTemplate(named: name) == nil {
                throw SiteError.missingTemplate(path: config.themeDirectory.appendingPathComponent(name + ".mustache").path)
            }
        }
        self.templates = TemplateDigests(directory: config.themeDirectory)
        self.slug = slug
    }

    /// Where a page gets the full text of a report it is drawn from (by index into the
    /// plan's summaries). Today every report is in memory; a streaming build reads one at a time.
    typealias ReportLoader = @Sendable (Int) throws -> ParsedDocument

    /// Every file of the site, sorted by path.
    public func render(_ documents: [ParsedDocument]) throws -> [OutputFile] {
        let collected = Collector()
        try render(documents) { collected.files.append($0) }
        return collected.files.sorted { $0.path < $1.path }
    }

    /// Renders the site and hands each file to `emit` as soon as it is drawn, so a caller
    /// can write a 10,000-report site without holding it all in memory. `emit` is called
    /// from one thread at a time (in no particular order); the first error — from a page or
    /// from `emit` — stops the run and is rethrown.
    public func render(_ documents: [ParsedDocument], emit: @escaping (OutputFile) throws -> Void) throws {
        let plan = self.plan(documents)
        let search = SearchIndex(site: SiteContext(documents: documents, map: plan.map)).files()
        try render(plan, extra: search.map { ($0, Manifest.Entry(kind: "search-index", site: "reports")) },
                   load: { documents[$0] }, emit: emit)
    }

    /// The plan of the site these reports make.
    func plan(_ documents: [ParsedDocument]) -> SitePlan {
        let summaries = Slots<ReportSummary>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { summaries[$0] = ReportSummary(documents[$0]) }
        return SitePlan(config: config, summaries: summaries.values.map { $0! }, slug: slug)
    }

    /// Draws every page of `plan` — each report's pages together, its full text loaded once
    /// through `load` — then the theme's assets, `extra` (files made elsewhere, with their
    /// manifest entries) and the manifest.
    func render(_ plan: SitePlan, extra: [(OutputFile, Manifest.Entry)], load: @escaping ReportLoader,
                emit: @escaping (OutputFile) throws -> Void) throws {
        var byReport: [[any Page]] = Array(repeating: [], count: plan.summaries.count)
        var others: [[any Page]] = []
        for path in plan.pages.keys.sorted() {
            let page = plan.pages[path]!
            if page.reports.count == 1 { byReport[page.reports[0]].append(page) } else { others.append([page]) }
        }
        let units = byReport.filter { !$0.isEmpty } + others
        let entries = Slots<[(String, Manifest.Entry)]>(count: units.count)
        let sink = Sink(emit)
        DispatchQueue.concurrentPerform(iterations: units.count) { u in
            guard !sink.failed else { return }
            do {
                var loaded: [Int: ParsedDocument] = [:]
                var drawn: [(OutputFile, Manifest.Entry)] = []
                for page in units[u] {
                    for i in page.reports where loaded[i] == nil { loaded[i] = try load(i) }
                    drawn.append(try draw(page, plan: plan, reports: page.reports.map { loaded[$0]! }))
                }
                entries[u] = drawn.map { ($0.0.path, $0.1) }
                try sink.take(drawn.map(\.0))
            } catch {
                sink.fail(error)
            }
        }
        if let error = sink.error { throw error }

        var files: [String: Manifest.Entry] = [:]
        for unit in entries.values { for (path, entry) in unit ?? [] { files[path] = entry } }
        for asset in theme.assets {
            try emit(asset)
            files[asset.path] = Manifest.Entry(kind: "asset", data: Digest.hex(of: asset.data))
        }
        for (file, entry) in extra {
            try emit(file)
            files[file.path] = entry
        }
        let manifest = Manifest(version: Version.nianbao, config: Manifest.digest(config), templates: templates.digests,
                                reports: plan.summaries, files: files)
        try emit(OutputFile(path: Manifest.path, text: manifest.json))
    }

    /// Draws one page: its frame from the plan, then the page from its frame and its reports;
    /// HTML content goes inside the layout here and nowhere else.
    func draw<P: Page>(_ page: P, plan: SitePlan, reports: [ParsedDocument]) throws -> (OutputFile, Manifest.Entry) {
        let frame = page.frame(in: plan)
        let entry = self.entry(page, frame: frame)
        switch try page.draw(frame, reports: reports) {
        case .data(let data):
            return (OutputFile(path: page.path, data: data), entry)
        case let .html(title, view, scripts, refresh):
            guard let template = P.kind.template else { preconditionFailure("\(P.self) draws HTML with no template") }
            let content = try theme.render(template, view)
            var layout = LayoutView(config: config, path: page.path, pageTitle: title, content: content, scripts: scripts, refresh: refresh)
            layout.alternates = plan.alternates(of: page.path)
            return (OutputFile(path: page.path, text: try theme.render("layout", layout)), entry)
        }
    }

    /// A page's inputs for the manifest, known before it is drawn (an incremental build
    /// compares them with the last build's to decide whether to draw it at all).
    func entry<P: Page>(_ page: P, frame: P.Frame) -> Manifest.Entry {
        var entry = Manifest.Entry(kind: P.kind.name, reports: page.reports, summaries: page.summaries ?? [],
                                   site: page.summaries == nil ? "summaries" : nil,
                                   frame: frame is NoFrame ? nil : DigestEncoder.digest(frame).hex)
        if let template = P.kind.template {
            entry.templates = templates.closure(["layout", template])
            entry.config = true
        }
        return entry
    }
}

/// Serialises calls to the caller's `emit` and keeps the first error.
private final class Sink: @unchecked Sendable {
    private let emit: (OutputFile) throws -> Void
    private let lock = NSLock()
    private(set) var error: Error?

    init(_ emit: @escaping (OutputFile) throws -> Void) { self.emit = emit }

    var failed: Bool { lock.lock(); defer { lock.unlock() }; return error != nil }

    func take(_ files: [OutputFile]) throws {
        lock.lock(); defer { lock.unlock() }
        guard error == nil else { return }
        for file in files { try emit(file) }
    }

    func fail(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}

private final class Collector: @unchecked Sendable {
    var files: [OutputFile] = []
}
