import Mustache

/// A year's page (`years/2020/`): the reports of that year, grouped by the place a body sits
/// in — its county, or the city or province for a body of that level (a city's 教育局).
struct YearPage: Page {
    static let kind = PageKind(name: "year", template: "year", inSitemap: true)
    let key: String
    let path: String
    let summaries: [Int]?
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [YearPage] {
        plan.years.map { YearPage(key: $0.key, path: "years/\($0.key)/index.html", summaries: $0.reports.sorted()) }
    }

    func frame(in plan: SitePlan) -> Listing<YearPageView> {
        let map = plan.map
        let links = plan.links("years/\(key)/")
        let reports = summaries ?? []
        // -1 for bodies with no place.
        var groups: [Int: [Int]] = [:]
        for i in reports { groups[plan.identity(ofReport: i).node ?? -1, default: []].append(i) }
        func label(_ c: Int) -> String { map.chain(c).map { map.nodes[$0].name }.joined(separator: " ") }
        // Ties (two places of the same names, told apart by their codes; two reports of one
        // name) go by folder, which is unique: never by the dictionary's order, which is not
        // the same from one run to the next.
        let views: [GroupView] = groups.keys.sorted { a, b in
            a < 0 || b < 0 ? b < 0 && a >= 0 : (label(a), map.nodes[a].folder) < (label(b), map.nodes[b].folder)
        }.map { c in
            let items = groups[c]!.sorted {
                (plan.identity(ofReport: $0).name, map.reportFolder[$0]) < (plan.identity(ofReport: $1).name, map.reportFolder[$1])
            }.map { i in
                ItemView(name: plan.identity(ofReport: i).name + SitePlan.copySuffix(map.reportFolder[i]),
                         href: links.to(map.reportFolder[i]), years: [])
            }
            if c >= 0 { return GroupView(name: label(c), href: links.to(map.nodes[c].folder), hasHref: true, items: items) }
            return GroupView(name: "未能定位地区", href: "", hasHref: false, items: items)
        }
        let year = SitePlan.yearLabel(key)
        let view = YearPageView(year: year, crumbs: plan.listCrumbs([("按年份", "years/"), (year, "")], links: links),
                                count: reports.count, groups: views)
        return Listing(title: "\(year) 年度报告", view: view)
    }
}

struct YearPageView: TemplateView, Encodable {
    let year: String
    let crumbs: [CrumbView]
    let count: Int
    let groups: [GroupView]

    func child(named key: String) -> Any? {
        switch key {
        case "year": year
        case "crumbs": crumbs
        case "count": count
        case "groups": groups
        default: nil
        }
    }
}

struct GroupView: TemplateView, Encodable {
    let name: String
    let href: String
    let hasHref: Bool
    let items: [ItemView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "hasHref": hasHref
        case "items": items
        default: nil
        }
    }
}
