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
    ///
    /// Written straight into one string, each report id quoted once and each list of
    /// templates once per kind: with a `JSONValue` tree per line it was 14 % of an edit-one
    /// rebuild at 10,000 reports (60,000 lines). The bytes are `JSONValue`'s
    /// (`ManifestTests.theJSONIsTheTreesSerialised`).
    var json: String {
        let ids = reports.map { JSONValue.quoted($0.id) }
        var out = ""
        out.reserveCapacity(files.count * 160 + reports.count * 100)
        out += "{\n\"format\":\(Self.format),\n\"nianbao\":" + JSONValue.quoted(version) + ",\n\"config\":" + JSONValue.quoted(config) + ",\n"
        out += "\"templates\":" + JSONValue.object(templates.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).serialized()
        out += ",\n\"reports\":{\n"
        for (n, i) in reports.indices.sorted(by: { reports[$0].id < reports[$1].id }).enumerated() {
            if n > 0 { out += ",\n" }
            out += ids[i] + ":{\"content\":" + JSONValue.quoted(reports[i].content) + ",\"summary\":" + JSONValue.quoted(reports[i].summary) + "}"
        }
        out += "\n},\n\"files\":{\n"
        var templateLists: [String: (names: [String], json: String)] = [:]
        func list(_ indices: [Int]) -> String { "[" + indices.map { ids[$0] }.joined(separator: ",") + "]" }
        for (n, (path, e)) in files.sorted(by: { $0.key < $1.key }).enumerated() {
            if n > 0 { out += ",\n" }
            out += JSONValue.quoted(path) + ":{\"kind\":" + JSONValue.quoted(e.kind)
            if !e.templates.isEmpty {
                let quoted: String
                if let known = templateLists[e.kind], known.names == e.templates {
                    quoted = known.json
                } else {
                    quoted = "[" + e.templates.map(JSONValue.quoted).joined(separator: ",") + "]"
                    templateLists[e.kind] = (e.templates, quoted)
                }
                out += ",\"templates\":" + quoted
            }
            if e.config { out += ",\"config\":true" }
            if !e.reports.isEmpty { out += ",\"reports\":" + list(e.reports) }
            if !e.summaries.isEmpty { out += ",\"summaries\":" + list(e.summaries) }
            if let site = e.site { out += ",\"site\":" + JSONValue.quoted(site) }
            if let frame = e.frame { out += ",\"frame\":" + JSONValue.quoted(frame) }
            if let data = e.data { out += ",\"data\":" + JSONValue.quoted(data) }
            out += "}"
        }
        out += "\n}\n}\n"
        return out
    }
}
