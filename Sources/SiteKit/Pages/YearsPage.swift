import Mustache

/// `years/`: every year with its number of reports.
struct YearsPage: Page {
    static let kind = PageKind(name: "years", template: "years", inSitemap: true)
    let path = "years/index.html"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [YearsPage] { [YearsPage()] }

    func frame(in plan: SitePlan) -> Listing<YearsPageView> {
        let links = plan.links("years/")
        return Listing(title: "按年份", view: YearsPageView(crumbs: plan.listCrumbs([("按年份", "")], links: links), years: plan.yearCounts(links)))
    }
}

struct YearsPageView: TemplateView, Encodable {
    let crumbs: [CrumbView]
    let years: [YearCountView]

    func child(named key: String) -> Any? {
        switch key {
        case "crumbs": crumbs
        case "years": years
        default: nil
        }
    }
}
