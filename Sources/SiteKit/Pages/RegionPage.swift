import Mustache

/// A province's or a city's page, at its region path (`ningxiahuizuzizhiqu/yinchuanshi/`): the
/// places under it, the bodies of its own level, and its own government's reports.
struct RegionPage: Page {
    static let kind = PageKind(name: "region", template: "region", inSitemap: true)
    let node: Int
    let path: String
    let summaries: [Int]?
    /// Its own government's reports: the only ones whose figures it shows (its history); of
    /// the others it shows counts, names and dates.
    let figuresShown: [Int]?

    static func pages(in plan: SitePlan) -> [RegionPage] {
        plan.map.nodes.indices.filter { plan.map.nodes[$0].level != .county }.map {
            RegionPage(node: $0, path: plan.map.nodes[$0].folder + "index.html", summaries: plan.reports(under: $0),
                       figuresShown: plan.map.nodes[$0].own.map { plan.map.identities[$0].reports.sorted() } ?? [])
        }
    }

    func frame(in plan: SitePlan) -> Listing<RegionPageView> {
        let map = plan.map
        let node = map.nodes[self.node]
        let links = plan.links(node.folder)
        let places = node.children.sorted { map.nodes[$0].name < map.nodes[$1].name }
            .map { PlaceView(plan: plan, node: $0, links: links, depth: 1) }
        let bodies = plan.sortedBodies(node.identities).map { plan.item($0, links: links) }
        // The gaps and late reports of the counties under it, as their grids count them.
        var counties: [Int] = [], stack = node.children
        while let n = stack.popLast() {
            if map.nodes[n].level == .county { counties.append(n) } else { stack += map.nodes[n].children }
        }
        var missing = 0, late = 0
        for c in counties {
            let counts = plan.counts(plan.coverage(county: c))
            missing += counts.missing
            late += counts.late
        }
        let coverage = counties.isEmpty ? "" : "下辖 \(counties.count) 个区县共 \(missing) 处缺报告、\(late) 份逾期发布（按区划数据中的全部乡镇、街道计）。"
        let view = RegionPageView(name: node.name, crumbs: plan.pageCrumbs(node: self.node, links: links),
                                  chain: plan.chainText(node: self.node), reports: node.reportCount,
                                  coverage: coverage, hasCoverage: !coverage.isEmpty, timelinessHref: links.to("timeliness/"),
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
    /// The counties' gaps and late reports in one sentence; "" with no county under it.
    let coverage: String
    let hasCoverage: Bool
    let timelinessHref: String
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
        case "coverage": coverage
        case "hasCoverage": hasCoverage
        case "timelinessHref": timelinessHref
        case "places": places
        case "hasPlaces": hasPlaces
        case "bodies": bodies
        case "hasBodies": hasBodies
        case "own": own
        default: nil
        }
    }
}
