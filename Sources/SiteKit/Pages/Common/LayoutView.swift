import Mustache

/// What every page shows around its content (`layout.mustache`). Made only by
/// `SiteRenderer.draw`, the one place a page is wrapped in the layout.
struct LayoutView: TemplateView {
    let lang: String
    let siteTitle: String
    let pageTitle: String
    let root: String
    let homeHref: String
    let regionsHref: String
    let yearsHref: String
    let countiesHref: String
    let dataHref: String
    let searchHref: String
    let content: String
    let scripts: [ScriptView]
    /// A page that has moved: the browser goes on to `refresh` at once.
    let refresh: String
    let hasRefresh: Bool
    /// The page's absolute address when the site's base URL is known (`--base-url`).
    let canonical: String
    let hasCanonical: Bool
    /// One line about the page (`<meta name="description">`, Open Graph).
    let description: String
    /// The same content as data (report.json, reports.csv, feed.xml beside the page).
    var alternates: [AlternateView] = []

    /// The layout of the page at `path` (`…/2020/source.html`): links relative to its folder,
    /// its canonical address the base URL followed by its path (a folder for an `index.html`).
    init(config: SiteConfig, path: String, pageTitle: String, content: String, scripts: [String], refresh: String,
         head: PageHead? = nil) {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let links = PageLinks(folder: folder, indexFiles: config.linksToIndexFiles)
        lang = config.language
        siteTitle = config.title
        self.pageTitle = pageTitle
        root = links.root
        homeHref = links.to("")
        regionsHref = links.to("regions/")
        yearsHref = links.to("years/")
        countiesHref = links.to("counties/")
        dataHref = links.to(DataPage.folder)
        // The form always targets the file, so searching also works from file://.
        searchHref = links.root + "search/index.html"
        self.content = content
        self.scripts = scripts.map { ScriptView(src: links.to($0)) }
        self.refresh = refresh
        hasRefresh = !refresh.isEmpty
        let address = path == "index.html" || path.hasSuffix("/index.html") ? folder : path
        canonical = config.absoluteBase.map { $0 + address } ?? ""
        hasCanonical = config.absoluteBase != nil
        description = head?.description ?? "\(pageTitle)：\(config.title)，各级政府信息公开工作年度报告的原文、统计表与勾稽核对。"
    }

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "pageTitle": pageTitle
        case "root": root
        case "homeHref": homeHref
        case "regionsHref": regionsHref
        case "yearsHref": yearsHref
        case "countiesHref": countiesHref
        case "dataHref": dataHref
        case "searchHref": searchHref
        case "content": content
        case "scripts": scripts
        case "refresh": refresh
        case "hasRefresh": hasRefresh
        case "canonical": canonical
        case "hasCanonical": hasCanonical
        case "description": description
        case "alternates": alternates
        default: nil
        }
    }
}

struct ScriptView: TemplateView {
    let src: String

    func child(named name: String) -> Any? { name == "src" ? src : nil }
}

/// What a page's view tells the layout's `<head>` beyond its title: a view that conforms
/// gives its own description (a report's page: its figures). Its data links are
/// `SitePlan.alternates(of:)`.
protocol PageHead {
    var description: String { get }
}
