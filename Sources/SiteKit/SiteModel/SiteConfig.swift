import Foundation

/// Site-wide settings, from `site.yml` and the command line, resolved once before any work.
public struct SiteConfig: Sendable {
    /// The portal's name, shown in every page header.
    public var title: String
    /// Prefix for absolute links, e.g. `https://example.gov.cn/nianbao/`; "/" by default.
    /// Pages link relatively, so the site also works from a folder or `file://`.
    public var baseURL: String
    /// The folder of the theme in use (`themes/default`).
    public var themeDirectory: URL
    /// The language tag of the pages.
    public var language: String
    /// Write links to folders as `dir/index.html` rather than `dir/` (default `false`): for a
    /// site opened from `file://`, where browsers do not open `index.html` by themselves.
    public var linksToIndexFiles: Bool = false
    /// The day each kind of body must publish by: the 条例's, or stricter ones from `site.yml`.
    public var deadlines = Deadlines.statutory

    /// `baseURL` when it is an absolute http(s) URL, for what must be absolute (the canonical
    /// link of each page, sitemap.xml); `nil` for the default "/", when the site's address is
    /// not known.
    public var absoluteBase: String? {
        let b = baseURL.lowercased()
        guard b.hasPrefix("https://") || b.hasPrefix("http://") else { return nil }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    public init(title: String = "政府信息公开工作年度报告", baseURL: String = "/", themeDirectory: URL, language: String = "zh-CN") {
        self.title = title
        self.baseURL = baseURL
        self.themeDirectory = themeDirectory
        self.language = language
    }
}
