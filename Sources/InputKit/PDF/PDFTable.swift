/// The text of a table on one page, laid out on its grid, with how many rows each cell spans
/// (0 for a box covered by a cell above or to the left).
struct PDFTableRows: Sendable, Equatable {
    var cells: [[String]] = []
    var rowSpans: [[Int]] = []
}

/// A ruled table on one PDF page: the grid its rules draw, and the cells (boxes of the grid
/// with no rule between them, merged cells included) that the text falls in.
///
/// ```
///  ┌────┬────┬────┐      grid lines xs = [x0 x1 x2 x3], ys = [y0 y1 y2]
///  │规章 │ 1  │    │      the box at row 0 column 1 has no rule on its right: one cell
///  │    ├────┼────┤      spanning columns 1–2; 规章 has none below: one cell spanning rows
///  │    │ 2  │ 3  │      0–1. Laid out as the HTML reader lays out spans:
///  └────┴────┴────┘      规章 ⇥ 1 ⇥ ""   /   "" ⇥ 2 ⇥ 3
/// ```
struct PDFTable: Sendable {
    /// The grid's lines, left to right and top to bottom.
    var xs: [Double]
    var ys: [Double]
    /// For each grid box (row-major), the cell it belongs to: the index of the cell's first box.
    var cellOf: [Int]

    var columns: Int { xs.count - 1 }
    var rows: Int { ys.count - 1 }
    var top: Double { ys[0] }
    var bottom: Double { ys[ys.count - 1] }

    /// How far (points) rules may miss each other and still meet.
    static let tolerance = 2.0

    func contains(_ g: PDFGlyph) -> Bool {
        g.midX > xs[0] && g.midX < xs[xs.count - 1] && g.midY > ys[0] && g.midY < ys[ys.count - 1]
    }

    /// The rows of text on a regular grid: each cell's text in its first box and "" in the other
    /// boxes it covers. Grid rows and columns in which no cell with text starts are left out
    /// (slivers between rules that almost meet, spacer rows), as the HTML reader leaves out
    /// empty rows.
    func textRows(_ glyphs: [PDFGlyph]) -> PDFTableRows {
        var byCell: [Int: [PDFGlyph]] = [:]
        for g in glyphs {
            guard let c = xs.lastIndex(where: { $0 <= g.midX }), c < columns,
                  let r = ys.lastIndex(where: { $0 <= g.midY }), r < rows else { continue }
            byCell[cellOf[r * columns + c], default: []].append(g)
        }
        var text: [Int: String] = [:]
        for (cell, gs) in byCell { text[cell] = PDFTextLine.joinedText(gs) }
        let usedRows = Set(text.keys.map { $0 / columns }).sorted()
        let usedColumns = Set(text.keys.map { $0 % columns }).sorted()
        // How many of the rows kept each cell covers.
        var rowsCovered: [Int: Int] = [:]
        for r in usedRows {
            var seen = Set<Int>()
            for c in usedColumns where seen.insert(cellOf[r * columns + c]).inserted {
                rowsCovered[cellOf[r * columns + c], default: 0] += 1
            }
        }
        var out = PDFTableRows()
        for r in usedRows {
            var cells: [String] = [], spans: [Int] = []
            for c in usedColumns {
                let box = r * columns + c
                let first = cellOf[box] == box
                cells.append(first ? text[box] ?? "" : "")
                spans.append(first ? rowsCovered[box] ?? 1 : 0)
            }
            out.cells.append(cells)
            out.rowSpans.append(spans)
        }
        return out
    }

    /// The tables the rules of one page draw: each group of rules that touch one another and
    /// holds at least two horizontal and two vertical lines.
    static func find(in rules: [PDFRule]) -> [PDFTable] {
        let t = tolerance
        var parent = Array(rules.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for i in rules.indices {
            for j in rules.indices where j > i && touch(rules[i], rules[j], t) {
                let (a, b) = (root(i), root(j))
                if a != b { parent[a] = b }
            }
        }
        var groups: [Int: [PDFRule]] = [:]
        for i in rules.indices { groups[root(i), default: []].append(rules[i]) }
        return groups.values.compactMap(table).sorted { $0.top < $1.top }
    }

    static func touch(_ a: PDFRule, _ b: PDFRule, _ t: Double) -> Bool {
        if a.axis == b.axis {
            return abs(a.at - b.at) <= t && a.from <= b.to + t && b.from <= a.to + t
        }
        return b.at >= a.from - t && b.at <= a.to + t && a.at >= b.from - t && a.at <= b.to + t
    }

    static func table(_ rules: [PDFRule]) -> PDFTable? {
        let h = rules.filter { $0.axis == .horizontal }, v = rules.filter { $0.axis == .vertical }
        var ys = positions(h.map(\.at)), xs = positions(v.map(\.at))
        guard !ys.isEmpty, !xs.isEmpty else { return nil }
        // A table cut by a page break has no rule on its open side: the cells end where the
        // rules across them do.
        extend(&ys, to: v.map(\.from).min()!, v.map(\.to).max()!)
        extend(&xs, to: h.map(\.from).min()!, h.map(\.to).max()!)
        guard ys.count >= 2, xs.count >= 2 else { return nil }
        let columns = xs.count - 1, rows = ys.count - 1
        guard rows * columns <= 100_000 else { return nil }
        // A box's right (bottom) edge is drawn when rules on that line cover most of it.
        func covered(_ rules: [PDFRule], at: Double, from: Double, to: Double) -> Bool {
            let spans = rules.filter { abs($0.at - at) <= tolerance && $0.to > from && $0.from < to }
                .map { (max($0.from, from), min($0.to, to)) }.sorted { $0.0 < $1.0 }
            var length = 0.0, reach = from
            for s in spans where s.1 > reach { length += s.1 - max(s.0, reach); reach = s.1 }
            return length >= (to - from) / 2
        }
        var parent = Array(0..<(rows * columns))
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func join(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for r in 0..<rows {
            for c in 0..<columns {
                if c + 1 < columns, !covered(v, at: xs[c + 1], from: ys[r], to: ys[r + 1]) { join(r * columns + c, r * columns + c + 1) }
                if r + 1 < rows, !covered(h, at: ys[r + 1], from: xs[c], to: xs[c + 1]) { join(r * columns + c, (r + 1) * columns + c) }
            }
        }
        // Each cell is named by its first box (top left, in row-major order): the smallest index.
        let cellOf = (0..<(rows * columns)).map(root)
        return PDFTable(xs: xs, ys: ys, cellOf: cellOf)
    }

    static func extend(_ lines: inout [Double], to low: Double, _ high: Double) {
        if low < lines[0] - 2 * tolerance { lines.insert(low, at: 0) }
        if high > lines[lines.count - 1] + 2 * tolerance { lines.append(high) }
    }

    /// Positions of parallel rules, those within the tolerance of one another made one.
    static func positions(_ values: [Double]) -> [Double] {
        var out: [Double] = []
        var group: [Double] = []
        for v in values.sorted() {
            if let last = group.last, v - last > tolerance {
                out.append(group.reduce(0, +) / Double(group.count))
                group = []
            }
            group.append(v)
        }
        if !group.isEmpty { out.append(group.reduce(0, +) / Double(group.count)) }
        return out
    }
}
