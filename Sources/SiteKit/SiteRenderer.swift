import Foundation

/// Turns report summaries and, for a report's own pages, parsed reports into the files of the
/// site: a pure function of its inputs (the theme is read once, at init; nothing is written
/// to disk — `OutputWriter` does that).
///
/// 1. Each report is summarised (`ReportSummary`: title, body, region, year, headline
///    figures, problems, digests).
/// 2. `SitePlan` lays out every page from the summaries alone: one `Page` per output file,
///    keyed by path (the kinds are listed in `SitePlan.kinds`, one file each in `Pages/`).
/// 3. `plan(_:texts:)` takes each page's frame and, from it, the page's manifest entry and the
///    digest of its inputs — without drawing it — so a build draws only the pages whose
///    inputs changed.
/// 4. Each page is drawn (`draw`): the one place HTML is wrapped in `layout.mustache`. A
///    report's full text is loaded only for the pages drawn from it, once for all of them.
/// 5. The inputs of every file go into `.nianbao/manifest.json` (`Manifest`).
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
///     sitemap.xml                     with an absolute base URL only
///     data/ data/table/               open data (docs/data.md): reports.csv, <year>.zip, report.schema.json,
///                                     fields.json; years/<year>/ and each county also get a reports.csv
///     feed.xml <county>/feed.xml      Atom feeds of the newest reports
///     assets/…                        the theme's assets, unchanged
///     .nianbao/manifest.json          what each file was made from
///
/// Each page is a pure function of its frame, its reports and its templates, so pages can be
/// drawn in any order and in parallel (`Pipeline` does), and the same input gives the same bytes.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    var theme: Theme
    let templates: TemplateDigests
    let slug: @Sendable (String) -> String
    /// Document ids of the previous build, so the search index keeps them (`SearchIDs.read`).
    public var searchIDs = SearchIDs()
    /// Each report's search document digest, in plan order, when the build took them already
    /// (`SearchIndexBuilder.documentDigests`): the index made whole reuses them.
    var searchDigests: [UInt64]?
    /// `false` writes no search index: scripts/bench-search times the index with it.
    public var searchIndex = true
    /// `Manifest.digest(config)`: the settings every HTML page is drawn with.
    let configDigest: String
    /// Digest of everything a page may be drawn with besides its reports: the settings, every
    /// template and every asset of the theme.
    let siteDigest: UInt64
    /// The report.json files drawn in this build, for the years' ZIPs (`DrawnReportData`).
    let drawnReportData = DrawnReportData()
    /// The frames taken while drawing (not held from the planning: `PlannedPage.frame`).
    let framesTaken = Counter()
    /// Per kind of page (by name), the digest `inputs` starts every entry of that kind with:
    /// its kind, its templates with their digests and the settings, taken once a build and
    /// not once a page (60,000 pages at 10,000 reports, each looking up its four templates).
    let kindInputs: [String: KindInputs]

    /// What every entry of one kind of page names besides its reports, frame and data, and the
    /// digest of it (`inputs`).
    struct KindInputs: Sendable {
        let templates: [String]
        let config: Bool
        let digest: Digest
    }

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
        configDigest = Manifest.digest(config)
        var d = Digest()
        d.add(configDigest)
        for (name, digest) in templates.digests.sorted(by: { $0.key < $1.key }) {
            d.add(name)
            d.add(digest)
        }
        for asset in theme.assets {
            d.add(asset.path)
            d.add(asset.data)
        }
        siteDigest = d.value
        var kinds: [String: KindInputs] = [:]
        for kind in SitePlan.kinds {
            let templates = kind.kind.template.map(self.templates.drawing) ?? []
            let config = kind.kind.template != nil
            kinds[kind.kind.name] = KindInputs(templates: templates, config: config,
                                               digest: Self.kindDigest(kind.kind.name, templates: templates, config: config,
                                                                      digests: self.templates.digests, configDigest: configDigest))
        }
        kindInputs = kinds
    }

    /// Every file of the site, sorted by path, drawn here one after another from reports
    /// held in memory (tests and tools; a build streams through `Pipeline`).
    public func render(_ documents: [ParsedDocument]) throws -> [OutputFile] {
        let summaries = documents.map(ReportSummary.init)
        var site = plan(SitePlan(config: config, summaries: summaries, slug: slug))
        var files: [OutputFile] = []
        for unit in site.units(of: site.pages) {
            files += try draw(unit, plan: site.plan) { documents[$0] }
        }
        files += site.takeFiles()
        return files.sorted { $0.path < $1.path }
    }

    /// Every page of `plan` with its manifest entry and the digest of its inputs, and the files
    /// made beside the pages (the theme's assets, the search index from the summaries).
    /// `pages`, when given, are the plan's pages already planned (the pipeline plans them in parallel).
    /// `keptSearch`, when given, are the previous build's search index files, kept as they are
    /// (no search document changed: `SearchIndexBuilder.digest`); the index is not made again.
    /// `updatedSearch`, when given, is the index with reports added, changed or removed in the
    /// previous build's (`SearchIndexBuilder.updating`): its files, beside the `keptSearch` ones.
    /// `manifest`, when given, is the last build's manifest and which pages' lines it may keep,
    /// by their index in `pages` (`Manifest.data(reusing:unchangedAt:)`).
    func plan(_ plan: SitePlan, pages: [PlannedPage]? = nil, keptSearch: [String]? = nil,
              updatedSearch: SearchIndexBuilder.Updated? = nil,
              manifest previous: (bytes: Data, unchanged: (Int) -> Bool)? = nil) -> PlannedSite {
        drawnReportData.removeAll()
        framesTaken.reset()
        let pages = pages ?? plan.ordered.map { planned($0, plan: plan) }
        var extra = theme.assets.map { PlannedSite.Extra(file: $0, entry: Manifest.Entry(kind: "asset", data: Digest.hex(of: $0.data))) }
        let searchEntry = Manifest.Entry(kind: "search-index", site: "reports")
        var search: [OutputFile] = []
        var state: SearchState?
        if let updatedSearch {
            (search, state) = (updatedSearch.files, updatedSearch.state)
        } else if searchIndex && keptSearch == nil {
            (search, state) = SearchIndexBuilder.made(for: plan, previous: searchIDs, digests: searchDigests)
            // The builder's keys and postings, freed, go back before the manifest is made
            // (`FreedMemory`): at 50,000 reports the manifest grew the heap by 180 MB beside them.
            FreedMemory.release()
        }
        extra += search.map { PlannedSite.Extra(file: $0, entry: searchEntry) }
        let kept = searchIndex ? keptSearch ?? [] : []
        // In one pass each, into lists made to size: 60,000 entries (a few strings and lists each)
        // copied once, not again by a `+`.
        var paths: [String] = [], entries: [Manifest.Entry] = []
        paths.reserveCapacity(pages.count + extra.count + kept.count)
        entries.reserveCapacity(pages.count + extra.count + kept.count)
        for p in pages {
            paths.append(p.page.path)
            entries.append(p.entry)
        }
        for e in extra {
            paths.append(e.file.path)
            entries.append(e.entry)
        }
        paths += kept
        for _ in kept { entries.append(searchEntry) }
        // The lines of the files made beside the pages (a few, after them) are written again.
        let count = pages.count
        let reuse = previous.map { previous -> (bytes: Data, unchanged: (Int) -> Bool) in
            (bytes: previous.bytes, unchanged: { i in i < count && previous.unchanged(i) })
        }
        return PlannedSite(plan: plan, pages: pages, extra: extra, kept: kept, manifest: manifest(plan, paths: paths, entries: entries, reusing: reuse),
                           searchState: state?.file)
    }

    /// One page planned: its frame taken and digested, not drawn. `holding`: the frame is kept
    /// in the planned page for its drawing (`PlannedPage.frame`), which then does not take it
    /// again: a build that takes few frames (an edit) holds them, the site's CSV of 10,000 rows
    /// among them; a full build takes every frame and holds none.
    func planned(_ page: any Page, plan: SitePlan, holding: Bool = false) -> PlannedPage {
        func open<P: Page>(_ page: P) -> PlannedPage {
            let frame = page.frame(in: plan)
            let entry = self.entry(page, frame: frame)
            return PlannedPage(page: page, entry: entry, inputs: inputs(entry, plan: plan), frame: holding ? frame : nil)
        }
        return open(page)
    }

    /// The manifest of a site whose files have these entries.
    /// `reusing`: the last manifest, and which entries' lines it may keep, by index in `entries`.
    func manifest(_ plan: SitePlan, paths: [String], entries: [Manifest.Entry],
                  reusing previous: (bytes: Data, unchanged: (Int) -> Bool)? = nil) -> OutputFile {
        let manifest = Manifest(version: Version.nianbao, config: configDigest, templates: templates.digests,
                                reports: plan.summaries, paths: paths, entries: entries)
        return OutputFile(path: Manifest.path, data: manifest.data(reusing: previous?.bytes, unchangedAt: previous?.unchanged ?? { _ in false }))
    }

    /// Draws the pages of one unit (the pages of one report, or one page that lists many),
    /// loading each report they are drawn from once.
    /// A `StreamedPage` gets its reports one at a time, each `release`d after its use.
    func draw(_ unit: [PlannedPage], plan: SitePlan, previous: PreviousFiles = .none, load: (Int) throws -> ParsedDocument,
              release: (Int) -> Void = { _ in }) throws -> [OutputFile] {
        var loaded: [Int: ParsedDocument] = [:]
        var files: [OutputFile] = []
        for planned in unit {
            if let streamed = planned.page as? any StreamedPage {
                files.append(try draw(streamed, plan: plan, held: loaded, previous: previous, load: load, release: release,
                                      frame: planned.frame))
                continue
            }
            for i in planned.page.reports where loaded[i] == nil { loaded[i] = try load(i) }
            files.append(try draw(planned.page, plan: plan, reports: planned.page.reports.map { loaded[$0]! }, frame: planned.frame))
        }
        return files
    }

    /// Draws one page: its frame from the plan (`frame`, when its planning held it), then the
    /// page from its frame and its reports; HTML content goes inside the layout here and nowhere else.
    func draw(_ page: any Page, plan: SitePlan, reports: [ParsedDocument], frame held: (any Sendable)? = nil) throws -> OutputFile {
        func open<P: Page>(_ page: P) throws -> OutputFile {
            try file(page, try page.draw(frame(of: page, held: held, plan: plan), reports: reports), plan: plan)
        }
        return try open(page)
    }

    /// Draws a page that reads its reports one at a time: each is loaded when the page asks for
    /// it and released as soon as the page is done with it (unless the unit holds it anyway).
    func draw(_ page: any StreamedPage, plan: SitePlan, held: [Int: ParsedDocument], previous: PreviousFiles = .none,
              load: (Int) throws -> ParsedDocument, release: (Int) -> Void, frame heldFrame: (any Sendable)? = nil) throws -> OutputFile {
        // Each report.json drawn in this build is this build's bytes too, as a kept one is.
        let drawn = Dictionary(page.reports.map { (plan.map.reportFolder[$0] + "report.json", plan.summaries[$0].content) },
                               uniquingKeysWith: { a, _ in a })
        let store = drawnReportData, last = previous
        let files = PreviousFiles(kept: { path in last.kept(path) ?? drawn[path].flatMap(store.take) }, old: last.old)
        func open<P: StreamedPage>(_ page: P) throws -> OutputFile {
            let drawing = try page.draw(frame(of: page, held: heldFrame, plan: plan), previous: files) { i, use in
                if let parsed = held[i] { return try use(parsed) }
                defer { release(i) }
                try use(try load(i))
            }
            return try file(page, drawing, plan: plan)
        }
        return try open(page)
    }

    /// The frame of `page`: the one its planning held (`PlannedPage.frame`), or taken now
    /// (`framesTaken` counts those).
    func frame<P: Page>(of page: P, held: (any Sendable)?, plan: SitePlan) -> P.Frame {
        if let frame = held as? P.Frame { return frame }
        framesTaken.add()
        return page.frame(in: plan)
    }

    /// A page's file from its drawing: HTML goes inside the layout here and nowhere else.
    func file<P: Page>(_ page: P, _ drawing: Drawing, plan: SitePlan) throws -> OutputFile {
        switch drawing {
        case .data(let data):
            if let report = (page as? ReportData)?.report { drawnReportData.put(data, content: plan.summaries[report].content) }
            return OutputFile(path: page.path, data: data)
        case let .html(title, view, scripts, refresh):
            guard let template = P.kind.template else { preconditionFailure("\(P.self) draws HTML with no template") }
            let content = try theme.render(template, view)
            var layout = LayoutView(config: config, path: page.path, pageTitle: title, content: content, scripts: scripts,
                                    refresh: refresh, head: view as? PageHead)
            layout.alternates = plan.alternates(of: page.path)
            return OutputFile(path: page.path, text: try theme.render("layout", layout))
        }
    }

    /// One page planned from the frame digest of the previous build (`frame`: its hex, `nil`
    /// for a page with none), where the frame cannot have changed (`SitePlan.shapeDigest`).
    /// `inputs`, when given, is the digest of its inputs, known already: the last build's, for a
    /// page that keeps its frame and none of whose reports changed (`Pipeline.draw`).
    func planned(_ page: any Page, plan: SitePlan, frame: String?, inputs known: UInt64? = nil) -> PlannedPage {
        func open<P: Page>(_ page: P) -> PlannedPage {
            let entry = self.entry(page, frameDigest: frame)
            return PlannedPage(page: page, entry: entry, inputs: known ?? inputs(entry, plan: plan), frame: nil)
        }
        return open(page)
    }

    /// A page's inputs for the manifest, known before it is drawn.
    func entry<P: Page>(_ page: P, frame: P.Frame) -> Manifest.Entry {
        entry(page, frameDigest: frame is NoFrame ? nil : DigestEncoder.digest(frame).hex)
    }

    /// The start of `inputs`' digest: an entry's kind, its templates and their digests, and
    /// the settings when it is drawn with them.
    static func kindDigest(_ kind: String, templates: [String], config: Bool, digests: [String: String],
                           configDigest: String) -> Digest {
        var d = Digest()
        d.add(kind)
        for t in templates {
            d.add(t)
            d.add(digests[t])
        }
        d.add(config)
        if config { d.add(configDigest) }
        return d
    }

    func entry<P: Page>(_ page: P, frameDigest: String?) -> Manifest.Entry {
        var entry = Manifest.Entry(kind: P.kind.name, reports: page.reports, summaries: page.summaries ?? [],
                                   site: page.summaries == nil ? "summaries" : nil, frame: frameDigest)
        if let template = P.kind.template {
            entry.templates = templates.drawing(template)
            entry.config = true
        }
        return entry
    }

    /// One digest of everything an entry names, each hash looked up (docs/manifest.md,
    /// "Deciding what to draw again"): two builds give a file the same digest exactly when
    /// they would draw the same bytes. (The program that drew it is the cache's key.)
    func inputs(_ e: Manifest.Entry, plan: SitePlan) -> UInt64 {
        var d: Digest
        // The kind's part, taken once a build (`kindInputs`) when the entry names what its kind does.
        if let known = kindInputs[e.kind], known.config == e.config, known.templates == e.templates {
            d = known.digest
        } else {
            d = Self.kindDigest(e.kind, templates: e.templates, config: e.config, digests: templates.digests, configDigest: configDigest)
        }
        d.add(e.reports.count)
        for r in e.reports { d.add(plan.summaries[r].content) }
        d.add(e.frame)
        d.add(e.data)
        return d.value
    }
}

/// The pages of a site planned (`SiteRenderer.plan`), and the files made beside them.
struct PlannedSite: Sendable {
    struct Extra: Sendable {
        let file: OutputFile
        let entry: Manifest.Entry
    }

    let plan: SitePlan
    /// Every page, sorted by path.
    let pages: [PlannedPage]
    /// The files made beside the pages (empty once taken: `takeFiles`).
    private(set) var extra: [Extra]
    /// Files of the live site kept as they are (the search index, when no document changed).
    var kept: [String] = []
    /// `nil` once taken (`takeFiles`).
    private(set) var manifest: OutputFile?
    /// What the next build needs to patch this build's search index (`SearchState`);
    /// `nil` when the index was kept as it was, or not made.
    var searchState: OutputFile?

    /// The files made beside the pages and the manifest, handed over once: the pipeline stages
    /// them before it draws, and the site holds none of their bytes while pages are drawn.
    mutating func takeFiles() -> [OutputFile] {
        defer { (extra, manifest) = ([], nil) }
        return extra.map(\.file) + (manifest.map { [$0] } ?? [])
    }

    /// `pages` (planned pages of the site, in its order) to draw in units: each report's pages
    /// together (its full text is loaded once), every other page alone.
    ///
    /// The reports' units come year by year, and a page that streams many reports (a year's
    /// ZIP) right after the unit of the last report it takes: the report.json files drawn for
    /// it (`DrawnReportData`) are held for one year at a time, not for the whole site until the
    /// end (4.8 KB a report: 240 MB at 50,000). Every file is a function of its inputs, so the
    /// order changes no byte.
    func units(of pages: [PlannedPage]) -> [[PlannedPage]] {
        var byReport: [Int: [PlannedPage]] = [:]
        var streamed: [PlannedPage] = [], units: [[PlannedPage]] = []
        for p in pages {
            if p.page.reports.count == 1 {
                byReport[p.page.reports[0], default: []].append(p)
            } else if p.page is any StreamedPage {
                streamed.append(p)
            } else {
                units.append([p])
            }
        }
        let year = { (r: Int) in plan.summaries[r].year ?? Int.min }
        let order = byReport.keys.sorted { (year($0), $0) < (year($1), $1) }
        var position: [Int: Int] = [:]
        for (k, r) in order.enumerated() { position[r] = k }
        var after = [[PlannedPage]](repeating: [], count: order.count)
        var last: [[PlannedPage]] = []
        for p in streamed {
            if let k = p.page.reports.compactMap({ position[$0] }).max() { after[k].append(p) } else { last.append([p]) }
        }
        var out: [[PlannedPage]] = []
        for (k, r) in order.enumerated() {
            out.append(byReport[r]!)
            out += after[k].map { [$0] }
        }
        return out + last + units
    }
}

/// A page with its manifest entry and the digest of its inputs.
///
/// A class: a plan holds one per file (60,000 at 10,000 reports) and passes them through
/// arrays, units and the manifest, and a copy of the struct (an existential page and an entry
/// of arrays and strings) was a dozen reference counts each time; now it is one.
final class PlannedPage: Sendable {
    let page: any Page
    let entry: Manifest.Entry
    let inputs: UInt64
    /// Its frame (`Page.Frame`) as its planning took it, held for its drawing; `nil` when not held.
    let frame: (any Sendable)?

    init(page: any Page, entry: Manifest.Entry, inputs: UInt64, frame: (any Sendable)? = nil) {
        self.page = page
        self.entry = entry
        self.inputs = inputs
        self.frame = frame
    }
}
