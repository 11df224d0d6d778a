import Foundation

// The browse-by-region pages: the tree (`regions/`), a province's or city's page, a county's
// page with its town × year grid, and the redirects from the older `counties/<slug>/` URLs.

/// A place in a list or in the tree, with the reports at or under it.
struct PlaceView {
    let name: String
    let href: String
    let reports: Int
    /// Places under it (the tree nests three levels at most: province, city, county).
    let children: [PlaceView]
    let hasChildren: Bool

    init(site: SiteContext, node n: Int, links: PageLinks, depth: Int = 0) {
        let node = site.map.nodes[n]
        name = node.name
        href = links.to(node.folder)
        reports = node.reportCount
        children = depth > 0 ? node.children.sorted { site.map.nodes[$0].name < site.map.nodes[$1].name }
            .map { PlaceView(site: site, node: $0, links: links, depth: depth - 1) } : []
        hasChildren = !children.isEmpty
    }
}

struct RegionsPageView {
    let crumbs: [CrumbView]
    let places: [PlaceView]
    let countiesHref: String
    let hasOthers: Bool
    let others: Int
}

/// A province's or a city's page: the places under it and the bodies of its own level.
struct RegionPageView {
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
}

/// A county's page: every body of the county (its government, its departments, its towns and
/// their bodies) by every year any of them has a report for.
struct CountyPageView {
    let name: String
    let crumbs: [CrumbView]
    let chain: String
    let reports: Int
    let bodyCount: Int
    let years: [String]
    let rows: [GridRowView]
    /// Zero or one: the county's own government, whose page this is too.
    let own: [BodyHistoryView]
}

struct GridRowView {
    let name: String
    let href: String
    let hasHref: Bool
    let cells: [GridCellView]
}

/// One body × one year: its report(s), or `missing` (drawn 缺, read 无报告).
struct GridCellView {
    let links: [LinkView]
    let missing: Bool
}

struct LinkView {
    let text: String
    let href: String
}

struct RedirectPageView {
    let name: String
    let href: String
}

extension SiteContext {
    /// The chain of a place with the code of its own level: `宁夏回族自治区 › 银川市（640100000000）`.
    func chainText(node n: Int) -> String {
        let names = map.chain(n).map { map.nodes[$0].name }.joined(separator: " › ")
        return names + (map.nodes[n].code.map { "（\($0)）" } ?? "")
    }

    func pageCrumbs(node n: Int, links: PageLinks) -> [CrumbView] {
        var crumbs = crumbs(node: n, links: links)
        crumbs[crumbs.count - 1] = CrumbView(name: map.nodes[n].name, href: "", current: true)
        return crumbs
    }

    func regionsPage() throws -> OutputFile {
        let links = links("regions/")
        let places = map.roots.sorted { map.nodes[$0].name < map.nodes[$1].name }
            .map { PlaceView(site: self, node: $0, links: links, depth: 2) }
        let others = map.identities.filter { $0.node == nil }.reduce(0) { $0 + $1.reports.count }
        let view = RegionsPageView(crumbs: listCrumbs([("按地区", "")], links: links), places: places, countiesHref: links.to("counties/"), hasOthers: others > 0, others: others)
        return try page("regions/", title: "按地区", template: "regions", view: view)
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

    func regionPage(_ n: Int) throws -> OutputFile {
        let node = map.nodes[n]
        let links = links(node.folder)
        let places = node.children.sorted { map.nodes[$0].name < map.nodes[$1].name }
            .map { PlaceView(site: self, node: $0, links: links, depth: 1) }
        let bodies = sortedBodies(node.identities).map { item($0, links: links) }
        let view = RegionPageView(name: node.name, crumbs: pageCrumbs(node: n, links: links), chain: chainText(node: n),
                                  reports: node.reportCount, places: places, hasPlaces: !places.isEmpty,
                                  bodies: bodies, hasBodies: !bodies.isEmpty,
                                  own: node.own.map { [history($0, links: links, ofPlace: true)] } ?? [])
        return try page(node.folder, title: node.name, template: "region", view: view)
    }

    func countyPage(_ n: Int) throws -> OutputFile {
        let node = map.nodes[n]
        let links = links(node.folder)
        let ids = sortedBodies(node.identities)
        var keys = Set<String>()
        for id in ids { for i in map.identities[id].reports { keys.insert(SiteContext.yearKey(documents[i].report.year)) } }
        let years = keys.sorted { a, b in (Int(a) ?? .max, a) < (Int(b) ?? .max, b) }
        let rows = ids.map { id in
            let identity = map.identities[id]
            var byYear: [String: [Int]] = [:]
            for i in identity.reports { byYear[SiteContext.yearKey(documents[i].report.year), default: []].append(i) }
            let cells = years.map { key in
                let reports = (byYear[key] ?? []).sorted { map.reportFolder[$0] < map.reportFolder[$1] }
                return GridCellView(links: reports.enumerated().map { k, i in
                    LinkView(text: k == 0 ? SiteContext.yearLabel(key) : "第 \(k + 1) 份", href: links.to(map.reportFolder[i]))
                }, missing: reports.isEmpty)
            }
            // The county's own government is this page: its row names it without a link.
            let isOwn = node.own == id
            return GridRowView(name: identity.name, href: isOwn ? "" : links.to(identity.folder), hasHref: !isOwn, cells: cells)
        }
        let view = CountyPageView(name: node.name, crumbs: pageCrumbs(node: n, links: links), chain: chainText(node: n),
                                  reports: node.reportCount, bodyCount: ids.count,
                                  years: years.map(SiteContext.yearLabel), rows: rows,
                                  own: node.own.map { [history($0, links: links, ofPlace: true)] } ?? [])
        return try page(node.folder, title: node.name, template: "county", view: view)
    }

    /// The older flat URL of a county, sent on to its region page.
    func redirectPage(_ n: Int) throws -> OutputFile {
        let node = map.nodes[n]
        let links = links(node.legacyFolder)
        let href = links.to(node.folder)
        return try page(node.legacyFolder, title: node.name, template: "redirect",
                        view: RedirectPageView(name: node.name, href: href), refresh: href)
    }
}
