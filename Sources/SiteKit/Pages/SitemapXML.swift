import Foundation

/// `sitemap.xml` (sitemaps.org 0.9), as Hugo and Zola write one: every page a reader lands on
/// (`PageKind.inSitemap`: not a redirect, not a data file), at its absolute address. Made
/// only when the site's base URL is known (`--base-url` or `baseURL:` in site.yml), since a
/// sitemap must hold absolute URLs.
struct SitemapXML: Page {
    static let kind = PageKind(name: "sitemap", template: nil, inSitemap: false)
    let path = "sitemap.xml"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [SitemapXML] { plan.config.absoluteBase == nil ? [] : [SitemapXML()] }

    /// The addresses, sorted.
    func frame(in plan: SitePlan) -> [String] {
        let base = plan.config.absoluteBase ?? ""
        return plan.ordered.filter { type(of: $0).kind.inSitemap }.map { page in
            base + (page.path.hasSuffix("index.html") ? String(page.path.dropLast("index.html".count)) : page.path)
        }.sorted()
    }

    func draw(_ frame: [String], reports: [ParsedDocument]) -> Drawing {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for address in frame { xml += "  <url><loc>\(Self.escape(address))</loc></url>\n" }
        xml += "</urlset>\n"
        return .data(Data(xml.utf8))
    }

    /// The five characters the sitemaps protocol requires as entities in a `<loc>` (a base URL
    /// from site.yml may hold `&` of a query or a `'`).
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}
