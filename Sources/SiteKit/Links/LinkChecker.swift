import Foundation

/// Checks that every internal `href`, `src` and form `action` in the generated HTML points
/// at a generated file: a folder link (`dir/`) needs `dir/index.html`. External links
/// (`http:`, `https:`, `mailto:` …) and same-page fragments (`#L84`) are not checked.
///
/// Works on the output values, so it runs in tests and, by the lead, on a real build.
public enum LinkChecker {
    /// `"<page>: <attribute>=\"<link>\" → <missing path>"` for each broken link, in path order.
    public static func brokenLinks(in files: [OutputFile]) -> [String] {
        let paths = Set(files.map(\.path))
        var broken: [String] = []
        for file in files.sorted(by: { $0.path < $1.path }) where file.path.hasSuffix(".html") {
            guard let html = String(data: file.data, encoding: .utf8) else { continue }
            for (attribute, link) in links(in: html) {
                guard let target = resolve(link, from: file.path) else { continue }
                if !paths.contains(target) {
                    broken.append("\(file.path): \(attribute)=\"\(link)\" → \(target)")
                }
            }
        }
        return broken
    }

    /// The values of `href="…"`, `src="…"` and `action="…"` attributes (double-quoted, as
    /// the theme writes them), entity `&amp;` decoded.
    static func links(in html: String) -> [(String, String)] {
        var found: [(String, String)] = []
        let bytes = Array(html.utf8)
        let names: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8), Array(" action=\"".utf8)]
        var i = 0
        while i < bytes.count {
            var matched = false
            for name in names where bytes[i] == 0x20 && i + name.count <= bytes.count {
                if bytes[i..<(i + name.count)].elementsEqual(name) {
                    let start = i + name.count
                    var end = start
                    while end < bytes.count, bytes[end] != 0x22 { end += 1 }
                    let value = String(decoding: bytes[start..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
                    let attr = String(decoding: name.dropFirst().dropLast(2), as: UTF8.self)
                    found.append((attr, value))
                    i = end
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return found
    }

    /// The site path a link from `page` leads to, `nil` for links not to check.
    static func resolve(_ link: String, from page: String) -> String? {
        if link.hasPrefix("#") { return nil }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/") { return nil }  // scheme
        if link.hasPrefix("//") { return nil }
        var target = link
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        if target.hasPrefix("/") { return nil }  // absolute paths are not written by the theme; not checkable here
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let isFolder = target.isEmpty || target.hasSuffix("/") || target.hasSuffix("/.") || target == "." || target.hasSuffix("/..") || target == ".."
        for piece in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch piece {
            case ".": continue
            case "..":
                if parts.isEmpty { return "../" + target }  // leaves the site
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        if isFolder { parts.append("index.html") }
        return parts.joined(separator: "/")
    }
}
