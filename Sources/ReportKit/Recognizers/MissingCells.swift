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

    let table: String
    let row: String
    private var blank: [String] = []
    private var unreadable: [(column: String, text: String)] = []

    init(table: String, row: String) {
        self.table = table
        self.row = row
    }

    /// Notes a column whose cell has no value; `text` is what was printed there, if anything.
    mutating func add(column: String, text: String?) {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        if Self.blankMarkers.contains(t) { blank.append(column) } else { unreadable.append((column, t)) }
    }

    /// At most two diagnostics: the blank columns, the unreadable ones.
    func diagnostics(line: Int?) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if !blank.isEmpty {
            out.append(.warning("cell.empty", "\(table) \(row): \(blank.joined(separator: "、")) 未填写数值（页面显示为“—”，不作 0）", line: line))
        }
        if !unreadable.isEmpty {
            let list = unreadable.map { "\($0.column)“\($0.text)”" }.joined(separator: "、")
            out.append(.warning("cell.unreadable", "\(table) \(row): 无法读取 \(list)（页面显示为“—”）", line: line))
        }
        return out
    }
}
