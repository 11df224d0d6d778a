import Mustache

/// `search/index.html`: `assets/search.js` loads `search.json` (or, from `file://`,
/// `search-index.js`) and filters it in the browser.
struct SearchPage: Page {
    static let kind = PageKind(name: "search", template: "search", inSitemap: true)
    let path = "search/index.html"
    /// Its links only: the index it loads is a file of its own.
    var summaries: [Int]? { [] }

    static func pages(in plan: SitePlan) -> [SearchPage] { [SearchPage()] }

    func frame(in plan: SitePlan) -> Listing<SearchPageView> {
        let links = plan.links("search/")
        let view = SearchPageView(indexHref: links.to("search.json"), scriptIndexHref: links.to("search-index.js"),
                                  regionsHref: links.to("regions/"), yearsHref: links.to("years/"), countiesHref: links.to("counties/"))
        return Listing(title: "搜索", view: view, scripts: ["assets/search.js"])
    }
}

struct SearchPageView: TemplateView, Encodable {
    let indexHref: String
    let scriptIndexHref: String
    let regionsHref: String
    let yearsHref: String
    let countiesHref: String

    func child(named key: String) -> Any? {
        switch key {
        case "indexHref": indexHref
        case "scriptIndexHref": scriptIndexHref
        case "regionsHref": regionsHref
        case "yearsHref": yearsHref
        case "countiesHref": countiesHref
        default: nil
        }
    }
}
