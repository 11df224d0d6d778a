import Foundation

/// `sitemap.xml` (sitemaps.org 0.9), as Hugo and Zola write one: every page of the site at
/// its absolute address. Written only when the site's base URL is known (`--base-url` or
/// `baseURL:` in site.yml), since a sitemap must hold absolute URLs. Pages that only
/// redirect elsewhere are left out.
public enum Sitemap {
    public static func file(for files: [OutputFile], base: String) -> OutputFile {
        let redirect = Data("http-equiv=\"refresh\"".utf8)
        let pages = files
            .filter { $0.path.hasSuffix("index.html") && $0.data.range(of: redirect) == nil }
            .map { String($0.path.dropLast("index.html".count)) }
            .sorted()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages { xml += "  <url><loc>\(escape(base + page))</loc></url>\n" }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
