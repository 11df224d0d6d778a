import Mustache

/// The older flat URL of a county (`counties/<county>/`), sent on to its region page: a
/// `<meta http-equiv="refresh">` and a link. Not listed in sitemap.xml.
struct RedirectPage: Page {
    static let kind = PageKind(name: "redirect", template: "redirect", inSitemap: false)
    let node: Int
    let path: String
    /// Its county's name and folder, which no report it lists carries (the older folder is
    /// its path).
    func mapInputs(in plan: SitePlan) -> UInt64? {
        let node = plan.map.nodes[self.node]
        var d = Digest()
        d.add(node.name)
        d.add(node.folder)
        d.add(node.legacyFolder)
        return d.value
    }

    static func pages(in plan: SitePlan) -> [RedirectPage] {
        plan.map.counties.map { RedirectPage(node: $0, path: plan.map.nodes[$0].legacyFolder + "index.html") }
    }

    func frame(in plan: SitePlan) -> Listing<RedirectPageView> {
        let node = plan.map.nodes[self.node]
        let href = plan.links(node.legacyFolder).to(node.folder)
        return Listing(title: node.name, view: RedirectPageView(name: node.name, href: href), refresh: href)
    }
}

struct RedirectPageView: TemplateView, Encodable {
    let name: String
    let href: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        default: nil
        }
    }
}
