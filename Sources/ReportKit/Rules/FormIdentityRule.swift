import Foundation

/// Checks: every identity of every standard table's form (`Form.identities`), in table order
/// and then form order: table 三's row totals, （七）总计 and balance, table 四's group totals.
/// Reports: the identity's code, once per broken row (row totals) or column (the others),
/// with the numbers, the line of the broken number and the row (and column) as its subject.
///
/// Never checked: a row the parser computed (the 2021 （六）, checked through its parts), or
/// an instance with an empty or unreadable operand.
public struct FormIdentityRule: ReportRule {
    public var name: String { "form.identities" }
    public init() {}

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (_, table) in report.tables {
            guard let table = table.stat else { continue }
            for identity in table.form.identities {
                switch identity {
                case .rowTotal(let i): out += Self.check(i, table)
                case .columnTotal(let i): out += Self.check(i, table)
                case .balance(let i): out += Self.check(i, table)
                }
            }
        }
        return out
    }

    /// `表三 1.本机关不掌握相关政府信息: 总计 0 ≠ 自然人 3 + 法人或其他组织 0`.
    static func check(_ i: RowTotal, _ table: StatTable) -> [Diagnostic] {
        let form = table.form
        var out: [Diagnostic] = []
        for row in table.rows where !table.isComputed(row.key) {
            guard let totalCell = row[i.total], let total = totalCell.value,
                  let terms = sums(i.terms, { row[$0]?.value }) else { continue }
            let sum = terms.reduce(Decimal(0)) { $0 + $1.value }
            guard sum != total else { continue }
            let totalName = form.block(containing: row.key)?.columns.first { $0.key == i.total }?.label ?? i.total
            let parts = terms.map { "\($0.name) \($0.value)" }.joined(separator: " + ")
            let message = "\(form.name) \(form.printedName(of: row.key)): \(totalName) \(total) ≠ \(parts)" + (i.showsSum ? " = \(sum)" : "")
            out.append(.warning(i.code, message, line: totalCell.line ?? row.line,
                                subject: Diagnostic.Subject(table: form.kind, row: row.key)))
        }
        return out
    }

    /// `表三 （七）总计 自然人: 0 ≠ （一）至（六）之和 3`.
    static func check(_ i: ColumnTotal, _ table: StatTable) -> [Diagnostic] {
        let form = table.form
        guard let total = table[row: i.total], let columns = form.block(containing: i.total)?.columns else { return [] }
        let keys = parts(under: i.under, of: i, in: table)
        let rows = keys.compactMap { table[row: $0] }
        guard rows.count == keys.count else { return [] }
        var out: [Diagnostic] = []
        for column in columns {
            guard let t = total[column.key]?.value, let sum = sums([IdentityTerm("", keys)], { table.value($0, column.key) })?.first?.value
            else { continue }
            if sum != t {
                out.append(.warning(i.code, "\(form.name) \(form.printedName(of: i.total)) \(column.label): \(t) ≠ \(i.partsName) \(sum)",
                                    line: total.line, subject: Diagnostic.Subject(table: form.kind, row: i.total, column: column.key)))
            }
        }
        return out
    }

    /// The rows summed under `heading`: its valued rows, sub-headings opened; a row with rows
    /// under it stands for them when the table has them all, else for itself.
    static func parts(under heading: String, of i: ColumnTotal, in table: StatTable) -> [String] {
        table.form.children(of: heading).flatMap { row -> [String] in
            if row.key == i.total { return [] }
            let below = parts(under: row.key, of: i, in: table)
            if !row.valued { return below }
            if below.isEmpty || (table[row: row.key] != nil && !below.allSatisfy { table[row: $0] != nil }) { return [row.key] }
            return below
        }
    }

    /// `表三 自然人: 一、本年新收 3 + 二、上年结转 0 = 3 ≠ （七）总计 0 + 四、结转下年度 0 = 0`.
    static func check(_ i: Balance, _ table: StatTable) -> [Diagnostic] {
        let form = table.form
        guard let at = table[row: i.reportedOn], let columns = form.block(containing: i.reportedOn)?.columns else { return [] }
        var out: [Diagnostic] = []
        for column in columns {
            guard let left = sums(i.left, { table.value($0, column.key) }),
                  let right = sums(i.right, { table.value($0, column.key) }) else { continue }
            let l = left.reduce(Decimal(0)) { $0 + $1.value }, r = right.reduce(Decimal(0)) { $0 + $1.value }
            guard l != r else { continue }
            func side(_ terms: [(name: String, value: Decimal)], _ sum: Decimal) -> String {
                terms.map { "\($0.name) \($0.value)" }.joined(separator: " + ") + " = \(sum)"
            }
            out.append(.warning(i.code, "\(form.name) \(column.label): \(side(left, l)) ≠ \(side(right, r))",
                                line: at.line, subject: Diagnostic.Subject(table: form.kind, row: i.reportedOn, column: column.key)))
        }
        return out
    }

    /// Each term's sum, `nil` when a cell is missing or unreadable.
    static func sums(_ terms: [IdentityTerm], _ value: (String) -> Decimal?) -> [(name: String, value: Decimal)]? {
        var out: [(name: String, value: Decimal)] = []
        for term in terms {
            var sum = Decimal(0)
            for key in term.keys {
                guard let v = value(key) else { return nil }
                sum += v
            }
            out.append((term.name, sum))
        }
        return out
    }
}
