import Mustache

/// A body's page: where it sits, its reports by year and the headline figures side by side.
/// A province's, city's or county's own government has none: its place's page stands for it.
struct BodyPage: Page {
    static let kind = PageKind(name: "body", template: "body", inSitemap: true)
    let identity: Int
    let path: String
    let summaries: [Int]?

    static func pages(in plan: SitePlan) -> [BodyPage] {
        let ownOfNode = Set(plan.map.nodes.compactMap(\.own))
        return plan.map.identities.indices.filter { !ownOfNode.contains($0) }.map {
            BodyPage(identity: $0, path: plan.map.identities[$0].folder + "index.html", summaries: plan.map.identities[$0].reports)
        }
    }

    func frame(in plan: SitePlan) -> Listing<BodyPageView> {
        let identity = plan.map.identities[self.identity]
        let links = plan.links(identity.folder)
        var crumbs = plan.breadcrumb(identity: identity, links: links)
        if let last = crumbs.indices.last { crumbs[last] = CrumbView(name: crumbs[last].name, href: "", current: true) }
        let chain = SitePlan.chainText(identity.region)
        return Listing(title: identity.name, view: BodyPageView(name: identity.name, crumbs: crumbs, chain: chain, hasChain: !chain.isEmpty,
                                                                history: plan.history(self.identity, links: links)))
    }
}

struct BodyPageView: TemplateView, Encodable {
    let name: String
    let crumbs: [CrumbView]
    /// Where it sits and its division code: `宁夏回族自治区 › 银川市 › 兴庆区 › 掌政镇（640104100000）`.
    let chain: String
    let hasChain: Bool
    let history: BodyHistoryView

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "crumbs": crumbs
        case "chain": chain
        case "hasChain": hasChain
        case "history": history
        default: nil
        }
    }
}
