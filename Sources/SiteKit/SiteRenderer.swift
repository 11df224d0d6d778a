import Foundation

/// Turns parsed reports into the files of the site: a pure function of its inputs (the
/// theme is read once, at init; nothing is written to disk — `OutputWriter` does that).
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
///     search/                         the search page; search/k|s|d|r/… the index (docs/search-index.md)
///     assets/…                        the theme's assets, unchanged
///
/// Pages are rendered in parallel: each is a pure function of its view model and template.
/// The output is sorted by path, so two runs over the same input give the same list.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    let theme: Theme
    let slug: @Sendable (String) -> String
    /// Document ids of the previous build, so the search index keeps them (`SearchIDs.read`).
    public var searchIDs = SearchIDs()
    /// `false` writes no search index: scripts/bench-search times the index with it.
    public var searchIndex = true

    /// Reads the theme in `config.themeDirectory`; throws `SiteError` naming the template
    /// file that is missing or does not parse.
    public init(config: SiteConfig, slug: @escaping @Sendable (String) -> String = SiteRenderer.fallbackSlug) throws {
        self.config = config
        self.theme = try Theme(directory: config.themeDirectory)
        self.slug = slug
    }

    /// One unit of parallel work.
    enum Job: Sendable {
        case report(Int), body(Int), region(Int), redirect(Int), year(String), years, regions, counties, home, search
    }

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
        let map = SiteMap(reports: documents.map(\.report), slug: slug)
        let site = SiteContext(config: config, theme: theme, documents: documents, map: map)
        var jobs: [Job] = documents.indices.map(Job.report)
        let ownOfNode = Set(map.nodes.compactMap(\.own))
        jobs += map.identities.indices.filter { !ownOfNode.contains($0) }.map(Job.body)
        jobs += map.nodes.indices.map(Job.region)
        jobs += map.counties.map(Job.redirect)
        jobs += site.years.map { Job.year($0.key) }
        jobs += [.years, .regions, .counties, .home, .search]
        let allJobs = jobs

        // The search index is one thread's work: it runs beside the pages, not before them.
        let search = Collector()
        let indexing = DispatchGroup()
        if searchIndex {
            let previous = searchIDs
            DispatchQueue.global().async(group: indexing) { search.files = SearchIndexBuilder.files(for: site, previous: previous) }
        }
        for file in theme.assets { try emit(file) }
        defer { indexing.wait() }
        let sink = Sink(emit)
        DispatchQueue.concurrentPerform(iterations: allJobs.count) { i in
            guard !sink.failed else { return }
            do {
                let files = try site.render(allJobs[i])
                try sink.take(files)
            } catch {
                sink.fail(error)
            }
        }
        if let error = sink.error { throw error }
        indexing.wait()
        for file in search.files { try emit(file) }
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
