import ReportKit

/// Puts each diagnostic next to what it is about. A diagnostic about a table row (its
/// `subject` names the table and the row) is noted under that row, and marks the row's label
/// and the cell its subject names (every cell of the row when it names none) with a ⚠
/// pointing at the note. By subject, not by line: in flattened text every row of a table
/// shares one line, and a note by line went under the first of them.
///
/// Diagnostics about prose (a figure in the text that disagrees with a table) carry no
/// subject; they are placed under the paragraph whose lines hold them (`claimText`), after
/// every table has claimed its own. A diagnostic about a whole table (an unknown row label)
/// stays in the summary at the top of the page, unless the table is one printed row (表四),
/// whose note row is the table's. Info diagnostics (encoding detected …) are never placed:
/// they are not problems.
struct DiagnosticPlacement {
    /// A table's row, or (`row == nil`) the table as a whole.
    struct Ref: Hashable {
        let table: TableKind
        let row: String?
    }

    let diagnostics: [Diagnostic]
    private var byRef: [Ref: [Int]] = [:]
    private var byLine: [Int: [Int]] = [:]
    /// Indices (into `diagnostics`) already noted under a row.
    private(set) var placed: Set<Int> = []
    /// Those of `placed` that sit under a paragraph rather than a table row.
    private(set) var placedInText: Set<Int> = []

    /// Cell (table, row, column) → the diagnostics whose check reads it, so every cell of a
    /// broken sum is marked, not only the total.
    private var involving: [Cell: [Int]] = [:]
    private let texts: [String]

    struct Cell: Hashable {
        let table: TableKind
        let row: String
        let column: String
    }

    /// `texts` are the notes' words, one per diagnostic (default: `问题：` and its message);
    /// `involved` the cells each diagnostic's broken identity reads (`ReportChecks.involved`).
    init(_ diagnostics: [Diagnostic], texts: [String]? = nil, involved: [Int: [IdentityCheck.Cell]] = [:]) {
        self.diagnostics = diagnostics
        self.texts = texts ?? diagnostics.map { ($0.severity == .error ? "错误：" : "问题：") + $0.message }
        for (i, cells) in involved {
            guard let table = diagnostics[i].subject?.table, diagnostics[i].severity != .info else { continue }
            for c in cells { involving[Cell(table: table, row: c.row, column: c.column), default: []].append(i) }
        }
        for (i, d) in diagnostics.enumerated() where d.severity != .info {
            if let s = d.subject {
                byRef[Ref(table: s.table, row: s.row), default: []].append(i)
            } else if let line = d.line {
                byLine[line, default: []].append(i)
            }
        }
    }

    /// The id of the note (or summary entry) for diagnostic `i`: `d1`, `d2` … (1-based).
    static func noteID(_ i: Int) -> String { "d\(i + 1)" }

    /// The note ids a cell of `rows` in `column` should point at (`column == nil`: the row's
    /// label, which points at every note of the row).
    func describedBy(_ table: TableKind, rows: [String?], column: String? = nil) -> String {
        var found = indices(table, rows).filter { i in
            column == nil || diagnostics[i].subject?.column == nil || diagnostics[i].subject?.column == column
        }
        if let column {
            for row in rows.compactMap({ $0 }) { found += involving[Cell(table: table, row: row, column: column)] ?? [] }
        }
        return Array(Set(found)).sorted().map(Self.noteID).joined(separator: " ")
    }

    func describedBy(_ table: TableKind, row: String, column: String? = nil) -> String {
        describedBy(table, rows: [row], column: column)
    }

    /// Claims the unplaced diagnostics about `rows` of `table` and returns their note rows.
    mutating func notes(_ table: TableKind, rows: [String?], colspan: Int) -> [TableRowView] {
        let found = indices(table, rows).filter { !placed.contains($0) }
        placed.formUnion(found)
        return found.map { i in TableRowView(noteID: Self.noteID(i), colspan: colspan, text: texts[i], line: diagnostics[i].line) }
    }

    /// Claims the unplaced prose diagnostics on lines `lines` for a paragraph.
    mutating func claimText(_ lines: Range<Int>) -> [NoteView] {
        var claimed: [Int] = []
        if lines.count <= byLine.count {
            for line in lines { if let list = byLine[line] { claimed += list } }
        } else {
            for (line, list) in byLine where lines.contains(line) { claimed += list }
        }
        let found = Set(claimed).subtracting(placed).sorted()
        placed.formUnion(found)
        placedInText.formUnion(found)
        return found.map { NoteView(index: $0, text: texts[$0], line: diagnostics[$0].line) }
    }

    /// The diagnostics about any of `rows`, in report order.
    private func indices(_ table: TableKind, _ rows: [String?]) -> [Int] {
        var seen = Set<Int>()
        return rows.flatMap { byRef[Ref(table: table, row: $0)] ?? [] }.filter { seen.insert($0).inserted }.sorted()
    }
}
