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
/// Checks:
/// - `portal.carryOver`: 表三 二、上年结转 总计 this year = 四、结转下年度继续办理 总计 last year.
/// - `portal.inForce` (2021 form): 表二 现行有效件数 this year = last year's 现行有效件数 +
///   this year's 本年制发件数 − 本年废止件数, for 规章 and 行政规范性文件.
///
/// Reports: a `warning` on both reports, naming the other report's year, source path and the
/// numbers, at the line of the row in the report it is attached to.
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
        var series: [String: [Int: [Int]]] = [:]  // body key → year → report indices
        for (index, report) in reports.enumerated() {
            guard let year = report.year, let key = seriesKey(report) else { continue }
            series[key, default: [:]][year, default: []].append(index)
        }
        var found: [Int: [Diagnostic]] = [:]
        for key in series.keys.sorted() {
            let years = series[key]!
            for year in years.keys.sorted() {
                guard let previous = years[year - 1] else { continue }
                for current in years[year]! {
                    for earlier in previous {
                        compare(earlier: earlier, current: current, in: reports, into: &found)
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

    private static func compare(earlier e: Int, current c: Int, in reports: [Report], into found: inout [Int: [Diagnostic]]) {
        let last = reports[e], this = reports[c]

        // 表三: 上年结转 = last year's 结转下年度.
        if let carriedOver = this.tables.applications?.value("carriedOver", "total"),
           let carriedForward = last.tables.applications?.value("carriedForward", "total"),
           carriedOver != carriedForward {
            found[c, default: []].append(.carryOver(carriedOver, other: last, carriedForward,
                                                    line: this.tables.applications?[row: "carriedOver"]?.line))
            found[e, default: []].append(.carriedForward(carriedForward, other: this, carriedOver,
                                                         line: last.tables.applications?[row: "carriedForward"]?.line))
        }

        // 表二 (2021 form): 现行有效 = last year's 现行有效 + 制发 − 废止.
        guard let active = this.tables.active, active.form == .active2021, let lastActive = last.tables.active else { return }
        for key in ["regulations", "normativeDocuments"] {
            guard let inForce = active.value(key, "inForce"),
                  let issued = active.value(key, "issued"),
                  let repealed = active.value(key, "repealed"),
                  let lastInForce = lastActive.value(key, "inForce") else { continue }
            guard inForce != lastInForce + issued - repealed else { continue }
            let label = active.form.definition.row(key)?.label ?? key
            let numbers = InForceNumbers(label: label, inForce: inForce, issued: issued, repealed: repealed, lastInForce: lastInForce)
            found[c, default: []].append(.inForce(numbers, other: last, line: active[row: key]?.line))
            found[e, default: []].append(.inForceNextYear(numbers, other: this, line: lastActive[row: key]?.line))
        }
    }

    struct InForceNumbers {
        let label: String
        let inForce: Decimal, issued: Decimal, repealed: Decimal, lastInForce: Decimal
    }
}

extension Diagnostic {
    /// On this year's report: `上年结转 2 ≠ 2020 年报告（content/a.txt）结转下年度 3`.
    static func carryOver(_ carriedOver: Decimal, other: Report, _ carriedForward: Decimal, line: Int?) -> Diagnostic {
        .warning("portal.carryOver",
                 "上年结转 \(carriedOver) ≠ \(yearText(other)) 年报告（\(other.source)）结转下年度 \(carriedForward)",
                 line: line)
    }

    /// On last year's report: `结转下年度 3 ≠ 2021 年报告（content/b.txt）上年结转 2`.
    static func carriedForward(_ carriedForward: Decimal, other: Report, _ carriedOver: Decimal, line: Int?) -> Diagnostic {
        .warning("portal.carryOver",
                 "结转下年度 \(carriedForward) ≠ \(yearText(other)) 年报告（\(other.source)）上年结转 \(carriedOver)",
                 line: line)
    }

    /// On this year's report: `行政规范性文件 现行有效件数 12 ≠ 2021 年报告（content/a.txt）现行有效件数 10 + 本年制发件数 3 − 本年废止件数 0`.
    static func inForce(_ n: PortalChecks.InForceNumbers, other: Report, line: Int?) -> Diagnostic {
        .warning("portal.inForce",
                 "\(n.label) 现行有效件数 \(n.inForce) ≠ \(yearText(other)) 年报告（\(other.source)）现行有效件数 \(n.lastInForce) + 本年制发件数 \(n.issued) − 本年废止件数 \(n.repealed)",
                 line: line)
    }

    /// On last year's report: `行政规范性文件 现行有效件数 10 + 2022 年报告（content/b.txt）本年制发件数 3 − 本年废止件数 0 ≠ 其现行有效件数 12`.
    static func inForceNextYear(_ n: PortalChecks.InForceNumbers, other: Report, line: Int?) -> Diagnostic {
        .warning("portal.inForce",
                 "\(n.label) 现行有效件数 \(n.lastInForce) + \(yearText(other)) 年报告（\(other.source)）本年制发件数 \(n.issued) − 本年废止件数 \(n.repealed) ≠ 其现行有效件数 \(n.inForce)",
                 line: line)
    }

    private static func yearText(_ report: Report) -> String {
        report.year.map(String.init) ?? "?"
    }
}
