import Foundation

/// Collects the cells of one table row that hold no number and reports them once per row.
///
/// Why per row and not per cell: a report that leaves all five 法人或其他组织 columns blank
/// would otherwise get 130 warnings that bury the one that matters. Why `cell.*` and not
/// `applications.*`: an empty cell is not broken arithmetic; the table namespaces are kept
/// for rules the numbers break, which is what a reader (and a checker) counts as an
/// inconsistency. Never: a missing cell is never read as 0.
struct MissingCells {
    /// Markers that say "nothing here" on purpose (as opposed to text that is not a number).
    static let blankMarkers: Set<String> = ["", "/", "／", "—", "——", "-", "--", "－", "无", "空", "\\"]

    let form: Form
    let row: String
    private var blank: [FormColumn] = []
    private var unreadable: [(column: FormColumn, text: String)] = []

    /// The cells of row `row` (a form key) of a table read with `form`.
    init(form: Form, row: String) {
        self.form = form
        self.row = row
    }

    /// Notes a column whose cell has no value; `text` is what was printed there, if anything.
    mutating func add(column: FormColumn, text: String?) {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        if Self.blankMarkers.contains(t) { blank.append(column) } else { unreadable.append((column, t)) }
    }

    /// At most two diagnostics: the blank columns, the unreadable ones. Each is about the row,
    /// and about one cell when only one is named.
    func diagnostics(line: Int?) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let name = "\(form.name) \(form.printedName(of: row))"
        if !blank.isEmpty {
            out.append(.warning("cell.empty", "\(name): \(blank.map(\.label).joined(separator: "、")) 未填写数值（页面显示为“—”，不作 0）",
                                line: line, subject: subject(blank)))
        }
        if !unreadable.isEmpty {
            let list = unreadable.map { "\($0.column.label)“\($0.text)”" }.joined(separator: "、")
            out.append(.warning("cell.unreadable", "\(name): 无法读取 \(list)（页面显示为“—”）", line: line,
                                subject: subject(unreadable.map(\.column))))
        }
        return out
    }

    private func subject(_ columns: [FormColumn]) -> Diagnostic.Subject {
        Diagnostic.Subject(table: form.kind, row: row, column: columns.count == 1 ? columns[0].key : nil)
    }
}
