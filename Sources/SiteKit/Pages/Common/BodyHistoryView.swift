import Foundation
import Mustache

/// A body's reports and headline figures (`history.mustache`): on its own page, and on its
/// place's page for the government of a province, city or county. Drawn from the reports'
/// summaries alone.
struct BodyHistoryView: TemplateView, Encodable {
    let name: String
    /// 历年报告 on the body's page, 本级（兴庆区人民政府）历年报告 on its place's page.
    let reportsTitle: String
    let figuresTitle: String
    let reports: [ReportLinkView]
    let years: [String]
    let figures: [FigureRowView]
    let hasFigures: Bool
    /// The figures as charts, one per figure (`SeriesChart`); none with fewer than two years.
    let charts: [ChartView]
    let hasCharts: Bool
    /// Why a figure is not comparable in an era, for the legend ("" when none is).
    let notComparable: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "reportsTitle": reportsTitle
        case "figuresTitle": figuresTitle
        case "reports": reports
        case "years": years
        case "figures": figures
        case "hasFigures": hasFigures
        case "charts": charts
        case "hasCharts": hasCharts
        case "notComparable": notComparable
        default: nil
        }
    }
}

struct ReportLinkView: TemplateView, Encodable {
    let year: String
    let title: String
    let href: String
    /// `2021-01-25 发布，按时`, `未注明日期`.
    let when: String
    let late: Bool
    let problems: Int
    let hasProblems: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "year": year
        case "title": title
        case "href": href
        case "when": when
        case "late": late
        case "problems": problems
        case "hasProblems": hasProblems
        default: nil
        }
    }
}

/// One headline figure across the years; "—" where the report does not tell (never 0).
struct FigureRowView: TemplateView, Encodable {
    let label: String
    let cells: [FigureCellView]

    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "cells": cells
        default: nil
        }
    }
}

struct FigureCellView: TemplateView, Encodable {
    let text: String
    let known: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "known": known
        default: nil
        }
    }
}

extension SitePlan {
    /// A body's reports by year and its headline figures side by side.
    func history(_ id: Int, links: PageLinks, ofPlace: Bool = false) -> BodyHistoryView {
        let identity = map.identities[id]
        var reports: [ReportLinkView] = []
        var columns: [[SeriesValue]] = []
        var years: [String] = []
        for i in identity.reports {
            let r = summaries[i]
            let yearLabel = SitePlan.folderLabel(map.reportFolder[i])
            let title = r.title ?? "\(identity.name) \(SitePlan.yearLabel(SitePlan.yearKey(r.year)))年度报告"
            let status = timeliness(ofReport: i)
            let when = r.coverage.published.map { "\($0) 发布，\(status.label)" } ?? status.label
            reports.append(ReportLinkView(year: yearLabel, title: title, href: links.to(map.reportFolder[i]),
                                          when: when, late: status.isLate,
                                          problems: r.problems, hasProblems: r.problems > 0))
            years.append(yearLabel)
            columns.append(r.coverage.series)
        }
        let figures = HeadlineFigures.labels.enumerated().map { n, label in
            FigureRowView(label: label, cells: columns.map { col in
                switch col[n] {
                case let .value(v): FigureCellView(text: TableFormatting.number(v) ?? "", known: true)
                case .unknown: FigureCellView(text: "—", known: false)
                case .notComparable: FigureCellView(text: "不可比", known: true)
                }
            })
        }
        let prefix = ofPlace ? "本级（\(identity.name)）" : ""
        // A chart has one bar a year: the body's first report of it (its folder without -2).
        var chartYears: [String] = [], chartValues: [[SeriesValue]] = []
        for (i, col) in zip(identity.reports, columns) {
            let key = SitePlan.yearKey(summaries[i].year)
            guard Int(key) != nil, !chartYears.contains(key) else { continue }
            chartYears.append(key)
            chartValues.append(col)
        }
        let charts = SeriesChart.charts(years: chartYears, values: chartValues)
        // The reasons of the eras this body's reports use, each once.
        var reasons: [String] = []
        for (i, col) in zip(identity.reports, columns) {
            for (field, v) in zip(Forms.series, col) where v == .notComparable {
                if case let .notComparable(why)? = field.sources[summaries[i].coverage.format], !reasons.contains("\(field.label)：\(why)") {
                    reasons.append("\(field.label)：\(why)")
                }
            }
        }
        return BodyHistoryView(name: identity.name, reportsTitle: prefix + "历年报告", figuresTitle: prefix + "主要数字",
                               reports: reports, years: years, figures: figures, hasFigures: !columns.isEmpty,
                               charts: charts, hasCharts: !charts.isEmpty,
                               notComparable: reasons.isEmpty ? "" : "“不可比”：" + reasons.joined(separator: "；") + "。")
    }
}
