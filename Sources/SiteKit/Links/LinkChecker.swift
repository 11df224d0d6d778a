import Foundation

/// Checks that every internal `href`, `src` and form `action` in the generated HTML points
/// at a generated file — a folder link (`dir/`) needs `dir/index.html` — and that a fragment
/// (`source.html#L84`, `#d1`) names an `id` in the page it leads to. External links
/// (`http:`, `https:`, `mailto:` …) are not checked.
///
/// Works on the output values, so it runs in tests and, by the lead, on a real build.
public enum LinkChecker {
    /// `"<page>: <attribute>=\"<link>\" → <missing path>"` for each broken link (or
    /// `→ <path>#<fragment>` for a missing id), in path order.
    public static func brokenLinks(in files: [OutputFile]) -> [String] {
        let paths = Set(files.map(\.path))
        let pages = Dictionary(files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        var idCache: [String: Set<String>] = [:]
        func ids(_ path: String) -> Set<String>? {
            if let known = idCache[path] { return known }
            guard let data = pages[path] else { return nil }
            let found = Set(values(of: " id=\"", in: data))
            idCache[path] = found
            return found
        }
        var broken: [String] = []
        for file in files.sorted(by: { $0.path < $1.path }) where file.path.hasSuffix(".html") {
            var checked: Set<String> = []  // a page repeats its links (every number links to source.html#L…)
            for (attribute, link) in links(in: file.data) where checked.insert(link).inserted {
                guard let target = link.hasPrefix("#") ? file.path : resolve(link, from: file.path) else { continue }
                if !paths.contains(target) {
                    broken.append("\(file.path): \(attribute)=\"\(link)\" → \(target)")
                } else if let hash = link.firstIndex(of: "#") {
                    let fragment = String(link[link.index(after: hash)...])
                    if !fragment.isEmpty, let known = ids(target), !known.contains(fragment) {
                        broken.append("\(file.path): \(attribute)=\"\(link)\" → \(target)#\(fragment)")
                    }
                }
                // Pages other than HTML (search/index.json) have no ids to check.
            }
            idCache.removeAll(keepingCapacity: true)  // pages link to themselves and their neighbours; keep memory flat
        }
        return broken
    }

    /// Every double-quoted value following `prefix` (e.g. ` id="`).
    static func values(of prefix: String, in data: Data) -> [String] {
        let needle = Array(prefix.utf8)
        var found: [String] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count, m = needle.count
            var i = 0
            while i + m <= n {
                if b[i] == needle[0] {
                    var k = 1
                    while k < m, b[i + k] == needle[k] { k += 1 }
                    if k == m {
                        var end = i + m
                        while end < n, b[end] != 0x22 { end += 1 }
                        found.append(String(decoding: UnsafeBufferPointer(rebasing: b[(i + m)..<end]), as: UTF8.self))
                        i = end
                        continue
                    }
                }
                i += 1
            }
        }
        return found
    }

    /// The values of ` href="…"`, ` src="…"` and ` action="…"` (double-quoted, as the theme
    /// writes them), `&amp;` decoded. Scans bytes for `="` and looks back for the name.
    static func links(in data: Data) -> [(String, String)] {
        var found: [(String, String)] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count
            var i = 1
            while i + 1 < n {
                guard b[i] == 0x3D, b[i + 1] == 0x22 else { i += 1; continue }  // ="
                let attribute: String
                if i >= 5, b[i - 5] == 0x20, b[i - 4] == 0x68, b[i - 3] == 0x72, b[i - 2] == 0x65, b[i - 1] == 0x66 {
                    attribute = "href"
                } else if i >= 4, b[i - 4] == 0x20, b[i - 3] == 0x73, b[i - 2] == 0x72, b[i - 1] == 0x63 {
                    attribute = "src"
                } else if i >= 7, b[i - 7] == 0x20, b[i - 6] == 0x61, b[i - 5] == 0x63, b[i - 4] == 0x74,
                          b[i - 3] == 0x69, b[i - 2] == 0x6F, b[i - 1] == 0x6E {
                    attribute = "action"
                } else {
                    i += 2
                    continue
                }
                let start = i + 2
                var end = start
                while end < n, b[end] != 0x22 { end += 1 }
                var value = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
                if value.contains("&amp;") { value = value.replacingOccurrences(of: "&amp;", with: "&") }
                found.append((attribute, value))
                i = end + 1
            }
        }
        return found
    }

    /// The site path a link from `page` leads to, `nil` for links not to check.
    static func resolve(_ link: String, from page: String) -> String? {
        if link.hasPrefix("#") || link.hasPrefix("//") { return nil }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/") { return nil }  // has a scheme
        var target = link
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        if target.hasPrefix("/") { return nil }  // the theme never writes absolute paths; not checkable here
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let last = target.split(separator: "/").last
        let isFolder = target.isEmpty || target.hasSuffix("/") || last == "." || last == ".."
        for piece in target.split(separator: "/") {
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
