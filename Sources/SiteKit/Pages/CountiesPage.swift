import Mustache

/// `counties/`: every county, flat, linking to its region page; then the bodies in no county.
struct CountiesPage: Page {
    static let kind = PageKind(name: "counties", template: "counties", inSitemap: true)
    let path = "counties/index.html"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [CountiesPage] { [CountiesPage()] }

    func frame(in plan: SitePlan) -> Listing<CountiesPageView> {
        let map = plan.map
        let links = plan.links("counties/")
        let counties = map.counties.map { c in
            let node = map.nodes[c]
            let counts = plan.counts(plan.coverage(county: c))
            return CountyLinkView(name: node.name, parents: map.chain(c).dropLast().map { map.nodes[$0].name }.joined(separator: " "),
                                  href: links.to(node.folder), bodies: node.identities.count, reports: node.reportCount,
                                  missing: counts.missing, late: counts.late, hasLate: counts.late > 0)
        }.sorted { ($0.parents, $0.name) < ($1.parents, $1.name) }
        let others = map.identities.indices.filter { map.identities[$0].county == nil }
            .sorted { map.identities[$0].name < map.identities[$1].name }.map { plan.item($0, links: links) }
        let view = CountiesPageView(crumbs: plan.listCrumbs([("按区县", "")], links: links), counties: counties,
                                    regionsHref: links.to("regions/"), others: others, hasOthers: !others.isEmpty)
        return Listing(title: "按区县", view: view)
    }
}

struct CountiesPageView: TemplateView, Encodable {
    let crumbs: [CrumbView]
    let counties: [CountyLinkView]
    let regionsHref: String
    let others: [ItemView]
    let hasOthers: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "crumbs": crumbs
        case "counties": counties
        case "regionsHref": regionsHref
        case "others": others
        case "hasOthers": hasOthers
        default: nil
        }
    }
}

struct CountyLinkView: TemplateView, Encodable {
    let name: String
    let parents: String
    let href: String
    let bodies: Int
    let reports: Int
    /// Body-years without a report in the county's grid (`Coverage`), and reports published late.
    let missing: Int
    let late: Int
    let hasLate: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "parents": parents
        case "href": href
        case "bodies": bodies
        case "reports": reports
        case "missing": missing
        case "late": late
        case "hasLate": hasLate
        default: nil
        }
    }
}
