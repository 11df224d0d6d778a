import Mustache

/// A county's page, at its region path: every body of the county (its government, its
/// departments, its towns and their bodies) by every year any of them has a report for, 缺
/// where a report is missing, and the county government's own reports.
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
        let ids = plan.sortedBodies(node.identities)
        var keys = Set<String>()
        for id in ids { for i in map.identities[id].reports { keys.insert(SitePlan.yearKey(plan.summaries[i].year)) } }
        let years = keys.sorted { a, b in (Int(a) ?? .max, a) < (Int(b) ?? .max, b) }
        let rows = ids.map { id in
            let identity = map.identities[id]
            var byYear: [String: [Int]] = [:]
            for i in identity.reports { byYear[SitePlan.yearKey(plan.summaries[i].year), default: []].append(i) }
            let cells = years.map { key in
                let reports = (byYear[key] ?? []).sorted { map.reportFolder[$0] < map.reportFolder[$1] }
                return GridCellView(links: reports.enumerated().map { k, i in
                    LinkView(text: k == 0 ? SitePlan.yearLabel(key) : "第 \(k + 1) 份", href: links.to(map.reportFolder[i]))
                }, missing: reports.isEmpty)
            }
            // The county's own government is this page: its row names it without a link.
            let isOwn = node.own == id
            return GridRowView(name: identity.name, href: isOwn ? "" : links.to(identity.folder), hasHref: !isOwn, cells: cells)
        }
        let view = CountyPageView(name: node.name, crumbs: plan.pageCrumbs(node: self.node, links: links),
                                  chain: plan.chainText(node: self.node), reports: node.reportCount, bodyCount: ids.count,
                                  years: years.map(SitePlan.yearLabel), rows: rows,
                                  own: node.own.map { [plan.history($0, links: links, ofPlace: true)] } ?? [])
        return Listing(title: node.name, view: view)
    }
}

struct CountyPageView: TemplateView, Encodable {
    let name: String
    let crumbs: [CrumbView]
    let chain: String
    let reports: Int
    let bodyCount: Int
    let years: [String]
    let rows: [GridRowView]
    /// Zero or one: the county's own government, whose page this is too.
    let own: [BodyHistoryView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "crumbs": crumbs
        case "chain": chain
        case "reports": reports
        case "bodyCount": bodyCount
        case "years": years
        case "rows": rows
        case "own": own
        default: nil
        }
    }
}

struct GridRowView: TemplateView, Encodable {
    let name: String
    let href: String
    let hasHref: Bool
    let cells: [GridCellView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "hasHref": hasHref
        case "cells": cells
        default: nil
        }
    }
}

/// One body × one year: its report(s), or `missing` (drawn 缺, read 无报告).
struct GridCellView: TemplateView, Encodable {
    let links: [LinkView]
    let missing: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "links": links
        case "missing": missing
        default: nil
        }
    }
}

struct LinkView: TemplateView, Encodable {
    let text: String
    let href: String

    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "href": href
        default: nil
        }
    }
}
