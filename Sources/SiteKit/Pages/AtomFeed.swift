import Foundation

/// An Atom feed (RFC 4287) of the newest reports: the portal's (`feed.xml`) and each county's
/// (`<county>/feed.xml`), newest publication date first, drawn from the summaries alone.
///
/// A report's date is the one under its signature; a report that prints none is dated
/// 1 January of the year after the one it covers (the earliest it can have appeared), and its
/// summary says the date is not known. Addresses are absolute when the base URL is known;
/// otherwise links are relative to the feed (RFC 4287 allows it) and each entry's id is a
/// `urn:uuid:` made from its page's folder, stable across builds.
struct AtomFeed: Page {
    static let kind = PageKind(name: "feed", template: nil, inSitemap: false)
    static let name = "feed.xml"
    /// The most entries a feed holds: readers want what is new, not the archive.
    static let limit = 100
    let path: String
    let title: String
    let summaries: [Int]?
    /// Its entries show a report's title, body, year, date and problems, and where it sits:
    /// no figure (`ReportSummary.labels` covers them all), so an edited number leaves the
    /// feeds their frames.
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [AtomFeed] {
        [AtomFeed(path: name, title: plan.config.title, summaries: nil)] + plan.map.counties.map { c in
            AtomFeed(path: plan.map.nodes[c].folder + name, title: plan.map.nodes[c].name + " · " + plan.config.title,
                     summaries: plan.reports(under: c))
        }
    }

    struct Frame: Encodable, Sendable {
        struct Entry: Encodable, Sendable {
            let id, title, href, updated, summary: String
        }
        let id, title, href, updated: String
        /// The feed's own absolute address, "" when the base URL is not known.
        let selfHref: String
        let entries: [Entry]
    }

    func frame(in plan: SitePlan) -> Frame {
        let links = plan.links(folder)
        let base = plan.config.absoluteBase
        func href(_ target: String) -> String { base.map { $0 + target } ?? links.to(target) }
        func id(_ target: String) -> String { base.map { $0 + target } ?? Self.uuid(target) }
        // The date under the signature, as the open data's row has it (`DataRow`), read from
        // the coverage facts: `labels` digests those, not the row.
        let entries = (summaries ?? Array(plan.summaries.indices)).map { i -> (date: String, known: Bool, i: Int) in
            let s = plan.summaries[i]
            let date = s.coverage.published ?? ""
            return date.isEmpty ? (s.year.map { "\($0 + 1)-01-01" } ?? "1970-01-01", false, i) : (date, true, i)
        }.sorted { ($0.date, plan.map.reportFolder[$1.i]) > ($1.date, plan.map.reportFolder[$0.i]) }.prefix(Self.limit).map { e in
            let s = plan.summaries[e.i]
            let folder = plan.map.reportFolder[e.i]
            let name = plan.identity(ofReport: e.i).name
            let year = s.year.map { "\($0) 年度" } ?? "年度不明"
            let about = [name, year, e.known ? "发布于 " + e.date : "发布日期不详", s.problems > 0 ? "发现 \(s.problems) 处问题" : nil]
            return Frame.Entry(id: id(folder), title: s.title ?? "\(name) \(year)政府信息公开工作年度报告", href: href(folder),
                               updated: e.date + "T00:00:00Z", summary: about.compactMap { $0 }.joined(separator: "，"))
        }
        return Frame(id: id(path), title: title, href: href(folder), updated: entries.first?.updated ?? "1970-01-01T00:00:00Z",
                     selfHref: base.map { $0 + path } ?? "", entries: Array(entries))
    }

    func draw(_ frame: Frame, reports: [ParsedDocument]) -> Drawing {
        let e = SitemapXML.escape
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n"
        xml += "  <id>\(e(frame.id))</id>\n  <title>\(e(frame.title))</title>\n  <updated>\(frame.updated)</updated>\n"
        if !frame.selfHref.isEmpty { xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(e(frame.selfHref))\"/>\n" }
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(e(frame.href))\"/>\n"
        xml += "  <author><name>\(e(frame.title))</name></author>\n"
        for entry in frame.entries {
            xml += "  <entry>\n    <id>\(e(entry.id))</id>\n    <title>\(e(entry.title))</title>\n    <updated>\(entry.updated)</updated>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(e(entry.href))\"/>\n"
            xml += "    <summary>\(e(entry.summary))</summary>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return .data(Data(xml.utf8))
    }

    /// A stable `urn:uuid:` for a site path (two digests of it, as a version-4-shaped UUID).
    static func uuid(_ target: String) -> String {
        var a = Digest(), b = Digest()
        a.add("atom:" + target)
        b.add(a.hex + target)
        let h = Array(a.hex + b.hex)
        func part(_ r: Range<Int>) -> String { String(h[r]) }
        return "urn:uuid:\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-8\(part(17..<20))-\(part(20..<32))"
    }
}
