import Mustache

// Entries the listing pages share: a body with its years, a place with its report count, a
// year with its count.

/// A body in a list, with a link to its page and to each of its years.
struct ItemView: TemplateView, Encodable {
    let name: String
    let href: String
    let years: [YearLinkView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "years": years
        default: nil
        }
    }
}

struct YearLinkView: TemplateView, Encodable {
    let year: String
    let href: String

    func child(named key: String) -> Any? {
        switch key {
        case "year": year
        case "href": href
        default: nil
        }
    }
}

/// A place in a list or in the tree, with the reports at or under it.
struct PlaceView: TemplateView, Encodable {
    let name: String
    let href: String
    let reports: Int
    /// Places under it (the tree nests three levels at most: province, city, county).
    let children: [PlaceView]
    let hasChildren: Bool

    init(plan: SitePlan, node n: Int, links: PageLinks, depth: Int = 0) {
        let node = plan.map.nodes[n]
        name = node.name
        href = links.to(node.folder)
        reports = node.reportCount
        children = depth > 0 ? node.children.sorted { plan.map.nodes[$0].name < plan.map.nodes[$1].name }
            .map { PlaceView(plan: plan, node: $0, links: links, depth: depth - 1) } : []
        hasChildren = !children.isEmpty
    }

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "reports": reports
        case "children": children
        case "hasChildren": hasChildren
        default: nil
        }
    }
}

struct YearCountView: TemplateView, Encodable {
    let year: String
    let href: String
    let count: Int

    func child(named key: String) -> Any? {
        switch key {
        case "year": year
        case "href": href
        case "count": count
        default: nil
        }
    }
}

extension SitePlan {
    /// A body and links to each of its reports.
    func item(_ id: Int, links: PageLinks) -> ItemView {
        let identity = map.identities[id]
        return ItemView(name: identity.name, href: links.to(identity.folder), years: identity.reports.map {
            YearLinkView(year: SitePlan.folderLabel(map.reportFolder[$0]), href: links.to(map.reportFolder[$0]))
        })
    }

    /// Each year with its number of reports, newest first.
    func yearCounts(_ links: PageLinks) -> [YearCountView] {
        years.map { YearCountView(year: SitePlan.yearLabel($0.key), href: links.to("years/\($0.key)/"), count: $0.reports.count) }
    }

    /// Bodies of a place sorted for reading: its own government first, then its departments,
    /// then each town (its government before its other bodies), by name.
    func sortedBodies(_ ids: [Int]) -> [Int] {
        ids.sorted { a, b in
            let x = map.identities[a], y = map.identities[b]
            func rank(_ i: Identity) -> Int { i.town.isEmpty ? (i.ownPart.isEmpty ? 0 : 1) : 2 }
            return (rank(x), x.town, x.ownPart.isEmpty ? 0 : 1, x.name) < (rank(y), y.town, y.ownPart.isEmpty ? 0 : 1, y.name)
        }
    }
}
