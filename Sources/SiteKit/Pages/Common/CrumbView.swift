import Mustache

/// A step in a breadcrumb: a link where the place has a page, plain text where it has
/// none, and `current` (not a link) for the page itself.
struct CrumbView: TemplateView, Encodable {
    let name: String
    let href: String
    let hasHref: Bool
    let current: Bool

    init(name: String, href: String, current: Bool = false) {
        self.name = name
        self.href = current ? "" : href
        hasHref = !current && !href.isEmpty
        self.current = current
    }

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "hasHref": hasHref
        case "current": current
        default: nil
        }
    }
}

extension SitePlan {
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

    /// The crumbs of a place's own page: the place itself is the current step.
    func pageCrumbs(node n: Int, links: PageLinks) -> [CrumbView] {
        var crumbs = crumbs(node: n, links: links)
        crumbs[crumbs.count - 1] = CrumbView(name: map.nodes[n].name, href: "", current: true)
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

    /// The chain of a place with the code of its own level: `宁夏回族自治区 › 银川市（640100000000）`.
    func chainText(node n: Int) -> String {
        let names = map.chain(n).map { map.nodes[$0].name }.joined(separator: " › ")
        return names + (map.nodes[n].code.map { "（\($0)）" } ?? "")
    }
}
