import Foundation

/// What every output file was made from, written with each build to
/// `.nianbao/manifest.json` in the output folder (docs/manifest.md). Nothing reads it yet: an
/// incremental build compares a page's inputs with the last build's and draws again only
/// the pages whose inputs changed.
///
/// Hashes are written once: a report's in `reports`, a template's in `templates`, the site
/// settings' in `config`; a file's entry names them.
struct Manifest: Sendable {
    /// The manifest's own format; raised when a key changes meaning.
    static let format = 1
    /// Where it is written in the output folder. Hidden: not a page, never linked.
    static let path = ".nianbao/manifest.json"

    /// One output file's inputs.
    struct Entry: Sendable, Equatable {
        /// The page kind (`report`, `county` …; `asset`, `search-index` for files that are not pages).
        var kind: String
        /// The theme templates it is drawn with, partials included; empty for a data file.
        var templates: [String] = []
        /// Drawn with the site settings (every HTML page: title, language, links, base URL).
        var config = false
        /// Reports whose full text it is drawn from (indices into the summaries).
        var reports: [Int] = []
        /// Reports whose summary it shows.
        var summaries: [Int] = []
        /// What it depends on of every report: `summaries` (home, lists, sitemap), `reports`
        /// (the search index), or `nil`.
        var site: String?
        /// Digest of its frame: what it takes from the site plan (links, names, counts, the
        /// summaries it lists); `nil` for a file that takes nothing from it.
        var frame: String?
        /// Digest of its bytes, for a file copied as is (a theme asset).
        var data: String?
    }

    let version: String
    let config: String
    let templates: [String: String]
    let reports: [ReportSummary]
    let files: [String: Entry]

    /// The site settings that change what is drawn. The theme folder's path does not (its
    /// templates and assets are hashed one by one), nor does a relative base URL.
    static func digest(_ config: SiteConfig) -> String {
        var d = Digest()
        d.add(config.title)
        d.add(config.absoluteBase)
        d.add(config.language)
        d.add(config.linksToIndexFiles)
        d.add(DigestEncoder.digest(config.deadlines).value)
        return d.hex
    }

    /// The manifest as JSON, one report and one file per line so two builds' manifests diff
    /// line by line; keys sorted.
    var json: String {
        func line(_ key: String, _ value: JSONValue) -> String { JSONValue.string(key).serialized() + ":" + value.serialized() }
        var out = "{\n"
        out += line("format", .int(Self.format)) + ",\n"
        out += line("nianbao", .string(version)) + ",\n"
        out += line("config", .string(config)) + ",\n"
        out += line("templates", .object(templates.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })) + ",\n"
        out += "\"reports\":{\n"
        out += reports.sorted { $0.id < $1.id }.map { r in
            line(r.id, .object([("content", .string(r.content)), ("summary", .string(r.summary))]))
        }.joined(separator: ",\n")
        out += "\n},\n\"files\":{\n"
        out += files.sorted { $0.key < $1.key }.map { path, e in
            var members: [(String, JSONValue)] = [("kind", .string(e.kind))]
            if !e.templates.isEmpty { members.append(("templates", .array(e.templates.map(JSONValue.string)))) }
            if e.config { members.append(("config", .bool(true))) }
            if !e.reports.isEmpty { members.append(("reports", .array(e.reports.map { .string(reports[$0].id) }))) }
            if !e.summaries.isEmpty { members.append(("summaries", .array(e.summaries.map { .string(reports[$0].id) }))) }
            if let site = e.site { members.append(("site", .string(site))) }
            if let frame = e.frame { members.append(("frame", .string(frame))) }
            if let data = e.data { members.append(("data", .string(data))) }
            return line(path, .object(members))
        }.joined(separator: ",\n")
        out += "\n}\n}\n"
        return out
    }
}
