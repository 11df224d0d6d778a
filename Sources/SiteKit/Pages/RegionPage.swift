import Mustache

/// A province's or a city's page, at its region path (`ningxiahuizuzizhiqu/yinchuanshi/`): the
/// places under it, the bodies of its own level, and its own government's reports.
struct RegionPage: Page {
    static let kind = PageKind(name: "region", template: "region", inSitemap: true)
    let node: Int
    let path: String
    let summaries: [Int]?

    static func pages(in plan: SitePlan) -> [RegionPage] {
        plan.map.nodes.indices.filter { plan.map.nodes[$0].level != .county }.map {
            RegionPage(node: $0, path: plan.map.nodes[$0].folder + "index.html", summaries: plan.reports(under: $0))
        }
    }

    func frame(in plan: SitePlan) -> Listing<RegionPageView> {
        let map = plan.map
        let node = map.nodes[self.node]
        let links = plan.links(node.folder)
        let places = node.children.sorted { map.nodes[$0].name < map.nodes[$1].name }
            .map { PlaceView(plan: plan, node: $0, links: links, depth: 1) }
        let bodies = plan.sortedBodies(node.identities).map { plan.item($0, links: links) }
        let view = RegionPageView(name: node.name, crumbs: plan.pageCrumbs(node: self.node, links: links),
                                  chain: plan.chainText(node: self.node), reports: node.reportCount,
                                  places: places, hasPlaces: !places.isEmpty, bodies: bodies, hasBodies: !bodies.isEmpty,
                                  own: node.own.map { [plan.history($0, links: links, ofPlace: true)] } ?? [])
        return Listing(title: node.name, view: view)
    }
}

struct RegionPageView: TemplateView, Encodable {
    let name: String
    let crumbs: [CrumbView]
    let chain: String
    let reports: Int
    let places: [PlaceView]
    let hasPlaces: Bool
    let bodies: [ItemView]
    let hasBodies: Bool
    /// Zero or one: the place's own government, whose page this is too.
    let own: [BodyHistoryView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "crumbs": crumbs
        case "chain": chain
        case "reports": reports
        case "places": places
        case "hasPlaces": hasPlaces
        case "bodies": bodies
        case "hasBodies": hasBodies
        case "own": own
        default: nil
        }
    }
}
