import Foundation

extension StatTable {
    /// Fills each `derived` row of the form the report did not print with the sum of the rows
    /// under it (the 2021 （六）其他处理 = 1 + 2 + 3, report-json.md), when every one of them
    /// is printed; a column with an unreadable part stays `nil`. The cells carry no printed
    /// text (`text == nil`): the page does not show them and the rules check the parts.
    mutating func fillDerivedRows() {
        for formRow in form.allRows where formRow.derived && self[row: formRow.key] == nil {
            let keys = form.children(of: formRow.key).filter(\.valued).map(\.key)
            let parts = keys.compactMap { self[row: $0] }
            guard !keys.isEmpty, parts.count == keys.count,
                  let columns = form.block(containing: formRow.key)?.columns else { continue }
            let cells = columns.map { column -> StatCell in
                let values = parts.map { $0[column.key]?.value }
                let sum: Decimal? = values.contains { $0 == nil } ? nil : values.reduce(Decimal(0)) { $0 + $1! }
                return StatCell(column: column.key, value: sum, text: nil, line: parts[0].line)
            }
            set(StatRow(key: formRow.key, line: parts[0].line, cells: cells))
        }
    }

    /// Whether row `key` was computed by `fillDerivedRows` rather than printed.
    func isComputed(_ key: String) -> Bool {
        guard form.row(key)?.derived == true, let row = self[row: key] else { return false }
        return row.cells.allSatisfy { $0.text == nil }
    }
}
