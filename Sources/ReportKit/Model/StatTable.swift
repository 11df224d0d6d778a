import Foundation

// The standard tables (表二, 表三, 表四) share one shape: rows of the official form, each with
// the cells of its block's columns. The form (Forms/) says which rows and columns exist; the
// table holds what the report printed, with the line each value came from.

/// One of the standard tables as read from a report, in the order of its form.
public struct StatTable: Hashable, Sendable {
    /// The form the rows and columns follow, carried by value: the rules and the page read
    /// it from the table, so a table of an era registered elsewhere works the same.
    public var form: Form
    /// Rows in form order. A row the report does not print is absent; a printed row whose
    /// cells are empty keeps them as `nil` values.
    public var rows: [StatRow]

    public init(form: Form, rows: [StatRow] = []) {
        self.form = form
        self.rows = rows
    }

    public subscript(row key: String) -> StatRow? {
        rows.first { $0.key == key }
    }

    /// The value of one cell, or `nil` when the row, the column or the value is missing.
    public func value(_ row: String, _ column: String) -> Decimal? {
        self[row: row]?[column]?.value
    }

    /// Sets (or adds, keeping form order) a row.
    public mutating func set(_ row: StatRow) {
        if let i = rows.firstIndex(where: { $0.key == row.key }) {
            rows[i] = row
        } else {
            // Rows stay in form order: the new row goes after every row not after it in the form.
            let order = form.order(of: row.key) ?? .max
            let at = rows.firstIndex { (form.order(of: $0.key) ?? .max) > order } ?? rows.count
            rows.insert(row, at: at)
        }
    }
}

/// A row of a standard table: its form key (`newReceived`, `denied.stateSecret`, `licensing` …),
/// the line its label was on, and one cell per column of its block, in column order.
public struct StatRow: Hashable, Sendable {
    public var key: String
    public var line: Int?
    public var cells: [StatCell]
    /// The values as printed, in order, when there were more or fewer than the form has
    /// columns (`nil` otherwise): the cells then hold only what the arithmetic could place, and
    /// a page shows these, never zeros that were not printed.
    public var printed: [PrintedValue]?

    public init(key: String, line: Int?, cells: [StatCell], printed: [PrintedValue]? = nil) {
        self.key = key
        self.line = line
        self.cells = cells
        self.printed = printed
    }

    public subscript(column: String) -> StatCell? {
        cells.first { $0.column == column }
    }
}

/// One cell. `value` is `nil` when the report leaves the cell empty or it cannot be read —
/// never 0. `text` is what was printed (`"461.7 万元"`, `"/"`, `"—"`), `nil` when nothing was.
public struct StatCell: Hashable, Sendable {
    public var column: String
    public var value: Decimal?
    public var text: String?
    /// 1-based line in the source the value was read from.
    public var line: Int?

    public init(column: String, value: Decimal?, text: String?, line: Int?) {
        self.column = column
        self.value = value
        self.text = text
        self.line = line
    }
}

/// A value as printed in a row that does not fit its form (`StatRow.printed`).
public struct PrintedValue: Hashable, Sendable {
    public var text: String
    /// 1-based line it was read from.
    public var line: Int?

    public init(text: String, line: Int?) {
        self.text = text
        self.line = line
    }
}
