import Mustache

/// `index.html`: counts, the entries to the tree, the years and the counties, the provinces.
struct HomePage: Page {
    static let kind = PageKind(name: "home", template: "home", inSitemap: true)
    let path = "index.html"
    var summaries: [Int]? { nil }

    static func pages(in plan: SitePlan) -> [HomePage] { [HomePage()] }

    func frame(in plan: SitePlan) -> Listing<HomePageView> {
        let map = plan.map
        let links = plan.links("")
        let provinces = map.roots.sorted { map.nodes[$0].name < map.nodes[$1].name }.map { PlaceView(plan: plan, node: $0, links: links) }
        let view = HomePageView(title: plan.config.title, reports: plan.summaries.count, bodies: map.identities.count,
                                counties: map.counties.count, yearCount: plan.years.count, years: plan.yearCounts(links),
                                regionsHref: links.to("regions/"), yearsHref: links.to("years/"), countiesHref: links.to("counties/"),
                                searchHref: "search/index.html", provinces: provinces, hasProvinces: !provinces.isEmpty)
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
        default: nil
        }
    }
}
