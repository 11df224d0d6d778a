import Foundation

extension PortalChecks {
    /// What the checks across years read of one report: its series, year and source, and the
    /// few cells of its standard tables that a year identity compares — a few hundred bytes
    /// where the report is tens of kilobytes. A build keeps one per report (and caches it), so
    /// the checks run without the reports in memory.
    public struct Entry: Sendable, Hashable {
        /// The report's path as diagnostics name it; the other report's messages quote it.
        public var source: String
        public var year: Int?
        /// Same body: the same `region.code` and `body` (see `PortalChecks`); `nil` when neither is known.
        public var series: String?
        /// The standard tables, in `TableKind` order.
        public var tables: [Table]

        public init(source: String, year: Int?, series: String?, tables: [Table]) {
            self.source = source
            self.year = year
            self.series = series
            self.tables = tables
        }

        /// The entry of a report. With `forms`, only the rows some form of the registry compares
        /// across years are kept (this year's rows and the rows a later form reads as last
        /// year's); without, every cell.
        public init(_ report: Report, forms: FormRegistry? = nil) {
            var tables: [Table] = []
            for (kind, table) in report.tables {
                guard let t = table.stat else { continue }
                let kept = forms.map { Table.rowsCompared(kind: kind, own: t.form, in: $0) }
                var cells: [Cell] = []
                var lines: [String: Int] = [:]
                for row in t.rows where kept?.contains(row.key) ?? true {
                    if let line = row.line { lines[row.key] = line }
                    for cell in row.cells {
                        if let value = cell.value { cells.append(Cell(row: row.key, column: cell.column, value: value)) }
                    }
                }
                tables.append(Table(form: t.form, cells: cells, lines: lines))
            }
            self.init(source: report.source, year: report.year, series: PortalChecks.seriesKey(report), tables: tables)
        }
    }

    /// What the checks read of one standard table: its form (whose year identities say what to
    /// compare and how messages name rows and columns), some of its values, and the line of each
    /// of those rows.
    public struct Table: Sendable, Hashable {
        public var form: Form
        /// Cells with a value, in row order.
        public var cells: [Cell]
        /// The line of each kept row that has one.
        public var lines: [String: Int]

        public init(form: Form, cells: [Cell], lines: [String: Int]) {
            self.form = form
            self.cells = cells
            self.lines = lines
        }

        func value(_ row: String, _ column: String) -> Decimal? {
            cells.first { $0.row == row && $0.column == column }?.value
        }

        func line(_ row: String) -> Int? { lines[row] }

        /// The rows of a table of `kind` that any year identity reads: as this year's
        /// (`own` and every form of the kind) or as last year's.
        static func rowsCompared(kind: TableKind, own: Form, in forms: FormRegistry) -> Set<String> {
            var rows = Set<String>()
            for form in [own] + forms.eras(with: kind).compactMap({ $0.tables[kind] }) {
                for identity in form.acrossYears {
                    switch identity {
                    case .carriedOver(let i): rows.formUnion(i.row.keys + i.lastRow.keys)
                    case .stock(let i): rows.formUnion(i.rows)
                    }
                }
            }
            return rows
        }
    }

    public struct Cell: Sendable, Hashable {
        public var row: String
        public var column: String
        public var value: Decimal

        public init(row: String, column: String, value: Decimal) {
            self.row = row
            self.column = column
            self.value = value
        }
    }
}
