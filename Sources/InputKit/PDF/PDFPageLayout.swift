import Foundation

/// One PDF page as blocks, top to bottom: lines of prose and ruled tables (as rows of cell
/// texts), with page numbers and running heads taken out.
struct PDFPageLayout: Sendable {
    enum Block: Sendable {
        case line(PDFTextLine)
        case table(PDFTableRows)
    }

    var number: Int
    var blocks: [Block]
    /// The left and right edges of the page's prose (points), for telling an indent and a line
    /// that stops short (the end of a paragraph).
    var left: Double
    var right: Double

    /// Lays out one page. `rules` are its ruling lines (none when the page was not rendered);
    /// `furniture` says which lines in the top and bottom margins are page numbers or running
    /// heads (decided across the document by `PDFFurniture`).
    init(_ page: PDFPageContent, rules: [PDFRule], furniture: (PDFTextLine) -> Bool) {
        number = page.number
        let tables = PDFTable.find(in: rules)
        var tableGlyphs = Array(repeating: [PDFGlyph](), count: tables.count)
        var prose: [PDFGlyph] = []
        for g in page.glyphs {
            if let t = tables.firstIndex(where: { $0.contains(g) }) { tableGlyphs[t].append(g) } else { prose.append(g) }
        }
        var items: [(top: Double, block: Block)] = []
        for (t, table) in tables.enumerated() {
            let rows = table.textRows(tableGlyphs[t])
            // Rules round fewer than two rows of two cells with text (and no row of three, as the
            // last row of a table alone at the top of a page is) are a box round a heading, a
            // seal or a frame, not a table: their text is prose.
            let filled = rows.cells.map { $0.filter { !$0.isEmpty }.count }
            if (rows.cells.count >= 2 && filled.contains { $0 >= 2 }) || filled.contains(where: { $0 >= 3 }) {
                items.append((table.top, .table(rows)))
            } else {
                prose += tableGlyphs[t]
            }
        }
        let lines = PDFTextLine.group(prose).filter { !furniture($0) }
        for line in lines { items.append((line.y0, .line(line))) }
        blocks = items.sorted { $0.top < $1.top }.map(\.block)
        (left, right) = Self.margins(lines, width: page.width)
    }

    /// The prose edges: where most long lines start and end.
    static func margins(_ lines: [PDFTextLine], width: Double) -> (Double, Double) {
        let long = lines.filter { $0.glyphs.count >= 8 && !$0.text.contains("\t") }
        guard !long.isEmpty else { return (0, width) }
        let lefts = long.map(\.x0).sorted(), rights = long.map(\.x1).sorted()
        return (lefts[lefts.count / 4], rights[rights.count * 3 / 4])
    }

    /// Whether any line of the page shows a gap wider than one and a half text heights, as
    /// table rows do between their cells; only such pages are rendered to look for rules.
    static func mayHoldTable(_ page: PDFPageContent) -> Bool {
        for line in PDFTextLine.group(page.glyphs) {
            let em = line.height
            for (a, b) in zip(line.glyphs, line.glyphs.dropFirst()) where b.x0 - a.x1 > 1.5 * em { return true }
        }
        return false
    }
}

/// Page numbers and running heads: lines in the top or bottom eighth of a page that look like a
/// page number (`- 3 -`, `第 3 页`, `3/12`, a number alone), or whose text (digits aside)
/// repeats there on other pages.
struct PDFFurniture: Sendable {
    static let margin = 0.12

    private var repeated: Set<String> = []

    init(_ pages: [(page: PDFPageContent, lines: [PDFTextLine])]) {
        var seen: [String: Set<Int>] = [:]
        for (page, lines) in pages {
            for line in lines where Self.inMargin(line, page) { seen[Self.key(line.text), default: []].insert(page.number) }
        }
        repeated = Set(seen.filter { $0.value.count >= 2 && $0.value.count * 5 >= pages.count * 2 }.keys)
    }

    func isFurniture(_ line: PDFTextLine, on page: PDFPageContent) -> Bool {
        guard Self.inMargin(line, page) else { return false }
        return Self.isPageNumber(line.text) || repeated.contains(Self.key(line.text))
    }

    static func inMargin(_ line: PDFTextLine, _ page: PDFPageContent) -> Bool {
        line.y1 <= page.height * margin || line.y0 >= page.height * (1 - margin)
    }

    static func key(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map { ("0"..."9").contains($0) ? "#" : Character($0) })
    }

    static func isPageNumber(_ text: String) -> Bool {
        let c = text.filter { !$0.isWhitespace }
        return c.range(of: #"^([-—–−]*[0-9]+[-—–−]*|第[0-9]+页(，?共[0-9]+页)?|[0-9]+/[0-9]+|[Pp]age[0-9]+(of[0-9]+)?)$"#,
                       options: .regularExpression) != nil
    }
}
