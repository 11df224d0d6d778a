import Mustache

/// `search/index.html`, the results page: `assets/search.js` reads the index under `search/`
/// (`search/index.json` first; docs/search-index.md), only the files a query needs.
struct SearchPage: Page {
    static let kind = PageKind(name: "search", template: "search", inSitemap: true)
    let path = "search/index.html"
    /// Its links only: the index it loads is a file of its own.
    var summaries: [Int]? { [] }

    static func pages(in plan: SitePlan) -> [SearchPage] { [SearchPage()] }

    func frame(in plan: SitePlan) -> Listing<SearchPageView> {
        let links = plan.links("search/")
        let view = SearchPageView(indexHref: links.to("search/index.json"), rootHref: links.root,
                                  regionsHref: links.to("regions/"), yearsHref: links.to("years/"), countiesHref: links.to("counties/"))
        return Listing(title: "搜索", view: view, scripts: ["assets/search.js"])
    }
}

struct SearchPageView: TemplateView, Encodable {
    /// `search/index.json`, the index's manifest, from the search page.
    let indexHref: String
    /// The site root, to which report folders in the index are relative.
    let rootHref: String
    let regionsHref: String
    let yearsHref: String
    let countiesHref: String

    func child(named key: String) -> Any? {
        switch key {
        case "indexHref": indexHref
        case "rootHref": rootHref
        case "regionsHref": regionsHref
        case "yearsHref": yearsHref
        case "countiesHref": countiesHref
        default: nil
        }
    }
}
