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
        self.config = config
        self.summaries = summaries
        map = SiteMap(reports: summaries, slug: slug)
        var byYear: [String: [Int]] = [:]
        for (i, s) in summaries.enumerated() { byYear[Self.yearKey(s.year), default: []].append(i) }
        years = byYear.map { ($0.key, $0.value) }.sorted { a, b in
            let ya = Int(a.key) ?? Int.min, yb = Int(b.key) ?? Int.min
            return ya != yb ? ya > yb : a.key < b.key
        }
        identityByKey = Dictionary(map.identities.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        var pages: [String: any Page] = [:]
        for kind in Self.kinds {
            for page in kind.pages(in: self) {
                assert(pages[page.path] == nil, "two pages at \(page.path)")
                pages[page.path] = page
            }
        }
        self.pages = pages
        paths = pages.keys.sorted()
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
