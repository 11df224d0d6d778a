import Foundation
import Mustache

/// A county's page, at its region path: who in the county published a report each year and
/// when — its government, its departments, and every town and street of the division data,
/// 缺 where a report is missing and 逾期 where it came out after its deadline
/// (docs/timeliness.md) — then its towns side by side for the latest year, and the county
/// government's own reports.
struct CountyPage: Page {
    static let kind = PageKind(name: "county", template: "county", inSitemap: true)
    let node: Int
    let path: String
    let summaries: [Int]?

    static func pages(in plan: SitePlan) -> [CountyPage] {
        plan.map.counties.map { CountyPage(node: $0, path: plan.map.nodes[$0].folder + "index.html", summaries: plan.reports(under: $0)) }
    }

    func frame(in plan: SitePlan) -> Listing<CountyPageView> {
        let map = plan.map
        let node = map.nodes[self.node]
        let links = plan.links(node.folder)
        let coverage = plan.coverage(county: self.node)
        let rows = coverage.rows.map { row in
            let cells = row.cells.enumerated().map { k, reports in
                GridCellView(links: reports.enumerated().map { n, i in
                    let status = plan.timeliness(ofReport: i)
                    // An undated report says so once, as its link's text.
                    let published = plan.summaries[i].coverage.published
                    let date = published ?? status.label
                    let shown = published == nil ? "" : status.label
                    let label = "\(SitePlan.yearLabel(coverage.years[k]))年度报告，\(date)" + (shown.isEmpty ? "" : "，" + shown)
                    return GridReportView(text: (n == 0 ? "" : "第 \(n + 1) 份 ") + date, href: links.to(map.reportFolder[i]),
                                          status: shown, hasStatus: !shown.isEmpty, late: status.isLate, label: label)
                }, missing: reports.isEmpty, late: reports.contains { plan.timeliness(ofReport: $0).isLate })
            }
            // The county's own government is this page: its row names it without a link.
            let href = row.identity.flatMap { $0 == node.own ? nil : links.to(map.identities[$0].folder) } ?? ""
            return GridRowView(name: row.name, href: href, hasHref: !href.isEmpty, kind: row.kind.label, cells: cells)
        }
        let counts = plan.counts(coverage)
        let towns = SitePlan.towns(ofCounty: node.code).count
        var summary = "\(coverage.rows.count) 个单位（其中乡镇、街道 \(towns) 个，据国家统计局 2023 年区划代码），\(counts.reports) 份报告，"
        summary += "\(counts.missing) 处缺报告，\(counts.late) 份逾期发布。"
        let compare = plan.townComparisons(coverage, links: links)
        let view = CountyPageView(name: node.name, crumbs: plan.pageCrumbs(node: self.node, links: links),
                                  chain: plan.chainText(node: self.node), summary: summary,
                                  years: coverage.years.map(SitePlan.yearLabel), rows: rows,
                                  compare: compare, hasCompare: !compare.isEmpty,
                                  timelinessHref: links.to("timeliness/"),
                                  own: node.own.map { [plan.history($0, links: links, ofPlace: true)] } ?? [])
        return Listing(title: node.name, view: view, scripts: view.compare.isEmpty ? [] : ["assets/sort.js"])
    }
}

struct CountyPageView: TemplateView, Encodable {
    let name: String
    let crumbs: [CrumbView]
    let chain: String
    /// Bodies, reports, gaps and late reports in one sentence.
    let summary: String
    let years: [String]
    let rows: [GridRowView]
    /// The towns side by side, one table per year a town reported, newest first.
    let compare: [ComparisonView]
    let hasCompare: Bool
    let timelinessHref: String
    /// Zero or one: the county's own government, whose page this is too.
    let own: [BodyHistoryView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "crumbs": crumbs
        case "chain": chain
        case "summary": summary
        case "years": years
        case "rows": rows
        case "compare": compare
        case "hasCompare": hasCompare
        case "timelinessHref": timelinessHref
        case "own": own
        default: nil
        }
    }
}

struct GridRowView: TemplateView, Encodable {
    let name: String
    let href: String
    let hasHref: Bool
    /// The kind of body, as its deadline depends on it (`乡镇（街道）`).
    let kind: String
    let cells: [GridCellView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "hasHref": hasHref
        case "kind": kind
        case "cells": cells
        default: nil
        }
    }
}

/// One body × one year: its report(s), or `missing` (drawn 缺, read 无报告).
struct GridCellView: TemplateView, Encodable {
    let links: [GridReportView]
    let missing: Bool
    /// A report of the cell came out after its deadline.
    let late: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "links": links
        case "missing": missing
        case "late": late
        default: nil
        }
    }
}

/// One report in the grid: its date, linking to it, and whether it came out in time.
struct GridReportView: TemplateView, Encodable {
    let text: String
    let href: String
    /// 按时 / 逾期 12 天 / 未注明日期 / 日期存疑.
    let status: String
    let hasStatus: Bool
    let late: Bool
    /// The whole cell in words, for a screen reader.
    let label: String

    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "href": href
        case "status": status
        case "hasStatus": hasStatus
        case "late": late
        case "label": label
        default: nil
        }
    }
}
