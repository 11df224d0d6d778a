/// Relative links between pages. Every page links relatively (`../../`), so the site works
/// from any folder, on any host and from `file://`. A folder target ends in `/`; with
/// `SiteConfig.linksToIndexFiles` it is written `…/index.html` instead (for `file://`, where
/// a browser does not open `index.html` by itself).
struct PageLinks: Sendable {
    /// The folder of the page, relative to the site root (`a/b/2020/`, or "" for the root).
    let folder: String
    let indexFiles: Bool

    var root: String { String(repeating: "../", count: folder.split(separator: "/").count) }

    /// A link to a site path: a folder (`years/2020/`, "" for the root) or a file
    /// (`search/index.json`), written as the shortest relative path (`2020/` from its body's page,
    /// `../../counties/x/` from a year page).
    func to(_ target: String) -> String {
        let isFolder = target.isEmpty || target.hasSuffix("/")
        let from = folder.split(separator: "/")
        var to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - (isFolder ? 0 : 1), from[common] == to[common] { common += 1 }
        to.removeFirst(common)
        var path = String(repeating: "../", count: from.count - common) + to.joined(separator: "/")
        if isFolder && !to.isEmpty { path += "/" }
        if isFolder && indexFiles { return path + "index.html" }
        return path.isEmpty ? "./" : path
    }
}

/// What every page shows around its content (`layout.mustache`).
struct LayoutView {
    let lang: String
    let siteTitle: String
    let pageTitle: String
    let root: String
    let homeHref: String
    let regionsHref: String
    let yearsHref: String
    let countiesHref: String
    let searchHref: String
    let content: String
    let scripts: [ScriptView]
    /// A page that has moved: the browser goes on to `refresh` at once.
    let refresh: String
    let hasRefresh: Bool
    /// The page's absolute address when the site's base URL is known (`--base-url`).
    let canonical: String
    let hasCanonical: Bool

    init(config: SiteConfig, links: PageLinks, pageTitle: String, content: String, scripts: [String] = [], refresh: String = "", folder: String = "") {
        lang = config.language
        siteTitle = config.title
        self.pageTitle = pageTitle
        root = links.root
        homeHref = links.to("")
        regionsHref = links.to("regions/")
        yearsHref = links.to("years/")
        countiesHref = links.to("counties/")
        // The form always targets the file, so searching also works from file://.
        searchHref = links.root + "search/index.html"
        self.content = content
        self.scripts = scripts.map { ScriptView(src: links.to($0)) }
        self.refresh = refresh
        hasRefresh = !refresh.isEmpty
        canonical = config.absoluteBase.map { $0 + folder } ?? ""
        hasCanonical = config.absoluteBase != nil
    }
}

struct ScriptView { let src: String }

/// A step in a breadcrumb: a link where the place has a page, plain text where it has
/// none, and `current` (not a link) for the page itself.
struct CrumbView {
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
}
