import Foundation

/// The site search index: `search.json`, one entry per report, and the same array as
/// `search-index.js` (`window.NIANBAO_SEARCH = […]`) for pages opened from `file://`, where
/// browsers refuse `fetch`. Written through `JSONValue`, which escapes `<`, `>` and `&`, so
/// no report text can close a script or open a tag.
///
///     {"title": "…", "body": "…", "region": ["宁夏回族自治区", …], "year": 2020,
///      "url": "ningxiahuizuzizhiqu/…/2020/", "text": "一、总体情况 …"}
///
/// `url` is relative to the site root. `text` is the plain prose, cut at `textLimit`
/// characters: enough to find a report by a phrase, small enough for 10,000 reports.
struct SearchIndex {
    let plan: SitePlan
    /// Each report's plain prose (`plainText`), in summary order: what a build keeps of the text.
    let texts: [String]
    static let textLimit = 400

    func entries() -> [JSONValue] {
        plan.summaries.indices.map { i in
            let r = plan.summaries[i]
            let identity = plan.identity(ofReport: i)
            let region = [r.region.province, r.region.city, r.region.county, r.region.town].compactMap { $0 }
            return .object([
                ("title", .string(r.title ?? "\(identity.name) \(r.year.map(String.init) ?? "")")),
                ("body", JSONValue(r.body ?? identity.name)),
                ("region", .array(region.map(JSONValue.string))),
                ("year", JSONValue(r.year)),
                ("url", .string(plan.map.reportFolder[i])),
                ("text", .string(texts[i])),
            ])
        }
    }

    func files() -> [OutputFile] {
        let json = JSONValue.array(entries()).serialized()
        return [
            OutputFile(path: "search.json", text: json + "\n"),
            OutputFile(path: "search-index.js", text: "window.NIANBAO_SEARCH = " + json + ";\n"),
        ]
    }

    /// Headings and paragraphs without markdown markers, whitespace collapsed.
    static func plainText(_ blocks: [Block], limit: Int) -> String {
        var out = ""
        var count = 0
        for block in blocks {
            let text: String
            switch block {
            case let .heading(t, _, _, _), let .paragraph(t, _): text = t
            case .table: continue
            }
            var lastSpace = out.isEmpty
            for ch in text {
                if count >= limit { return out.trimmingCharacters(in: .whitespaces) + "…" }
                if ch == "*" || ch == "#" || ch == "`" { continue }
                if ch.isWhitespace {
                    if !lastSpace { out.append(" "); count += 1; lastSpace = true }
                    continue
                }
                out.append(ch)
                count += 1
                lastSpace = false
            }
            if !lastSpace { out.append(" "); count += 1 }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
