import Foundation

/// Every page of the site, described before any is drawn, from the report summaries alone:
/// the site map (every URL), the years, and one `Page` per output file, keyed by its path.
/// No full report is needed to plan, so a build can hold a summary per report and load each
/// report only when its own pages are drawn.
struct SitePlan: Sendable {
    /// Every kind of page the site has, in no particular order (pages are keyed by path).
    static let kinds: [any Page.Type] = [
        ReportPage.self, SourcePage.self, ReportData.self, ChecksData.self, RawFile.self,
        BodyPage.self, RegionPage.self, CountyPage.self, RedirectPage.self,
        YearPage.self, YearsPage.self, RegionsPage.self, CountiesPage.self, HomePage.self, SearchPage.self,
        SitemapXML.self, TimelinessPage.self, QualityPage.self,
        DataCSV.self, DataZip.self, DataSchemaFile.self, DataFieldsFile.self, DataPage.self, TableBuilderPage.self, AtomFeed.self,
    ]

    let config: SiteConfig
    let summaries: [ReportSummary]
    let map: SiteMap
    /// Year folder name (`2020`, `unknown-year`) → report indices, newest year first.
    let years: [(key: String, reports: [Int])]
    /// Identity key → identity index, to link breadcrumbs to a region's own government.
    let identityByKey: [String: Int]
    /// Every page, by its path relative to the site root.
    private(set) var pages: [String: any Page] = [:]
    /// The paths of `pages`, sorted.
    private(set) var paths: [String] = []

    init(config: SiteConfig, summaries: [ReportSummary], slug: (String) -> String) {
        self.init(config: config, summaries: summaries, map: SiteMap(reports: summaries, slug: slug))
    }

    /// The plan of `summaries` with their site map made already (the map reads no diagnostic,
    /// so the scan's map serves, before the checks across reports add theirs).
    init(config: SiteConfig, summaries: [ReportSummary], map: SiteMap) {
        self.config = config
        self.summaries = summaries
        self.map = map
        var byYear: [String: [Int]] = [:]
        for (i, s) in summaries.enumerated() { byYear[Self.yearKey(s.year), default: []].append(i) }
        years = byYear.map { ($0.key, $0.value) }.sorted { a, b in
            let ya = Int(a.key) ?? Int.min, yb = Int(b.key) ?? Int.min
            return ya != yb ? ya > yb : a.key < b.key
        }
        identityByKey = Dictionary(map.identities.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        var pages: [String: any Page] = [:]
        // About six files a report (its pages, data and source): the table grown once or twice, not a dozen times.
        pages.reserveCapacity(summaries.count * 6 + 64)
        for kind in Self.kinds {
            for page in kind.pages(in: self) {
                assert(pages[page.path] == nil, "two pages at \(page.path)")
                pages[page.path] = page
            }
        }
        self.pages = pages
        paths = Self.sorted(Array(pages.keys))
    }

    /// `paths` in the order `String` sorts them. When every path is ASCII (every page's, when
    /// the slugs are pinyin), that is the order of their bytes (Unicode scalars, and nothing to
    /// normalise): their bytes are laid end to end in one buffer and the indices sorted with
    /// `memcmp`, where `String`'s general comparison of 60,000 paths was half the plan's time.
    static func sorted(_ paths: [String]) -> [String] {
        // Nothing to order (and no buffer whose base address `memcmp` could take).
        guard paths.count > 1 else { return paths }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paths.count * 48)
        var starts: [Int] = [], ends: [Int] = []
        starts.reserveCapacity(paths.count)
        ends.reserveCapacity(paths.count)
        for var path in paths {
            starts.append(bytes.count)
            path.withUTF8 { bytes.append(contentsOf: $0) }
            ends.append(bytes.count)
        }
        let ascii = bytes.withUnsafeBufferPointer { b in !b.contains { $0 >= 0x80 } }
        guard ascii else { return paths.sorted() }
        let order = bytes.withUnsafeBufferPointer { b -> [Int] in
            let base = b.baseAddress!
            return paths.indices.sorted { x, y in
                let lx = ends[x] - starts[x], ly = ends[y] - starts[y]
                let c = memcmp(base + starts[x], base + starts[y], min(lx, ly))
                return c != 0 ? c < 0 : lx < ly
            }
        }
        return order.map { paths[$0] }
    }

    /// A digest of the plan's shape apart from what each report's summary says: every
    /// identity, region node and report folder of the map, with the reports under each, and
    /// the years. Two builds with the same shape (and settings, templates) give a page the
    /// same frame when none of the reports it lists or is drawn from changed its summary or
    /// its content: a rebuild then takes that page's frame digest from the cache instead of
    /// taking its frame (`Pipeline.draw`). Adding or removing a report, or moving one, changes
    /// the shape.
    var shapeDigest: UInt64 {
        var d = Digest()
        d.add(summaries.count)
        for s in summaries { d.add(s.id) }
        d.add(map.identities.count)
        for id in map.identities {
            d.add(id.key); d.add(id.folder); d.add(id.name); d.add(id.ownPart); d.add(id.node); d.add(id.county)
            d.add(id.reports.count)
            for r in id.reports { d.add(r) }
        }
        d.add(map.nodes.count)
        for n in map.nodes {
            d.add(n.key); d.add(n.level.rawValue); d.add(n.name); d.add(n.code); d.add(n.parent); d.add(n.folder)
            d.add(n.own); d.add(n.reportCount); d.add(n.legacyFolder)
            d.add(n.children.count)
            for c in n.children { d.add(c) }
            d.add(n.identities.count)
            for i in n.identities { d.add(i) }
        }
        for i in map.reportIdentity { d.add(i) }
        for f in map.reportFolder { d.add(f) }
        d.add(map.sameYear.count)
        for group in map.sameYear {
            d.add(group.count)
            for r in group { d.add(r) }
        }
        d.add(years.count)
        for y in years {
            d.add(y.key)
            d.add(y.reports.count)
            for r in y.reports { d.add(r) }
        }
        return d.value
    }

    func links(_ folder: String) -> PageLinks { PageLinks(folder: folder, indexFiles: config.linksToIndexFiles) }

    // MARK: Years

    static func yearKey(_ year: Int?) -> String { year.map(String.init) ?? "unknown-year" }
    static func yearLabel(_ key: String) -> String { key == "unknown-year" ? "年份不明" : key }

    /// The label of a report folder's last segment: `2020` → "2020", `2020-2` → "2020（第 2 份）".
    static func folderLabel(_ folder: String) -> String {
        let last = folder.split(separator: "/").last.map(String.init) ?? ""
        let base = last.hasPrefix("unknown-year") ? "unknown-year" : String(last.prefix { $0 != "-" })
        let rest = last.dropFirst(base.count)
        return yearLabel(base) + (rest.hasPrefix("-") ? "（第 \(rest.dropFirst()) 份）" : "")
    }

    /// "（第 2 份）" for the second report of one body and year, "" otherwise.
    static func copySuffix(_ folder: String) -> String {
        let label = folderLabel(folder)
        return label.firstIndex(of: "（").map { String(label[$0...]) } ?? ""
    }

    // MARK: What the map says of a report

    func identity(ofReport i: Int) -> Identity { map.identities[map.reportIdentity[i]] }

    /// The reports at or under a region node.
    func reports(under n: Int) -> [Int] {
        var out: [Int] = []
        var stack = [n]
        while let m = stack.popLast() {
            for id in map.nodes[m].identities { out += map.identities[id].reports }
            stack += map.nodes[m].children
        }
        return out.sorted()
    }
}
