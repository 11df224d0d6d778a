// One `<table>` as rows of cell texts, laid out on a regular grid the way a browser's text
// copy shows it: a cell spanning columns is followed by empty cells, and a cell spanning rows
// leaves an empty cell at its place in each row below. The recognisers then read merged
// labels (三、本年度办理结果 rowspan=22, 法人或其他组织 colspan=5) by position, the same as
// in a pasted text report.
//
//   <tr><td rowspan=2>规章</td><td colspan=2>1</td></tr>     规章 \t 1 \t ""
//   <tr><td>2</td><td>3</td></tr>                        →   ""   \t 2 \t 3
//
// A cell's text is all text inside it (nested tables, `<p>`, `<br>` included) with every run
// of whitespace made one space, so a cell never breaks its row. Rows with no text at all
// (Word's zero-height spacer rows) are left out. `colspan` is capped at 100 and a row at
// 1,000 columns, so a hostile span cannot blow up the output. A `<caption>` becomes one line at
// the top of the table (after the blank line that opens it).

/// The rows of one HTML table on a regular grid.
struct HTMLTableGrid {
    struct Row: Equatable {
        var cells: [String]
        /// Source line of the row's first text (of the `<tr>` when it has none).
        var line: Int
    }

    static let maxColumns = 1000

    private(set) var rows: [Row] = []
    /// The `<caption>` (often the table's title, 表二 …), `nil` when absent or empty.
    private(set) var caption: Row?

    init(table: Int, document: HTMLDocument, page: HTMLPage) {
        let nodes = document.nodes
        // Rows in order, through thead/tbody/tfoot; cells outside any <tr> form a row of their own.
        var rowCells: [(line: Int, cells: [Int])] = []
        var loose: [Int] = []
        var pending = Array(nodes[table].children.reversed())
        while let i = pending.popLast() {
            let node = nodes[i]
            switch node.name {
            case "tr":
                if !loose.isEmpty { rowCells.append((nodes[loose[0]].line, loose)); loose = [] }
                rowCells.append((node.line, node.children.filter { nodes[$0].tag == HTMLTag.td || nodes[$0].tag == HTMLTag.th }))
            case "td", "th":
                loose.append(i)
            case "caption":
                let (text, line) = Self.text(of: i, document: document, page: page)
                if caption == nil, !text.isEmpty { caption = Row(cells: [text], line: line) }
            case "table", "":
                break  // a nested table outside any cell, or text between rows: not part of the grid
            default:
                if !page.dropped[i] { pending.append(contentsOf: node.children.reversed()) }
            }
        }
        if !loose.isEmpty { rowCells.append((nodes[loose[0]].line, loose)) }

        // Remaining rows each column stays covered by a rowspan from above.
        var covered: [Int] = []
        for (_, cells) in rowCells {
            var out: [String] = []
            var firstLine: Int?
            var column = 0
            var newSpans: [(column: Int, rows: Int)] = []
            func skipCovered() {
                while column < covered.count, covered[column] > 0, out.count < Self.maxColumns {
                    out.append("")
                    column += 1
                }
            }
            for cell in cells {
                skipCovered()
                guard out.count < Self.maxColumns else { break }
                let (text, line) = Self.text(of: cell, document: document, page: page)
                if firstLine == nil, !text.isEmpty { firstLine = line }
                let start = column
                let span = max(1, min(nodes[cell].colspan, Self.maxColumns - out.count))
                out.append(text)
                for _ in 1..<span { out.append("") }
                column += span
                if nodes[cell].rowspan > 1 {
                    for c in start..<column { newSpans.append((c, nodes[cell].rowspan - 1)) }
                }
            }
            // Columns covered from above past the last cell still show as empty cells.
            if let lastCovered = covered.lastIndex(where: { $0 > 0 }) {
                while column <= lastCovered, out.count < Self.maxColumns { out.append(""); column += 1 }
            }
            for c in covered.indices where covered[c] > 0 { covered[c] -= 1 }
            for (c, remaining) in newSpans {
                if c >= covered.count { covered.append(contentsOf: repeatElement(0, count: c - covered.count + 1)) }
                covered[c] = max(covered[c], remaining)
            }
            // A row with no text is a spacer: left out.
            if let firstLine { rows.append(Row(cells: out, line: firstLine)) }
        }
    }

    /// A cell's text with all whitespace collapsed, and the line where it begins.
    static func text(of cell: Int, document: HTMLDocument, page: HTMLPage) -> (String, Int) {
        let nodes = document.nodes
        var run = HTMLTextRun()
        var stack = [cell]
        while let i = stack.popLast() {
            let node = nodes[i]
            if node.isText {
                run.appendText(i, of: document)
            } else if !page.dropped[i] {
                // Block boundaries inside a cell (p, br, nested rows and cells) are spaces.
                if i != cell, node.tag == HTMLTag.br || HTMLLineBuilder.blockTags.contains(node.tag) || node.tag == HTMLTag.table {
                    run.space()
                }
                stack.append(contentsOf: node.children.reversed())
            }
        }
        let line = run.isEmpty ? nodes[cell].line : run.startLine
        return (run.take(), line)
    }
}
