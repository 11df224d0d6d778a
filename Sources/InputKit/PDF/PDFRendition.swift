/// Lays out a PDF's pages as the text the parser reads and the source page shows, the same
/// shape as an HTML page's: one line per paragraph, one tab-separated line per table row with
/// a blank line before and after each table.
///
/// - A paragraph's lines are joined: a line continues the one above when that one runs to the
///   right edge and this one starts at the left edge (not indented), without a larger gap, in
///   the same text size — also across a page break.
/// - A table that ends one page and starts the next is one table: header rows repeated at the
///   top of the next page are dropped, and a row split by the break is joined again.
/// - Each new page is marked by a line `第 N 页` (the physical page), which the parser skips
///   like a printed page number; a paragraph or table row running over the break is marked
///   after the paragraph, or between the rows.
struct PDFRendition {
    private(set) var lines: [String] = []
    private var paragraph: (text: String, last: PDFTextLine, right: Double)?
    private var openTable: OpenTable?
    private var pendingMark: String?
    private var firstOnPage = false

    static func text(_ pages: [PDFPageLayout]) -> String {
        var r = PDFRendition()
        for page in pages { r.add(page) }
        r.flush()
        r.closeTable()
        while r.lines.last == "" { r.lines.removeLast() }
        return r.lines.joined(separator: "\n") + "\n"
    }

    mutating func add(_ page: PDFPageLayout) {
        if page.number > 1 { pendingMark = "第 \(page.number) 页" }
        firstOnPage = true
        for block in page.blocks {
            switch block {
            case .line(let line):
                add(line, page: page)
            case .table(let rows):
                add(rows)
            }
            firstOnPage = false
        }
    }

    private mutating func add(_ line: PDFTextLine, page: PDFPageLayout) {
        let text = line.text
        if let p = paragraph, !text.contains("\t"), continues(p.last, rightEdge: p.right, line, page: page) {
            paragraph?.text += Self.joiner(p.text, text) + text
            paragraph?.last = line
            return
        }
        flush()
        closeTable()
        emitMark()
        if text.contains("\t") {
            lines.append(text)
        } else {
            paragraph = (text, line, page.right)
        }
    }

    /// Whether `line` goes on with the paragraph whose last line is `previous`: that line runs to
    /// the right edge (or stops short only because the Latin word or number that starts this
    /// one did not fit) and this one starts at the left edge; or both are centred and the first
    /// fills the width (a wrapped title).
    private func continues(_ previous: PDFTextLine, rightEdge: Double, _ line: PDFTextLine, page: PDFPageLayout) -> Bool {
        let em = max(previous.height, line.height)
        guard abs(previous.height - line.height) <= 0.25 * em else { return false }
        if firstOnPage, openTable != nil { return false }
        if !firstOnPage, line.y0 - previous.y1 > 1.2 * em || line.y0 < previous.y1 - em / 2 { return false }
        let word = Self.leadingWordWidth(line)
        let full = previous.x1 >= rightEdge - 1.5 * em || (word > 0 && previous.x1 + word + em / 2 > rightEdge)
        if full && line.x0 <= page.left + 0.8 * em { return true }
        let middle = (page.left + page.right) / 2
        let centred = { (l: PDFTextLine) in abs((l.x0 + l.x1) / 2 - middle) < em }
        return centred(previous) && centred(line) && previous.x1 - previous.x0 >= page.right - page.left - 3 * em
    }

    /// The width of the Latin word or number a line starts with (0 when it starts with CJK).
    static func leadingWordWidth(_ line: PDFTextLine) -> Double {
        guard let first = line.glyphs.first, first.scalar.isASCII else { return 0 }
        var last = first
        for g in line.glyphs.dropFirst() {
            guard g.scalar.isASCII, g.x0 - last.x1 < line.height / 4 else { break }
            last = g
        }
        return last.x1 - first.x0
    }

    /// Nothing between two CJK lines; a space where a Latin word runs on.
    static func joiner(_ a: String, _ b: String) -> String {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return "" }
        return x.isASCII && x.properties.isAlphabetic && y.isASCII && y.properties.isAlphabetic ? " " : ""
    }

    /// The table being written: its rows so far, and the line each row is on.
    struct OpenTable {
        var rows: PDFTableRows
        var lineIndex: [Int]
    }

    private mutating func add(_ part: PDFTableRows) {
        flush()
        guard var table = openTable, firstOnPage else {
            closeTable()
            emitMark()
            lines.append("")
            openTable = OpenTable(rows: PDFTableRows(), lineIndex: [])
            append(part)
            return
        }
        // The table goes on from the page before.
        var part = part
        let repeated = zip(table.rows.cells, part.cells).prefix { a, b in
            a.filter { !$0.isEmpty } == b.filter { !$0.isEmpty } && !a.joined().contains { $0.isASCII && $0.isNumber }
        }.count
        part.cells.removeFirst(repeated)
        part.rowSpans.removeFirst(repeated)
        if let split = Self.joinSplitRow(table.rows.cells.last, part.cells.first) {
            table.rows.cells[table.rows.cells.count - 1] = split
            lines[table.lineIndex[table.lineIndex.count - 1]] = split.joined(separator: "\t")
            part.cells.removeFirst()
            part.rowSpans.removeFirst()
        } else {
            Self.continueMergedCells(&table, &part)
            for r in table.lineIndex.indices { lines[table.lineIndex[r]] = table.rows.cells[r].joined(separator: "\t") }
            if let first = part.cells.first, first.allSatisfy(\.isEmpty) {
                part.cells.removeFirst()
                part.rowSpans.removeFirst()
            }
        }
        openTable = table
        emitMark()
        append(part)
    }

    private mutating func append(_ part: PDFTableRows) {
        for (cells, spans) in zip(part.cells, part.rowSpans) {
            openTable?.rows.cells.append(cells)
            openTable?.rows.rowSpans.append(spans)
            openTable?.lineIndex.append(lines.count)
            lines.append(cells.joined(separator: "\t"))
        }
    }

    /// A cell merged over rows that a page break cut in two (`（四）无` / `法提供`): the text at the
    /// top of the new page's part, in a cell spanning rows on either side of the break, that
    /// does not start a numbered item, joins the text of the cell it continues.
    static func continueMergedCells(_ table: inout OpenTable, _ part: inout PDFTableRows) {
        guard let first = part.cells.first, let last = table.rows.cells.last, first.count == last.count else { return }
        let count = table.rows.cells.count
        for c in first.indices where !first[c].isEmpty && (CellValue.parse(first[c]) ?? nil) == nil && !startsItem(first[c]) {
            guard let r = (0..<count).last(where: { !table.rows.cells[$0][c].isEmpty }),
                  r + table.rows.rowSpans[r][c] == count,
                  CellValue.parse(table.rows.cells[r][c]) == nil,
                  table.rows.rowSpans[r][c] > 1 || part.rowSpans[0][c] > 1 else { continue }
            table.rows.cells[r][c] += first[c]
            part.cells[0][c] = ""
        }
    }

    /// `（五）…`, `(5)…`, `五、…`, `5.…`, `5、…`: the start of a numbered item.
    static func startsItem(_ text: String) -> Bool {
        text.range(of: #"^\s*([（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.、．])"#, options: .regularExpression) != nil
    }

    /// A row a page break cut in two, joined again: a cell's text runs on from one half into
    /// the other (a column with text in both halves, numbers in neither, and the second half
    /// not the start of an item such as `（一）…` or `其中：…`), the other cells of
    /// one half are empty in the other (where the rest of that half's text is), and no column
    /// has a number and any other text in its two halves (a number under a label or a number
    /// starts a row). `nil` when the two rows are rows of their own.
    static func joinSplitRow(_ a: [String]?, _ b: [String]?) -> [String]? {
        guard let a, let b, a.count == b.count else { return nil }
        let number = { (s: String) in (CellValue.parse(s) ?? nil) != nil }
        var runsOn = false
        var aHasMore = false, bHasMore = false
        for (x, y) in zip(a, b) {
            // A number under a number, or under a label, starts a row of its own.
            if number(y) && !x.isEmpty || number(x) && !y.isEmpty { return nil }
            if !x.isEmpty && !y.isEmpty && !number(x) && !number(y) {
                // Text that starts an item (`（一）…`, `其中：…`) or a unit (`件`) starts its own row.
                if startsItem(y) || y.hasPrefix("其中") || x.count < 4 { return nil }
                runsOn = true
            }
            if !x.isEmpty && y.isEmpty { aHasMore = true }
            if x.isEmpty && !y.isEmpty { bHasMore = true }
        }
        guard runsOn, !(aHasMore && bHasMore) else { return nil }
        return zip(a, b).map { $0 + $1 }
    }

    private mutating func flush() {
        guard let p = paragraph else { return }
        lines.append(p.text)
        paragraph = nil
    }

    private mutating func closeTable() {
        guard openTable != nil else { return }
        lines.append("")
        openTable = nil
    }

    private mutating func emitMark() {
        guard let mark = pendingMark else { return }
        lines.append(mark)
        pendingMark = nil
    }
}
