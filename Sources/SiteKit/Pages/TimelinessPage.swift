import Foundation

/// `timeliness/`: the deadlines the portal applies and why, every county's coverage and
/// timeliness by year, and every report published after its deadline. Drawn from the
/// summaries and the division data alone (`Coverage`).
struct TimelinessPage: Page {
    static let kind = PageKind(name: "timeliness", template: "timeliness", inSitemap: true)
    let path = "timeliness/index.html"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [TimelinessPage] { [TimelinessPage()] }

    func frame(in plan: SitePlan) -> Listing<TimelinessPageView> {
        let map = plan.map
        let links = plan.links("timeliness/")
        let d = plan.config.deadlines
        let rules = BodyKind.allCases.map { kind in
            let statutory = Deadlines.statutory[kind]
            let basis = switch kind {
            case .department: "《政府信息公开条例》第四十九条第一款"
            case .government: "《政府信息公开条例》第四十九条第二款"
            case .town: "条例未规定乡镇、街道的时限，本站按条例为任何机关规定的最晚日期计"
            }
            let local = d[kind] == statutory ? "" : "；本站按地方更严的规定，提前到 \(d[kind])"
            return RuleView(kind: kind.label, due: "次年 \(statutory)" + local, basis: basis)
        }
        var rows: [TimelinessRowView] = []
        var late: [LateReportView] = []
        let counties = map.counties.sorted { map.nodes[$0].key < map.nodes[$1].key }
        for c in counties {
            let coverage = plan.coverage(county: c)
            let node = map.nodes[c]
            let parents = map.chain(c).dropLast().map { map.nodes[$0].name }.joined(separator: " ")
            for year in coverage.years.reversed() {
                let n = plan.counts(coverage, year: year)
                rows.append(TimelinessRowView(county: node.name, parents: parents, href: links.to(node.folder),
                                              year: SitePlan.yearLabel(year),
                                              reports: n.reports, onTime: n.onTime, late: n.late, undated: n.undated + n.doubtful,
                                              missing: n.missing))
            }
        }
        for i in plan.summaries.indices {
            guard case let .late(due, days) = plan.timeliness(ofReport: i) else { continue }
            let identity = plan.identity(ofReport: i)
            let county = identity.county.map { map.nodes[$0].name } ?? "—"
            late.append(LateReportView(county: county, name: identity.name, href: links.to(map.reportFolder[i]),
                                       year: SitePlan.yearLabel(SitePlan.yearKey(plan.summaries[i].year)),
                                       published: plan.summaries[i].coverage.published ?? "", due: due.description, days: days))
        }
        late.sort { ($0.county, $0.year, $0.name) < ($1.county, $1.year, $1.name) }
        let view = TimelinessPageView(crumbs: plan.listCrumbs([("发布及时性", "")], links: links), rules: rules,
                                      rows: rows, hasRows: !rows.isEmpty, late: late, hasLate: !late.isEmpty, lateCount: late.count,
                                      qualityHref: links.to("quality/"))
        return Listing(title: "发布及时性", view: view)
    }
}

struct TimelinessPageView: TemplateView, Encodable {
    let crumbs: [CrumbView]
    let rules: [RuleView]
    let rows: [TimelinessRowView]
    let hasRows: Bool
    let late: [LateReportView]
    let hasLate: Bool
    let lateCount: Int
    let qualityHref: String

    func child(named key: String) -> Any? {
        switch key {
        case "crumbs": crumbs
        case "rules": rules
        case "rows": rows
        case "hasRows": hasRows
        case "late": late
        case "hasLate": hasLate
        case "lateCount": lateCount
        case "qualityHref": qualityHref
        default: nil
        }
    }
}

/// One kind of body and the day it must publish by.
struct RuleView: TemplateView, Encodable {
    let kind: String
    let due: String
    let basis: String

    func child(named key: String) -> Any? {
        switch key {
        case "kind": kind
        case "due": due
        case "basis": basis
        default: nil
        }
    }
}

/// One county in one year: what was due and what came.
struct TimelinessRowView: TemplateView, Encodable {
    let county: String
    /// The province and city above it (two counties may share a name).
    let parents: String
    let href: String
    let year: String
    let reports: Int
    let onTime: Int
    let late: Int
    /// No date, or a date that cannot be right.
    let undated: Int
    let missing: Int

    func child(named key: String) -> Any? {
        switch key {
        case "county": county
        case "parents": parents
        case "href": href
        case "year": year
        case "reports": reports
        case "onTime": onTime
        case "late": late
        case "undated": undated
        case "missing": missing
        default: nil
        }
    }
}

struct LateReportView: TemplateView, Encodable {
    let county: String
    let name: String
    let href: String
    let year: String
    let published: String
    let due: String
    let days: Int

    func child(named key: String) -> Any? {
        switch key {
        case "county": county
        case "name": name
        case "href": href
        case "year": year
        case "published": published
        case "due": due
        case "days": days
        default: nil
        }
    }
}
