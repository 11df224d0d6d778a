/// Puts each diagnostic next to the table row it is about, by line number: a diagnostic
/// whose `line` is the line of a row or of one of its cells is noted under that row (once,
/// at the first row that claims it), and the cells on that line get a ⚠ mark pointing at
/// the note. Diagnostics no row claims stay in the summary at the top of the page.
///
/// Diagnostics about prose (a figure in the text that disagrees with a table) are then placed
/// under the paragraph whose lines hold them (`claimText`), after every table has claimed its own.
///
/// Info diagnostics (encoding detected …) are never placed: they are not problems.
struct DiagnosticPlacement {
    let diagnostics: [Diagnostic]
    private var byLine: [Int: [Int]] = [:]
    /// Indices (into `diagnostics`) already noted under a row.
    private(set) var placed: Set<Int> = []
    /// Those of `placed` that sit under a paragraph rather than a table row.
    private(set) var placedInText: Set<Int> = []

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
        for (i, d) in diagnostics.enumerated() where d.severity != .info {
            if let line = d.line { byLine[line, default: []].append(i) }
        }
    }

    /// The id of the note (or summary entry) for diagnostic `i`: `d1`, `d2` … (1-based).
    static func noteID(_ i: Int) -> String { "d\(i + 1)" }

    /// The note ids a cell on `line` should point at.
    func describedBy(line: Int?) -> String {
        guard let line, let list = byLine[line] else { return "" }
        return list.map(Self.noteID).joined(separator: " ")
    }

    /// Claims the unplaced diagnostics on lines `lines` for a paragraph.
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
        return found.map { NoteView(index: $0, diagnostic: diagnostics[$0]) }
    }

    /// Claims the diagnostics on any of `lines` that no earlier row claimed, and returns
    /// their note rows.
    mutating func notes(for lines: [Int?], colspan: Int) -> [TableRowView] {
        var claimed: Set<Int> = []
        for line in lines {
            guard let line, let list = byLine[line] else { continue }
            for i in list where !placed.contains(i) { claimed.insert(i) }
        }
        let found = claimed.sorted()
        placed.formUnion(claimed)
        return found.map { i in
            let d = diagnostics[i]
            let kind = d.severity == .error ? "错误" : "问题"
            return TableRowView(noteID: Self.noteID(i), colspan: colspan, text: "\(kind)：\(d.message)", line: d.line)
        }
    }
}
