import Mustache

/// `<link rel="alternate">` in a page's head: the same content as data, for readers and
/// crawlers that want the numbers or the news rather than the page.
struct AlternateView: TemplateView, Encodable {
    let type: String
    let href: String
    let title: String

    func child(named key: String) -> Any? {
        switch key {
        case "type": type
        case "href": href
        case "title": title
        default: nil
        }
    }
}

extension SitePlan {
    /// The data files beside a folder's page (`…/index.html`): a report's report.json, a year's
    /// or a county's reports.csv, the portal's or a county's feed.xml. Which exist follows from
    /// the page's kind, so the page's inputs (its frame) need not list them.
    static let alternateFiles: [(name: String, type: String, title: String)] = [
        ("report.json", "application/json", "本报告的数据（JSON）"),
        (DataCSV.name, "text/csv", "本页报告的数据（CSV）"),
        (AtomFeed.name, "application/atom+xml", "新发布的报告（Atom）"),
    ]

    func alternates(of path: String) -> [AlternateView] {
        guard path == "index.html" || path.hasSuffix("/index.html") else { return [] }
        let folder = String(path.dropLast("index.html".count))
        return Self.alternateFiles.filter { page(folder + $0.name) != nil }.map { file in
            AlternateView(type: file.type, href: file.name, title: file.title)
        }
    }
}
