import Foundation

/// The digest of each template of a theme, and which templates each one draws with: itself
/// and the partials it includes, followed through. A page's manifest entry names exactly
/// the templates it is drawn with, so editing `table.mustache` redraws the report pages and
/// no listing page.
///
/// Reads the theme folder's `*.mustache` files itself (`Theme` keeps only the parsed
/// templates). A template whose includes cannot be read off its text — one that changes the
/// delimiters (`{{=`) or names a partial dynamically (`{{>*`) — is taken to use every template.
struct TemplateDigests: Sendable {
    /// Template name (`report`) → digest of its text.
    let digests: [String: String]
    /// Template name → the names it includes directly.
    let includes: [String: Set<String>]

    init(directory: URL) {
        var digests: [String: String] = [:]
        var texts: [String: String] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in names where file.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) else { continue }
            let name = String(file.dropLast(".mustache".count))
            digests[name] = Digest.hex(of: data)
            texts[name] = String(decoding: data, as: UTF8.self)
        }
        self.init(texts: texts, digests: digests)
    }

    /// Template name → `closure(["layout", name])`: what a page drawn with it is drawn with,
    /// followed through once here rather than for every page planned.
    private let pages: [String: [String]]

    init(texts: [String: String], digests: [String: String]? = nil) {
        self.digests = digests ?? texts.mapValues { Digest.hex(of: Data($0.utf8)) }
        let all = Set(texts.keys)
        let includes = texts.mapValues { Self.partials(in: $0) ?? all }
        self.includes = includes
        pages = Dictionary(uniqueKeysWithValues: texts.keys.map { ($0, Self.closure(["layout", $0], includes: includes)) })
    }

    /// The templates a page of this template is drawn with: its own, the layout's, and the
    /// partials they include (`closure`).
    func drawing(_ template: String) -> [String] {
        pages[template] ?? closure(["layout", template])
    }

    /// The partials a template names (`{{> crumbs}}`, `{{<base}}`), or `nil` when its text
    /// cannot tell.
    static func partials(in text: String) -> Set<String>? {
        var found = Set<String>()
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let tag = rest.drop { $0 == " " }
            guard let sigil = tag.first else { break }
            if sigil == "=" { return nil }
            guard sigil == ">" || sigil == "<" else { continue }
            let name = tag.dropFirst().drop { $0 == " " }
            if name.first == "*" { return nil }
            guard let close = name.range(of: "}}") else { return nil }
            found.insert(name[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
        }
        return found
    }

    /// `names` and every template they include, sorted.
    func closure(_ names: [String]) -> [String] { Self.closure(names, includes: includes) }

    private static func closure(_ names: [String], includes: [String: Set<String>]) -> [String] {
        var seen = Set<String>()
        var stack = names
        while let name = stack.popLast() {
            guard seen.insert(name).inserted else { continue }
            stack += includes[name] ?? []
        }
        return seen.sorted()
    }
}
