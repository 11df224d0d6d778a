import Foundation

/// Checks: the legacy form's breakdowns (`LegacyForm.breakdowns`): 主动公开政府信息数 ≥ each
/// 其中 row under it (a part cannot exceed its whole); 收到申请数 = the sum of its channel
/// rows (当面 · 传真 · 网络 · 信函 · 其他形式), when at least two are given and all readable.
/// Reports: the breakdown's code, on the part's line (`eachAtMost`) or the whole's (`sum`),
/// with that row as its subject.
public struct LegacyBreakdownRule: ReportRule {
    public var name: String { "legacy.breakdowns" }
    let form: LegacyForm?

    public init(form: LegacyForm? = Forms.legacy) {
        self.form = form
    }

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        guard let legacy = report.tables.legacy, let form else { return [] }
        var out: [Diagnostic] = []
        for b in form.breakdowns {
            guard let keyRow = form.keyRow(b.whole),
                  let w = LegacyTableRecognizer.keyRowIndex(keyRow, in: legacy.rows), let total = legacy.rows[w].value else { continue }
            var parts: [LegacyRow] = []
            for row in legacy.rows[(w + 1)...] {
                let k = Normalizer.key(row.label)
                if b.isPart(k) { parts.append(row) } else if !b.isSkipped(k) { break }
            }
            switch b.relation {
            case .eachAtMost:
                for part in parts {
                    guard let v = part.value, v > total else { continue }
                    out.append(.warning(b.code, "\(form.name) \(part.label) \(v) > \(b.wholeName) \(total)", line: part.line,
                                        subject: Diagnostic.Subject(table: .legacy, row: part.label)))
                }
            case .sum(let minimumParts):
                guard parts.count >= minimumParts, parts.allSatisfy({ $0.value != nil }) else { continue }
                let sum = parts.reduce(Decimal(0)) { $0 + $1.value! }
                guard sum != total else { continue }
                out.append(.warning(b.code, "\(form.name) \(b.wholeName) \(total) ≠ \(b.partsName) \(sum)", line: legacy.rows[w].line,
                                    subject: Diagnostic.Subject(table: .legacy, row: legacy.rows[w].label)))
            }
        }
        return out
    }
}
