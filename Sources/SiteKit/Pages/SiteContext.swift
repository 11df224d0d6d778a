import Foundation

/// Everything a page needs, shared read-only by the parallel render loop.
struct SiteContext: Sendable {
    let config: SiteConfig
    let theme: Theme
    let documents: [ParsedDocument]
    let map: SiteMap
    /// Year folder name (`2020`, `unknown-year`) → report indices, newest year first.
    let years: [(key: String, reports: [Int])]
    /// Identity key → identity index, to link breadcrumbs to a region's own government.
    let identityByKey: [String: Int]

    init(config: SiteConfig, theme: Theme, documents: [ParsedDocument], map: SiteMap) {
        self.config = config
        self.theme = theme
        self.documents = documents
        self.map = map
        var byYear: [String: [Int]] = [:]
        for (i, d) in documents.enumerated() { byYear[Self.yearKey(d.report.year), default: []].append(i) }
        years = byYear.map { ($0.key, $0.value) }.sorted { a, b in
            let ya = Int(a.key) ?? Int.min, yb = Int(b.key) ?? Int.min
            return ya != yb ? ya > yb : a.key < b.key
        }
        identityByKey = Dictionary(map.identities.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

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

    func links(_ folder: String) -> PageLinks { PageLinks(folder: folder, indexFiles: config.linksToIndexFiles) }

    func page(_ folder: String, title: String, template: String, view: Any, scripts: [String] = [], refresh: String = "") throws -> OutputFile {
        let links = links(folder)
        let content = try theme.render(template, view)
        let html = try theme.render("layout", LayoutView(config: config, links: links, pageTitle: title, content: content,
                                                         scripts: scripts, refresh: refresh, folder: folder))
        return OutputFile(path: folder + "index.html", text: html)
    }

    func render(_ job: SiteRenderer.Job) throws -> [OutputFile] {
        switch job {
        case .report(let i): return try reportFiles(i)
        case .body(let i): return [try bodyPage(i)]
        case .region(let n): return [try map.nodes[n].level == .county ? countyPage(n) : regionPage(n)]
        case .redirect(let n): return [try redirectPage(n)]
        case .year(let key): return [try yearPage(key)]
        case .years: return [try yearsPage()]
        case .regions: return [try regionsPage()]
        case .counties: return [try countiesPage()]
        case .home: return [try homePage()]
        case .search:
            let links = links("search/")
            let view = SearchPageView(indexHref: links.to("search.json"), scriptIndexHref: links.to("search-index.js"),
                                      regionsHref: links.to("regions/"), yearsHref: links.to("years/"),
                                      countiesHref: links.to("counties/"))
            return [try page("search/", title: "搜索", template: "search", view: view, scripts: ["assets/search.js"])]
        }
    }

    // MARK: Report

    func reportFiles(_ i: Int) throws -> [OutputFile] {
        let doc = documents[i]
        let report = doc.report
        let folder = map.reportFolder[i]
        let identity = map.identities[map.reportIdentity[i]]
        let links = links(folder)
        let rawName = doc.document.kind.rawName
        var crumbs = breadcrumb(identity: identity, links: links)
        crumbs.append(CrumbView(name: SiteContext.yearLabel(SiteContext.yearKey(report.year)), href: "", current: true))
        let view = ReportPage.view(report: report, identity: identity, identityHref: links.to(identity.folder),
                                   crumbs: crumbs, rawName: rawName)
        let pageFile = try page(folder, title: view.title, template: "report", view: view)
        let lines = doc.document.sourceLines
        let sourceView = SourcePageView(title: view.title, reportHref: config.linksToIndexFiles ? "index.html" : "./",
                                        rawHref: rawName, encoding: doc.document.encoding, lineCount: lines.count,
                                        lines: SourcePageView.linesHTML(lines))
        let sourceHTML = try theme.render("layout", LayoutView(config: config, links: links, pageTitle: "原文 · " + view.title,
                                                               content: try theme.render("source", sourceView)))
        return [
            pageFile,
            OutputFile(path: folder + "source.html", text: sourceHTML),
            OutputFile(path: folder + "report.json", text: report.json.serialized(pretty: true) + "\n"),
            OutputFile(path: folder + rawName, data: doc.document.bytes),
        ]
    }

    /// 首页 › 按年份 › 2020 for a listing page: each (name, folder) step, "" for the page itself.
    func listCrumbs(_ steps: [(String, String)], links: PageLinks) -> [CrumbView] {
        [CrumbView(name: "首页", href: links.to(""))] + steps.map { name, folder in
            CrumbView(name: name, href: folder.isEmpty ? "" : links.to(folder), current: folder.isEmpty)
        }
    }

    /// 首页 › province › city › county: every step links to that place's page (placeholder
    /// levels never appear: region names come from the report, whose chain skips them).
    func crumbs(node: Int?, links: PageLinks) -> [CrumbView] {
        var crumbs = [CrumbView(name: "首页", href: links.to(""))]
        if let node {
            for n in map.chain(node) { crumbs.append(CrumbView(name: map.nodes[n].name, href: links.to(map.nodes[n].folder))) }
        }
        return crumbs
    }

    /// 首页 › province › city › county › town › body: the town links to its government's page
    /// when that has reports (plain text otherwise); a body that is not its place's own
    /// government follows as the last step.
    func breadcrumb(identity: Identity, links: PageLinks) -> [CrumbView] {
        var crumbs = crumbs(node: identity.node, links: links)
        if !identity.town.isEmpty {
            let townKey = (identity.node.map { map.nodes[$0].key } ?? "") + "|" + identity.town + "|"
            let href = identityByKey[townKey].map { links.to(map.identities[$0].folder) } ?? ""
            crumbs.append(CrumbView(name: identity.town, href: href))
        }
        if !identity.ownPart.isEmpty || crumbs.count == 1 {
            crumbs.append(CrumbView(name: identity.name, href: links.to(identity.folder)))
        }
        return crumbs
    }

    /// `宁夏回族自治区 › 银川市 › 兴庆区 › 掌政镇（640104100000）`: where a body sits, with the
    /// division code the report resolved to; "" for a body with no region.
    static func chainText(_ region: Region) -> String {
        let names = [region.province, region.city, region.county, region.town].compactMap { $0 }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return "" }
        return names.joined(separator: " › ") + (region.code.map { $0.isEmpty ? "" : "（\($0)）" } ?? "")
    }

    // MARK: Listings

    func item(_ id: Int, links: PageLinks) -> ItemView {
        let identity = map.identities[id]
        return ItemView(name: identity.name, href: links.to(identity.folder), years: identity.reports.map {
            YearLinkView(year: SiteContext.folderLabel(map.reportFolder[$0]),
                         href: links.to(map.reportFolder[$0]))
        })
    }

    func bodyPage(_ id: Int) throws -> OutputFile {
        let identity = map.identities[id]
        let links = links(identity.folder)
        var crumbs = breadcrumb(identity: identity, links: links)
        if let last = crumbs.indices.last { crumbs[last] = CrumbView(name: crumbs[last].name, href: "", current: true) }
        let chain = SiteContext.chainText(identity.region)
        let view = BodyPageView(name: identity.name, crumbs: crumbs, chain: chain, hasChain: !chain.isEmpty,
                                history: history(id, links: links))
        return try page(identity.folder, title: identity.name, template: "body", view: view)
    }

    /// A body's reports by year and its headline figures side by side (`history.mustache`).
    func history(_ id: Int, links: PageLinks, ofPlace: Bool = false) -> BodyHistoryView {
        let identity = map.identities[id]
        var reports: [ReportLinkView] = []
        var columns: [[Decimal?]] = []
        var years: [String] = []
        for i in identity.reports {
            let r = documents[i].report
            let yearLabel = SiteContext.folderLabel(map.reportFolder[i])
            let problems = r.diagnostics.filter { $0.severity != .info }.count
            let title = r.title ?? "\(identity.name) \(SiteContext.yearLabel(SiteContext.yearKey(r.year)))年度报告"
            reports.append(ReportLinkView(year: yearLabel, title: title,
                                          href: links.to(map.reportFolder[i]), problems: problems, hasProblems: problems > 0))
            years.append(yearLabel)
            columns.append(HeadlineFigures.values(r))
        }
        let figures = HeadlineFigures.labels.enumerated().map { n, label in
            FigureRowView(label: label, cells: columns.map { col in
                FigureCellView(text: TableFormatting.number(col[n]) ?? "—", known: col[n] != nil)
            })
        }
        let prefix = ofPlace ? "本级（\(identity.name)）" : ""
        return BodyHistoryView(name: identity.name, reportsTitle: prefix + "历年报告", figuresTitle: prefix + "主要数字", reports: reports, years: years, figures: figures, hasFigures: !columns.isEmpty)
    }

    func yearPage(_ key: String) throws -> OutputFile {
        let folder = "years/\(key)/"
        let links = links(folder)
        let reports = years.first { $0.key == key }?.reports ?? []
        // Grouped by the place a body sits in: its county, or the city or province for a body of
        // that level (a city's 教育局); -1 for bodies with no place.
        var groups: [Int: [Int]] = [:]
        for i in reports { groups[map.identities[map.reportIdentity[i]].node ?? -1, default: []].append(i) }
        func label(_ c: Int) -> String { map.chain(c).map { map.nodes[$0].name }.joined(separator: " ") }
        let views: [GroupView] = groups.keys.sorted { a, b in
            a < 0 || b < 0 ? b < 0 && a >= 0 : label(a) < label(b)
        }.map { c in
            let items = groups[c]!.sorted { map.identities[map.reportIdentity[$0]].name < map.identities[map.reportIdentity[$1]].name }.map { i in
                ItemView(name: map.identities[map.reportIdentity[i]].name + Self.copySuffix(map.reportFolder[i]),
                         href: links.to(map.reportFolder[i]), years: [])
            }
            if c >= 0 { return GroupView(name: label(c), href: links.to(map.nodes[c].folder), hasHref: true, items: items) }
            return GroupView(name: "未能定位地区", href: "", hasHref: false, items: items)
        }
        let view = YearPageView(year: SiteContext.yearLabel(key), crumbs: listCrumbs([("按年份", "years/"), (SiteContext.yearLabel(key), "")], links: links),
                                count: reports.count, groups: views)
        return try page(folder, title: "\(SiteContext.yearLabel(key)) 年度报告", template: "year", view: view)
    }

    func yearCounts(_ links: PageLinks) -> [YearCountView] {
        years.map { YearCountView(year: SiteContext.yearLabel($0.key), href: links.to("years/\($0.key)/"), count: $0.reports.count) }
    }

    func yearsPage() throws -> OutputFile {
        let links = links("years/")
        return try page("years/", title: "按年份", template: "years",
                        view: YearsPageView(crumbs: listCrumbs([("按年份", "")], links: links), years: yearCounts(links)))
    }

    func countiesPage() throws -> OutputFile {
        let links = links("counties/")
        let counties = map.counties.map { c in
            let node = map.nodes[c]
            return CountyLinkView(name: node.name, parents: map.chain(c).dropLast().map { map.nodes[$0].name }.joined(separator: " "),
                                  href: links.to(node.folder), bodies: node.identities.count, reports: node.reportCount)
        }.sorted { ($0.parents, $0.name) < ($1.parents, $1.name) }
        let others = map.identities.indices.filter { map.identities[$0].county == nil }
            .sorted { map.identities[$0].name < map.identities[$1].name }.map { item($0, links: links) }
        return try page("counties/", title: "按区县", template: "counties",
                        view: CountiesPageView(crumbs: listCrumbs([("按区县", "")], links: links), counties: counties, regionsHref: links.to("regions/"),
                                               others: others, hasOthers: !others.isEmpty))
    }

    func homePage() throws -> OutputFile {
        let links = links("")
        let provinces = map.roots.sorted { map.nodes[$0].name < map.nodes[$1].name }.map { PlaceView(site: self, node: $0, links: links) }
        let view = HomePageView(title: config.title, reports: documents.count, bodies: map.identities.count, counties: map.counties.count,
                                yearCount: years.count, years: yearCounts(links), regionsHref: links.to("regions/"),
                                yearsHref: links.to("years/"), countiesHref: links.to("counties/"),
                                searchHref: "search/index.html",
                                provinces: provinces, hasProvinces: !provinces.isEmpty)
        return try page("", title: config.title, template: "home", view: view)
    }
}
