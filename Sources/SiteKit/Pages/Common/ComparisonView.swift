import Foundation

/// A county's towns side by side for one year (`county.mustache`): each town's headline
/// figures, publication date, timeliness and problems, one row per report, sortable by
/// `sort.js` (each cell carries the value it sorts by) and readable as it is without it.
/// One per year a town reported, newest first; the newest is open, the others folded.
struct ComparisonView: TemplateView, Encodable {
    /// The year, for ids (`compare-2021`) and the fold's summary.
    let year: String
    let open: Bool
    let caption: String
    let columns: [ComparisonColumnView]
    let rows: [ComparisonRowView]
    /// The towns listed in the division data with no report that year, 、-separated.
    let missing: String
    let hasMissing: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "year": year
        case "open": open
        case "caption": caption
        case "columns": columns
        case "rows": rows
        case "missing": missing
        case "hasMissing": hasMissing
        default: nil
        }
    }
}

struct ComparisonColumnView: TemplateView, Encodable {
    let label: String
    /// `number` or `text`: how `sort.js` compares the column.
    let type: String

    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "type": type
        default: nil
        }
    }
}

struct ComparisonRowView: TemplateView, Encodable {
    let name: String
    let href: String
    let cells: [ComparisonCellView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "cells": cells
        default: nil
        }
    }
}

struct ComparisonCellView: TemplateView, Encodable {
    let text: String
    /// The value sorted by (`data-sort`): the number, an ISO date, or "" for none (sorted last).
    let sort: String
    let numeric: Bool
    /// Drawn — and read — as 不可比 or 未知 rather than a number.
    let muted: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "sort": sort
        case "numeric": numeric
        case "muted": muted
        default: nil
        }
    }
}

extension SitePlan {
    /// The county's towns side by side for each year a town has a report for, newest first.
    func townComparisons(_ coverage: Coverage, links: PageLinks) -> [ComparisonView] {
        let towns = coverage.rows.filter { $0.kind == .town }
        let years = coverage.years.indices.reversed().filter { k in
            Int(coverage.years[k]) != nil && towns.contains { !$0.cells[k].isEmpty }
        }
        return years.enumerated().map { n, k in townComparison(towns, year: coverage.years[k], at: k, open: n == 0, links: links) }
    }

    func townComparison(_ towns: [Coverage.Row], year: String, at k: Int, open: Bool, links: PageLinks) -> ComparisonView {
        var columns = HeadlineFigures.labels.map { ComparisonColumnView(label: $0, type: "number") }
        columns += [ComparisonColumnView(label: "发布日期", type: "text"), ComparisonColumnView(label: "及时性", type: "number"),
                    ComparisonColumnView(label: "问题", type: "number")]
        var rows: [ComparisonRowView] = []
        for town in towns {
            for i in town.cells[k] {
                let s = summaries[i]
                var cells = s.coverage.series.map { v -> ComparisonCellView in
                    switch v {
                    case let .value(n): ComparisonCellView(text: "\(n)", sort: "\(n)", numeric: true, muted: false)
                    case .unknown: ComparisonCellView(text: "—", sort: "", numeric: true, muted: true)
                    case .notComparable: ComparisonCellView(text: "不可比", sort: "", numeric: true, muted: true)
                    }
                }
                let status = timeliness(ofReport: i)
                // Sorted by days late: on time is 0, no date sorts last.
                let lateDays: String = switch status {
                case let .late(_, days): "\(days)"
                case .onTime: "0"
                default: ""
                }
                cells.append(ComparisonCellView(text: s.coverage.published ?? "日期不明", sort: s.coverage.published ?? "", numeric: false,
                                                muted: s.coverage.published == nil))
                cells.append(ComparisonCellView(text: status.label, sort: lateDays, numeric: false, muted: false))
                cells.append(ComparisonCellView(text: "\(s.problems)", sort: "\(s.problems)", numeric: true, muted: false))
                let copy = SitePlan.copySuffix(map.reportFolder[i])
                rows.append(ComparisonRowView(name: town.name + copy, href: links.to(map.reportFolder[i]), cells: cells))
            }
        }
        let missing = towns.filter { $0.cells[k].isEmpty }.map(\.name)
        return ComparisonView(year: year, open: open, caption: "\(year) 年各乡镇、街道主要数字（件）", columns: columns, rows: rows,
                              missing: missing.joined(separator: "、"), hasMissing: !missing.isEmpty)
    }
}
