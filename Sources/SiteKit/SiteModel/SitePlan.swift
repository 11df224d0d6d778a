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
    /// Every page, as the kinds made them (`kinds`): held once, neither copied into the order
    /// of their paths nor keyed by path (60,000 pages copied and paths hashed at 10,000 reports).
    private var made: [any Page] = []
    /// The path of every page relative to the site root, sorted, one per path.
    private(set) var paths: [String] = []
    /// The index in `made` of the page at each of `paths`.
    private var order: [Int] = []
    /// Whether the paths were sorted, or put in the order given (`init(config:summaries:map:order:)`).
    private(set) var sorted = true
    /// Each report's timeliness and each county's coverage, worked out once for this plan.
    let coverageMemo: CoverageMemo

    init(config: SiteConfig, summaries: [ReportSummary], slug: (String) -> String) {
        self.init(config: config, summaries: summaries, map: SiteMap(reports: summaries, slug: slug))
    }

    /// The plan of `summaries` with their site map made already (the map reads no diagnostic,
    /// so the scan's map serves, before the checks across reports add theirs). `order`, when
    /// it puts every page's path in sorted order (`PageRows.Decoded.made`: the last build's,
    /// of the same pages), is their order: checked in one comparison a page, not sorted again.
    init(config: SiteConfig, summaries: [ReportSummary], map: SiteMap, order given: [Int] = []) {
        self.config = config
        self.summaries = summaries
        self.map = map
        coverageMemo = CoverageMemo(reports: summaries.count)
        var byYear: [String: [Int]] = [:]
        for (i, s) in summaries.enumerated() { byYear[Self.yearKey(s.year), default: []].append(i) }
        years = byYear.map { ($0.key, $0.value) }.sorted { a, b in
            let ya = Int(a.key) ?? Int.min, yb = Int(b.key) ?? Int.min
            return ya != yb ? ya > yb : a.key < b.key
        }
        identityByKey = Dictionary(map.identities.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        // Every page with its path, kind by kind, each kind's list taken as it is (not cast to a
        // list of `any Page` first); then sorted, and keyed by path.
        var all: [any Page] = [], keys: [String] = []
        // About six files a report (its pages, data and source): the lists grown once or twice, not a dozen times.
        all.reserveCapacity(summaries.count * 6 + 64)
        keys.reserveCapacity(summaries.count * 6 + 64)
        for kind in Self.kinds { Self.add(kind, of: self, to: &all, keys: &keys) }
        if Self.sorts(keys, in: given) {
            made = all
            order = given
            paths = given.map { keys[$0] }
            sorted = false
            return
        }
        var order = Self.order(keys)
        // Two pages at one path (a bug): the one made later, as a table keyed by path keeps.
        if zip(order, order.dropFirst()).contains(where: { keys[$0.0] == keys[$0.1] }) {
            assertionFailure("two pages at one path")
            var kept: [Int] = []
            for i in order {
                if let last = kept.last, keys[last] == keys[i] { kept[kept.count - 1] = max(last, i) } else { kept.append(i) }
            }
            order = kept
        }
        made = all
        self.order = order
        paths = order.map { keys[$0] }
    }

    /// The page at `paths[i]`.
    func page(at i: Int) -> any Page { made[order[i]] }

    /// The place of the page at `paths[i]` among the pages as the kinds made them: what the
    /// next plan of the same pages takes as their order (`PageRows.Decoded.made`).
    func madeIndex(at i: Int) -> Int { order[i] }

    /// Whether `order` names each of `keys` once, in strictly ascending order of the paths: then
    /// it is their sorted order (no two the same).
    static func sorts(_ keys: [String], in order: [Int]) -> Bool {
        guard order.count == keys.count, order.allSatisfy(keys.indices.contains) else { return false }
        return zip(order, order.dropFirst()).allSatisfy { keys[$0.0] < keys[$0.1] }
    }

    /// The page at `path`, found among the sorted `paths`; `nil` when the site has none there.
    func page(_ path: String) -> (any Page)? {
        var lo = 0, hi = paths.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paths[mid] < path { lo = mid + 1 } else { hi = mid }
        }
        return lo < paths.count && paths[lo] == path ? page(at: lo) : nil
    }

    /// Every page, in the order of `paths`.
    var ordered: [any Page] { order.map { made[$0] } }

    /// The pages of one kind, added to `all` with their paths in `keys`.
    private static func add<P: Page>(_ kind: P.Type, of plan: SitePlan, to all: inout [any Page], keys: inout [String]) {
        for page in kind.pages(in: plan) {
            keys.append(page.path)
            all.append(page)
        }
    }

    /// `paths` in the order `String` sorts them. When every path is ASCII (every page's, when
    /// the slugs are pinyin), that is the order of their bytes (Unicode scalars, and nothing to
    /// normalise): their bytes are laid end to end in one buffer and the indices sorted a byte
    /// at a time (`byteOrder`), where `String`'s general comparison of 60,000 paths was half
    /// the plan's time, and a `memcmp` of each pair still a third of it: paths share long
    /// prefixes (`ningxiahuizuzizhiqu/yinchuanshi/…`), which a comparison reads again each time.
    static func sorted(_ paths: [String]) -> [String] {
        order(paths).map { paths[$0] }
    }

    /// The indices of `paths` in the order `sorted` gives them.
    static func order(_ paths: [String]) -> [Int] {
        // Nothing to order (and no buffer whose base address could be taken).
        guard paths.count > 1 else { return Array(paths.indices) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paths.count * 48)
        var starts: [Int] = []
        starts.reserveCapacity(paths.count + 1)
        for var path in paths {
            starts.append(bytes.count)
            path.withUTF8 { bytes.append(contentsOf: $0) }
        }
        starts.append(bytes.count)
        let ascii = bytes.withUnsafeBufferPointer { b in !b.contains { $0 >= 0x80 } }
        guard ascii else { return paths.indices.sorted { paths[$0] < paths[$1] } }
        return byteOrder(bytes, starts: starts)
    }

    /// The indices of the byte strings `bytes[starts[i]..<starts[i + 1]]` in the order of their
    /// bytes (a prefix first), by multikey quicksort (Bentley and Sedgewick, "Fast algorithms
    /// for sorting and searching strings", 1997): each step partitions by one byte, so a prefix
    /// common to many strings is read once per level, not once per comparison. Of equal
    /// strings, the order is any.
    static func byteOrder(_ bytes: [UInt8], starts: [Int]) -> [Int] {
        var order = Array(0..<(starts.count - 1))
        bytes.withUnsafeBufferPointer { b in
            starts.withUnsafeBufferPointer { s in
                order.withUnsafeMutableBufferPointer { o in
                    // The byte at `depth` of string `i`, -1 past its end.
                    func at(_ i: Int, _ depth: Int) -> Int {
                        let p = s[i] + depth
                        return p < s[i + 1] ? Int(b[p]) : -1
                    }
                    // Few strings: insertion sort, comparing from `depth` on.
                    func less(_ x: Int, _ y: Int, from depth: Int) -> Bool {
                        var d = depth
                        while true {
                            let cx = at(x, d), cy = at(y, d)
                            if cx != cy { return cx < cy }
                            if cx < 0 { return false }
                            d += 1
                        }
                    }
                    var stack: [(lo: Int, hi: Int, depth: Int)] = [(0, o.count, 0)]
                    while let (lo, hi, depth) = stack.popLast() {
                        if hi - lo < 12 {
                            if hi - lo < 2 { continue }
                            for k in (lo + 1)..<hi {
                                let x = o[k]
                                var j = k
                                while j > lo, less(x, o[j - 1], from: depth) {
                                    o[j] = o[j - 1]
                                    j -= 1
                                }
                                o[j] = x
                            }
                            continue
                        }
                        // The median of three bytes as the pivot.
                        let a = at(o[lo], depth), m = at(o[(lo + hi) / 2], depth), z = at(o[hi - 1], depth)
                        let pivot = max(min(a, m), min(max(a, m), z))
                        // [lo, lt): below, [lt, i): equal, [gt, hi): above.
                        var lt = lo, i = lo, gt = hi
                        while i < gt {
                            let c = at(o[i], depth)
                            if c < pivot {
                                o.swapAt(lt, i)
                                lt += 1
                                i += 1
                            } else if c > pivot {
                                gt -= 1
                                o.swapAt(i, gt)
                            } else {
                                i += 1
                            }
                        }
                        stack.append((lo, lt, depth))
                        stack.append((gt, hi, depth))
                        // Strings that end here are equal: nothing further to order.
                        if pivot >= 0 { stack.append((lt, gt, depth + 1)) }
                    }
                }
            }
        }
        return order
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
