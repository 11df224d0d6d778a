import Mustache

/// `regions/`: the tree province → city → county with report counts.
struct RegionsPage: Page {
    static let kind = PageKind(name: "regions", template: "regions", inSitemap: true)
    let path = "regions/index.html"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [RegionsPage] { [RegionsPage()] }

    func frame(in plan: SitePlan) -> Listing<RegionsPageView> {
        let map = plan.map
        let links = plan.links("regions/")
        let places = map.roots.sorted { map.nodes[$0].name < map.nodes[$1].name }
            .map { PlaceView(plan: plan, node: $0, links: links, depth: 2) }
        let others = map.identities.filter { $0.node == nil }.reduce(0) { $0 + $1.reports.count }
        let view = RegionsPageView(crumbs: plan.listCrumbs([("按地区", "")], links: links), places: places,
                                   countiesHref: links.to("counties/"), hasOthers: others > 0, others: others)
        return Listing(title: "按地区", view: view)
    }
}

struct RegionsPageView: TemplateView, Encodable {
    let crumbs: [CrumbView]
    let places: [PlaceView]
    let countiesHref: String
    let hasOthers: Bool
    let others: Int

    func child(named key: String) -> Any? {
        switch key {
        case "crumbs": crumbs
        case "places": places
        case "countiesHref": countiesHref
        case "hasOthers": hasOthers
        case "others": others
        default: nil
        }
    }
}
