import Foundation

/// `quality/`: every report with a problem, by county and year, each problem linking to the
/// row of the report's page it breaks (`#d3`, the note `DiagnosticPlacement` puts there), with
/// a count per county and year at the top. Drawn from the summaries alone (`CoverageFacts`).
struct QualityPage: Page {
    static let kind = PageKind(name: "quality", template: "quality", inSitemap: true)
    let path = "quality/index.html"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [QualityPage] { [QualityPage()] }

    func frame(in plan: SitePlan) -> Listing<QualityPageView> {
        let map = plan.map
        let links = plan.links("quality/")
        // County (or no county) → year key → reports.
        var groups: [Int?: [String: [Int]]] = [:]
        for i in plan.summaries.indices {
            groups[plan.identity(ofReport: i).county, default: [:]][SitePlan.yearKey(plan.summaries[i].year), default: []].append(i)
        }
        let order = groups.keys.sorted { a, b in
            switch (a, b) {
            case let (x?, y?): map.nodes[x].key < map.nodes[y].key
            case (_?, nil): true
            default: false
            }
        }
        var counties: [QualityCountyView] = []
        var totals = (reports: 0, withProblems: 0, problems: 0)
        for c in order {
            let byYear = groups[c]!
            var years: [QualityYearView] = []
            for key in byYear.keys.sorted(by: { (Int($0) ?? .min, $0) > (Int($1) ?? .min, $1) }) {
                let all = byYear[key]!
                totals.reports += all.count
                // By body, then its first report of the year before its second (`2020` < `2020（第 2 份）`).
                let broken = all.filter { plan.summaries[$0].problems > 0 }.sorted {
                    (plan.identity(ofReport: $0).name, SitePlan.folderLabel(map.reportFolder[$0]))
                        < (plan.identity(ofReport: $1).name, SitePlan.folderLabel(map.reportFolder[$1]))
                }
                totals.withProblems += broken.count
                let reports = broken.map { i in
                    let s = plan.summaries[i]
                    totals.problems += s.problems
                    let page = links.to(map.reportFolder[i])
                    let shown = s.coverage.problems.map { p in
                        QualityProblemView(text: p.message, href: page + "#" + p.anchor, isError: p.isError)
                    }
                    let more = s.problems - shown.count
                    return QualityReportView(name: plan.identity(ofReport: i).name + SitePlan.copySuffix(map.reportFolder[i]),
                                             href: page, count: s.problems, problems: shown,
                                             more: more > 0 ? "另有 \(more) 个问题，见报告页" : "", hasMore: more > 0)
                }
                years.append(QualityYearView(year: SitePlan.yearLabel(key), total: all.count, broken: broken.count,
                                             reports: reports, hasReports: !reports.isEmpty))
            }
            let name = c.map { map.nodes[$0].name } ?? "未定位到区县的单位"
            let chain = c.map { map.chain($0).dropLast().map { map.nodes[$0].name }.joined(separator: " ") } ?? ""
            counties.append(QualityCountyView(name: name, chain: chain, href: c.map { links.to(map.nodes[$0].folder) } ?? "",
                                              hasHref: c != nil, id: "c\(counties.count + 1)", years: years,
                                              hasProblems: years.contains { $0.hasReports }))
        }
        let summary = "共 \(totals.reports) 份报告，其中 \(totals.withProblems) 份发现问题，合计 \(totals.problems) 个。"
        let view = QualityPageView(crumbs: plan.listCrumbs([("数据质量", "")], links: links), summary: summary, counties: counties,
                                   timelinessHref: links.to("timeliness/"))
        return Listing(title: "数据质量", view: view)
    }
}

struct QualityPageView: TemplateView, Encodable {
    let crumbs: [CrumbView]
    let summary: String
    let counties: [QualityCountyView]
    let timelinessHref: String

    func child(named key: String) -> Any? {
        switch key {
        case "crumbs": crumbs
        case "summary": summary
        case "counties": counties
        case "timelinessHref": timelinessHref
        default: nil
        }
    }
}

struct QualityCountyView: TemplateView, Encodable {
    let name: String
    /// The province and city above it.
    let chain: String
    let href: String
    let hasHref: Bool
    /// The id of its heading (`c1`), for the table of contents.
    let id: String
    let years: [QualityYearView]
    /// Some report of the county has a problem: only those counties are detailed below the table.
    let hasProblems: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "chain": chain
        case "href": href
        case "hasHref": hasHref
        case "id": id
        case "years": years
        case "hasProblems": hasProblems
        default: nil
        }
    }
}

struct QualityYearView: TemplateView, Encodable {
    let year: String
    let total: Int
    let broken: Int
    let reports: [QualityReportView]
    let hasReports: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "year": year
        case "total": total
        case "broken": broken
        case "reports": reports
        case "hasReports": hasReports
        default: nil
        }
    }
}

struct QualityReportView: TemplateView, Encodable {
    let name: String
    let href: String
    let count: Int
    let problems: [QualityProblemView]
    let more: String
    let hasMore: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "count": count
        case "problems": problems
        case "more": more
        case "hasMore": hasMore
        default: nil
        }
    }
}

struct QualityProblemView: TemplateView, Encodable {
    let text: String
    /// The report page's note for it (`…/2020/#d3`).
    let href: String
    let isError: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "href": href
        case "isError": isError
        default: nil
        }
    }
}
