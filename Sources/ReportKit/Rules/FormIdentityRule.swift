import Foundation

/// Checks: every identity of every standard table's form (`Form.identities`), in table order
/// and then form order: table 三's row totals, （七）总计 and balance, table 四's group totals.
/// Reports: the identity's code, once per broken row (row totals) or column (the others),
/// with the numbers, the line of the broken number and the row (and column) as its subject.
///
/// Never checked (`evaluate` lists them as skipped): a row the parser computed (the 2021
/// （六）, checked through its parts), a row printed with the wrong number of values (its
/// cells were placed by this very identity), or an instance with an empty or unreadable operand.
public struct FormIdentityRule: ReportRule {
    public var name: String { "form.identities" }
    public init() {}

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        Self.evaluate(report, failedOnly: true).compactMap(\.diagnostic)
    }

    /// Every instance of every identity of the report's standard tables, passed, failed or
    /// skipped, in table order and then form order.
    public static func evaluate(_ report: Report) -> [IdentityCheck] {
        evaluate(report, failedOnly: false)
    }

    /// `failedOnly`: the failed instances alone (what `check` needs), without building the
    /// sentences of the passed and skipped ones, which every parse would throw away.
    static func evaluate(_ report: Report, failedOnly: Bool) -> [IdentityCheck] {
        var out: [IdentityCheck] = []
        for (_, table) in report.tables {
            guard let table = table.stat else { continue }
            for identity in table.form.identities {
                switch identity {
                case .rowTotal(let i): out += evaluate(i, table, failedOnly: failedOnly)
                case .columnTotal(let i): out += evaluate(i, table, failedOnly: failedOnly)
                case .balance(let i): out += evaluate(i, table, failedOnly: failedOnly)
                }
            }
        }
        return out
    }

    /// `表三 1.本机关不掌握相关政府信息: 总计 0 ≠ 自然人 3 + 法人或其他组织 0`.
    static func evaluate(_ i: RowTotal, _ table: StatTable, failedOnly: Bool = false) -> [IdentityCheck] {
        let form = table.form
        var out: [IdentityCheck] = []
        for row in table.rows where !table.isComputed(row.key) {
            let subject = Diagnostic.Subject(table: form.kind, row: row.key)
            var cells: [IdentityCheck.Cell] { ([i.total] + i.parts).map { IdentityCheck.Cell(row: row.key, column: $0) } }
            var totalName: String { form.block(containing: row.key)?.columns.first { $0.key == i.total }?.label ?? i.total }
            var termNames: String { i.terms.map(\.name).joined(separator: "、") }
            if row.printed != nil {
                if failedOnly { continue }
                // Its cells were placed so that this identity holds: checking it would prove nothing.
                out.append(IdentityCheck(code: i.code, wording: i.wording, subject: subject, cells: cells, result: .skipped,
                                         plain: "本行印有的数字个数与表格列数不符，未核对", diagnostic: nil))
                continue
            }
            guard let totalCell = row[i.total], let total = totalCell.value,
                  let terms = sums(i.terms, { row[$0]?.value }) else {
                if failedOnly { continue }
                out.append(IdentityCheck(code: i.code, wording: i.wording, subject: subject, cells: cells, result: .skipped,
                                         plain: "本行\(totalName)或\(termNames)有空格或无法读取，未核对", diagnostic: nil))
                continue
            }
            let sum = terms.reduce(Decimal(0)) { $0 + $1.value }
            guard sum != total else {
                if failedOnly { continue }
                out.append(IdentityCheck(code: i.code, wording: i.wording, subject: subject, cells: cells, result: .passed,
                                         plain: "本行\(termNames)之和为 \(sum)，与\(totalName) \(total) 相符", diagnostic: nil))
                continue
            }
            let parts = terms.map { "\($0.name) \($0.value)" }.joined(separator: " + ")
            let message = "\(form.name) \(form.printedName(of: row.key)): \(totalName) \(total) ≠ \(parts)" + (i.showsSum ? " = \(sum)" : "")
            out.append(IdentityCheck(code: i.code, wording: i.wording, subject: subject, cells: cells, result: .failed,
                                     plain: "本行\(termNames)之和为 \(sum)，但\(totalName)填的是 \(total)",
                                     diagnostic: .warning(i.code, message, line: totalCell.line ?? row.line, subject: subject)))
        }
        return out
    }

    /// `表三 （七）总计 自然人: 0 ≠ （一）至（六）之和 3`.
    static func evaluate(_ i: ColumnTotal, _ table: StatTable, failedOnly: Bool = false) -> [IdentityCheck] {
        let form = table.form
        guard let total = table[row: i.total], let columns = form.block(containing: i.total)?.columns else { return [] }
        let keys = parts(under: i.under, of: i, in: table)
        let complete = keys.allSatisfy { table[row: $0] != nil }
        var totalName: String { form.printedName(of: i.total) }
        return columns.compactMap { column in
            let subject = Diagnostic.Subject(table: form.kind, row: i.total, column: column.key)
            func check(_ result: IdentityCheck.Result, _ plain: @autoclosure () -> String, _ diagnostic: Diagnostic? = nil) -> IdentityCheck? {
                if failedOnly && result != .failed { return nil }
                return IdentityCheck(code: i.code, wording: i.wording, subject: subject,
                                     cells: ([i.total] + keys).map { IdentityCheck.Cell(row: $0, column: column.key) },
                                     result: result, plain: "\(column.label)一列：" + plain(), diagnostic: diagnostic)
            }
            guard complete, let t = total[column.key]?.value,
                  let sum = sums([IdentityTerm("", keys)], { table.value($0, column.key) })?.first?.value else {
                return check(.skipped, "\(i.partsName)或\(totalName)有未列出、空格或无法读取的格子，未核对")
            }
            guard sum != t else { return check(.passed, "\(i.partsName)为 \(sum)，与\(totalName) \(t) 相符") }
            return check(.failed, "\(i.partsName)为 \(sum)，但\(totalName)填的是 \(t)",
                         .warning(i.code, "\(form.name) \(totalName) \(column.label): \(t) ≠ \(i.partsName) \(sum)",
                                  line: total.line, subject: subject))
        }
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
    static func evaluate(_ i: Balance, _ table: StatTable, failedOnly: Bool = false) -> [IdentityCheck] {
        let form = table.form
        guard let at = table[row: i.reportedOn], let columns = form.block(containing: i.reportedOn)?.columns else { return [] }
        let keys = (i.left + i.right).flatMap(\.keys)
        func names(_ terms: [IdentityTerm]) -> String { terms.map(\.name).joined(separator: "加") }
        return columns.compactMap { column in
            let subject = Diagnostic.Subject(table: form.kind, row: i.reportedOn, column: column.key)
            func check(_ result: IdentityCheck.Result, _ plain: @autoclosure () -> String, _ diagnostic: Diagnostic? = nil) -> IdentityCheck? {
                if failedOnly && result != .failed { return nil }
                return IdentityCheck(code: i.code, wording: i.wording, subject: subject,
                                     cells: keys.map { IdentityCheck.Cell(row: $0, column: column.key) },
                                     result: result, plain: "\(column.label)一列：" + plain(), diagnostic: diagnostic)
            }
            guard let left = sums(i.left, { table.value($0, column.key) }),
                  let right = sums(i.right, { table.value($0, column.key) }) else {
                return check(.skipped, "\(names(i.left + i.right))中有未列出、空格或无法读取的格子，未核对")
            }
            let l = left.reduce(Decimal(0)) { $0 + $1.value }, r = right.reduce(Decimal(0)) { $0 + $1.value }
            guard l != r else { return check(.passed, "\(names(i.left))为 \(l)，与\(names(i.right)) \(r) 相符") }
            func side(_ terms: [(name: String, value: Decimal)], _ sum: Decimal) -> String {
                terms.map { "\($0.name) \($0.value)" }.joined(separator: " + ") + " = \(sum)"
            }
            return check(.failed, "\(names(i.left))为 \(l)，但\(names(i.right))为 \(r)，两者应相等",
                         .warning(i.code, "\(form.name) \(column.label): \(side(left, l)) ≠ \(side(right, r))",
                                  line: at.line, subject: subject))
        }
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
