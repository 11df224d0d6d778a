import Foundation
import ReportKit

/// What a report's checks say to a citizen: every form identity evaluated on its tables
/// (`FormIdentityRule.evaluate`, passed ones too) and, for each of its diagnostics, a plain
/// sentence, the official line it breaks and the cells it involves. The report's page draws
/// its problem list and table notes from it; `checks.json` publishes it. Pure: from the
/// parsed report alone, so the page and the file always agree with `check`.
struct ReportChecks {
    let checks: [IdentityCheck]
    /// Per diagnostic (same order as `report.diagnostics`): where it is (`表三 （七）总计`),
    /// what is wrong in plain words, and the official line it breaks (`""` when none).
    let place: [String]
    let plain: [String]
    let rule: [String]
    /// Per diagnostic: the check it reports, if it reports one.
    let check: [Int?]

    init(report: Report) {
        checks = FormIdentityRule.evaluate(report)
        var bySubject: [String: Int] = [:]
        for (n, c) in checks.enumerated() where c.result == .failed { bySubject[Self.key(c.code, c.subject)] = n }
        var place: [String] = [], plain: [String] = [], rule: [String] = [], check: [Int?] = []
        for d in report.diagnostics {
            let n = d.subject.flatMap { bySubject[Self.key(d.code, $0)] }
            check.append(n)
            place.append(d.subject.map { Self.place($0, report: report) } ?? "")
            if let n {
                plain.append(checks[n].plain)
                rule.append(checks[n].wording)
            } else {
                plain.append(d.message)
                rule.append("")
            }
        }
        self.place = place
        self.plain = plain
        self.rule = rule
        self.check = check
    }

    /// The cells each diagnostic involves (the table builders mark them): a failed check's
    /// cells; nothing for other diagnostics (they mark their own row or cell by subject).
    var involved: [Int: [IdentityCheck.Cell]] {
        var out: [Int: [IdentityCheck.Cell]] = [:]
        for (i, n) in check.enumerated() { if let n { out[i] = checks[n].cells } }
        return out
    }

    /// The words a note beside a table row or under a paragraph says.
    func noteText(_ i: Int, severity: Diagnostic.Severity) -> String {
        (severity == .error ? "错误：" : "问题：") + plain[i] + (rule[i].isEmpty ? "" : "（官方表格要求：\(rule[i])）")
    }

    private static func key(_ code: Diagnostic.Code, _ s: Diagnostic.Subject) -> String {
        "\(code.rawValue)|\(s.table.rawValue)|\(s.row ?? "")|\(s.column ?? "")"
    }

    /// `表三 （七）总计`: the table's name and the row's printed name.
    static func place(_ s: Diagnostic.Subject, report: Report) -> String {
        if s.table == .legacy { return "政府信息公开情况统计表" + (s.row.map { " \($0)" } ?? "") }
        guard let form = report.tables[s.table]?.stat?.form else { return "" }
        return s.row.map { "\(form.name) \(form.printedName(of: $0))" } ?? form.name
    }
}
