// Rules across years, run once every report of the portal is parsed. One report alone cannot
// see these breaks: the number it carries over must be the number last year's report said it
// would carry forward, and a document register cannot change by more than what was issued and
// repealed. A break is shown on both pages, because either report may hold the typo.
//
// Same body: the same `region.code` and the same `body` with whitespace removed (two bodies
// of one county share its code: 县政府 and 县发改局 are different series); with no code, the
// same `body` alone. Consecutive: `year` and `year − 1`. Never: a missing value (`nil`) is
// never a break, and no value is ever changed.

import Foundation

/// Cross-year consistency checks over all reports of the portal.
///
/// Checks: the year identities of this year's forms (`Form.acrossYears`), against last year's
/// table of the same kind:
/// - `portal.carryOver`: 表三 二、上年结转 总计 this year = 四、结转下年度继续办理 总计 last year.
/// - `portal.inForce` (2021 form): 表二 现行有效件数 this year = last year's 现行有效件数 +
///   this year's 本年制发件数 − 本年废止件数, for 规章 and 行政规范性文件.
///
/// Reports: a `warning` on both reports, naming the other report's year, source path and the
/// numbers, at the line of the row in the report it is attached to, with that cell as subject.
///
/// ```
/// 2020 content/a.txt  四、结转下年度继续办理 … 3
/// 2021 content/b.txt  二、上年结转政府信息公开申请数量 … 2
/// → b.txt: 上年结转 2 ≠ 2020 年报告（content/a.txt）结转下年度 3
/// → a.txt: 结转下年度 3 ≠ 2021 年报告（content/b.txt）上年结转 2
/// ```
public enum PortalChecks {
    /// New diagnostics per index into `reports`; reports with none are absent.
    public static func check(_ reports: [Report]) -> [Int: [Diagnostic]] {
        check(reports.map { Entry($0) })
    }

    /// The same checks from what they read of each report (`Entry`): a build keeps an entry
    /// per report, not the reports, and checks again only the series whose reports changed.
    public static func check(_ entries: [Entry]) -> [Int: [Diagnostic]] {
        var series: [String: [Int: [Int]]] = [:]  // body key → year → entry indices
        for (index, entry) in entries.enumerated() {
            guard let year = entry.year, let key = entry.series else { continue }
            series[key, default: [:]][year, default: []].append(index)
        }
        var found: [Int: [Diagnostic]] = [:]
        for key in series.keys.sorted() {
            let years = series[key]!
            for year in years.keys.sorted() {
                guard let previous = years[year - 1] else { continue }
                for current in years[year]! {
                    for earlier in previous {
                        compare(earlier: earlier, current: current, in: entries, into: &found)
                    }
                }
            }
        }
        return found
    }

    /// The series a report belongs to, `nil` when it names neither a code nor a body.
    static func seriesKey(_ report: Report) -> String? {
        let body = report.body.map { String($0.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) } ?? ""
        let code = report.region.code ?? ""
        if body.isEmpty && code.isEmpty { return nil }
        return code + "|" + body
    }

    /// Every year identity of this year's tables (`Form.acrossYears`), against last year's table
    /// of the same kind: the carry-overs first, then the registers, each in table order.
    private static func compare(earlier e: Int, current c: Int, in entries: [Entry], into found: inout [Int: [Diagnostic]]) {
        let last = entries[e], this = entries[c]
        var pairs: [(identity: YearIdentity, this: Table, last: Table)] = []
        for table in this.tables {
            guard let lastTable = last.tables.first(where: { $0.form.kind == table.form.kind }) else { continue }
            pairs += table.form.acrossYears.map { ($0, table, lastTable) }
        }
        for (identity, t, l) in pairs {
            guard case .carriedOver(let i) = identity, let row = i.row.keys.first, let lastRow = i.lastRow.keys.first,
                  let carriedOver = t.value(row, i.column), let carriedForward = l.value(lastRow, i.column),
                  carriedOver != carriedForward else { continue }
            found[c, default: []].append(.carryOver(i, carriedOver, other: last, carriedForward, line: t.line(row),
                                                    subject: Diagnostic.Subject(table: t.form.kind, row: row, column: i.column)))
            found[e, default: []].append(.carriedForward(i, carriedForward, other: this, carriedOver, line: l.line(lastRow),
                                                         subject: Diagnostic.Subject(table: l.form.kind, row: lastRow, column: i.column)))
        }
        for (identity, t, l) in pairs {
            guard case .stock(let i) = identity else { continue }
            let columns = Dictionary(t.form.blocks.flatMap(\.columns).map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
            for key in i.rows {
                guard let inForce = t.value(key, i.stock), let issued = t.value(key, i.added), let repealed = t.value(key, i.removed),
                      let lastInForce = l.value(key, i.stock) else { continue }
                guard inForce != lastInForce + issued - repealed else { continue }
                let names = (columns[i.stock] ?? i.stock, columns[i.added] ?? i.added, columns[i.removed] ?? i.removed)
                let numbers = StockNumbers(label: t.form.row(key)?.label ?? key, names: names,
                                           inForce: inForce, issued: issued, repealed: repealed, lastInForce: lastInForce)
                found[c, default: []].append(.inForce(i, numbers, other: last, line: t.line(key),
                                                      subject: Diagnostic.Subject(table: t.form.kind, row: key, column: i.stock)))
                found[e, default: []].append(.inForceNextYear(i, numbers, other: this, line: l.line(key),
                                                              subject: Diagnostic.Subject(table: l.form.kind, row: key, column: i.stock)))
            }
        }
    }

    /// The numbers of a broken register, and how the form names its columns.
    struct StockNumbers {
        let label: String
        let names: (stock: String, added: String, removed: String)
        let inForce: Decimal, issued: Decimal, repealed: Decimal, lastInForce: Decimal
    }
}

extension Diagnostic {
    /// On this year's report: `上年结转 2 ≠ 2020 年报告（content/a.txt）结转下年度 3`.
    static func carryOver(_ i: CarriedOver, _ carriedOver: Decimal, other: PortalChecks.Entry, _ carriedForward: Decimal, line: Int?,
                          subject: Subject) -> Diagnostic {
        .warning(i.code,
                 "\(i.row.name) \(carriedOver) ≠ \(yearText(other)) 年报告（\(other.source)）\(i.lastRow.name) \(carriedForward)",
                 line: line, subject: subject)
    }

    /// On last year's report: `结转下年度 3 ≠ 2021 年报告（content/b.txt）上年结转 2`.
    static func carriedForward(_ i: CarriedOver, _ carriedForward: Decimal, other: PortalChecks.Entry, _ carriedOver: Decimal, line: Int?,
                               subject: Subject) -> Diagnostic {
        .warning(i.code,
                 "\(i.lastRow.name) \(carriedForward) ≠ \(yearText(other)) 年报告（\(other.source)）\(i.row.name) \(carriedOver)",
                 line: line, subject: subject)
    }

    /// On this year's report: `行政规范性文件 现行有效件数 12 ≠ 2021 年报告（content/a.txt）现行有效件数 10 + 本年制发件数 3 − 本年废止件数 0`.
    static func inForce(_ i: Stock, _ n: PortalChecks.StockNumbers, other: PortalChecks.Entry, line: Int?, subject: Subject) -> Diagnostic {
        .warning(i.code,
                 "\(n.label) \(n.names.stock) \(n.inForce) ≠ \(yearText(other)) 年报告（\(other.source)）\(n.names.stock) \(n.lastInForce)"
                     + " + \(n.names.added) \(n.issued) − \(n.names.removed) \(n.repealed)",
                 line: line, subject: subject)
    }

    /// On last year's report: `行政规范性文件 现行有效件数 10 + 2022 年报告（content/b.txt）本年制发件数 3 − 本年废止件数 0 ≠ 其现行有效件数 12`.
    static func inForceNextYear(_ i: Stock, _ n: PortalChecks.StockNumbers, other: PortalChecks.Entry, line: Int?,
                                subject: Subject) -> Diagnostic {
        .warning(i.code,
                 "\(n.label) \(n.names.stock) \(n.lastInForce) + \(yearText(other)) 年报告（\(other.source)）"
                     + "\(n.names.added) \(n.issued) − \(n.names.removed) \(n.repealed) ≠ 其\(n.names.stock) \(n.inForce)",
                 line: line, subject: subject)
    }

    private static func yearText(_ entry: PortalChecks.Entry) -> String {
        entry.year.map(String.init) ?? "?"
    }
}
