import Mustache

/// `index.html`: the search box first, then the newest reports, coverage, timeliness and
/// data quality at a glance, the entries to the tree, the provinces and the years.
struct HomePage: Page {
    static let kind = PageKind(name: "home", template: "home", inSitemap: true)
    let path = "index.html"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }
    /// How many of the newest reports the page lists.
    static let newestCount = 10

    static func pages(in plan: SitePlan) -> [HomePage] { [HomePage()] }

    func frame(in plan: SitePlan) -> Listing<HomePageView> {
        let map = plan.map
        let links = plan.links("")
        let provinces = map.roots.sorted { map.nodes[$0].name < map.nodes[$1].name }.map { PlaceView(plan: plan, node: $0, links: links) }
        // Newest first by printed date (undated last), then by year and id. The keys are taken
        // once: a comparison that read them from the summaries copied two whole summaries
        // (6 % of an add-one rebuild at 10,000 reports, in retains and releases).
        let keys = plan.summaries.map { (published: $0.coverage.published ?? "", year: $0.year ?? .min, id: $0.id) }
        let newest = keys.indices.sorted { a, b in
            (keys[a].published, keys[a].year, keys[b].id) > (keys[b].published, keys[b].year, keys[a].id)
        }.prefix(Self.newestCount).map { i in
            let s = plan.summaries[i]
            return NewReportView(date: s.coverage.published ?? "日期不明", name: plan.identity(ofReport: i).name,
                                 year: SitePlan.yearLabel(SitePlan.yearKey(s.year)), copy: SitePlan.copySuffix(map.reportFolder[i]),
                                 href: links.to(map.reportFolder[i]))
        }
        var missing = 0
        for c in map.counties { missing += plan.counts(plan.coverage(county: c)).missing }
        var onTime = 0, late = 0
        for i in plan.summaries.indices {
            switch plan.timeliness(ofReport: i) {
            case .onTime: onTime += 1
            case .late: late += 1
            default: break
            }
        }
        let broken = plan.summaries.filter { $0.problems > 0 }.count
        let view = HomePageView(title: plan.config.title, reports: plan.summaries.count, bodies: map.identities.count,
                                counties: map.counties.count, yearCount: plan.years.count, years: plan.yearCounts(links),
                                regionsHref: links.to("regions/"), yearsHref: links.to("years/"), countiesHref: links.to("counties/"),
                                searchHref: "search/index.html", provinces: provinces, hasProvinces: !provinces.isEmpty,
                                newest: Array(newest), hasNewest: !newest.isEmpty, missing: missing, onTime: onTime, late: late,
                                undated: plan.summaries.count - onTime - late, broken: broken,
                                timelinessHref: links.to("timeliness/"), qualityHref: links.to("quality/"))
        return Listing(title: plan.config.title, view: view)
    }
}

struct HomePageView: TemplateView, Encodable {
    let title: String
    let reports: Int
    let bodies: Int
    let counties: Int
    let yearCount: Int
    let years: [YearCountView]
    let regionsHref: String
    let yearsHref: String
    let countiesHref: String
    let searchHref: String
    /// The provinces (top of the tree), each linking to its page.
    let provinces: [PlaceView]
    let hasProvinces: Bool
    let newest: [NewReportView]
    let hasNewest: Bool
    /// Body-years with no report in the counties' grids (towns from the division data included).
    let missing: Int
    let onTime: Int
    let late: Int
    /// Reports with no date, a doubtful one, or no year.
    let undated: Int
    /// Reports with at least one problem.
    let broken: Int
    let timelinessHref: String
    let qualityHref: String

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "reports": reports
        case "bodies": bodies
        case "counties": counties
        case "yearCount": yearCount
        case "years": years
        case "regionsHref": regionsHref
        case "yearsHref": yearsHref
        case "countiesHref": countiesHref
        case "searchHref": searchHref
        case "provinces": provinces
        case "hasProvinces": hasProvinces
        case "newest": newest
        case "hasNewest": hasNewest
        case "missing": missing
        case "onTime": onTime
        case "late": late
        case "undated": undated
        case "broken": broken
        case "timelinessHref": timelinessHref
        case "qualityHref": qualityHref
        default: nil
        }
    }
}

struct NewReportView: TemplateView, Encodable {
    let date: String
    let name: String
    let year: String
    /// "（第 2 份）" for a body's second report of a year.
    let copy: String
    let href: String

    func child(named key: String) -> Any? {
        switch key {
        case "date": date
        case "name": name
        case "year": year
        case "copy": copy
        case "href": href
        default: nil
        }
    }
}
