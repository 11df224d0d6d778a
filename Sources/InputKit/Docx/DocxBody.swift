import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The body of `word/document.xml` as the lines of the rendition:
///
/// - a paragraph (`w:p`) is one line: the number Word prints before it when it is in a numbered
///   list (`DocxNumbering`), the text of its runs (`w:t`), a tab (`w:tab`) as one tab
///   (runs of them as one: Word aligns with several), a line break (`w:br`, `w:cr`) as a new
///   line; deleted text (`w:delText`), field codes (`w:instrText`) and the fallback copy of a
///   drawing (`mc:Fallback`) are left out; empty paragraphs leave no line;
/// - a table (`w:tbl`) is one tab-separated line per row, with a blank line before and after:
///   `w:gridBefore` gives empty cells in front, a cell spanning `w:gridSpan` columns is its
///   text and empty cells after it, a cell that continues a vertical merge (`w:vMerge` without
///   `restart`) is an empty cell, and a row with no text is left out — the grid the HTML reader
///   builds from `colspan` and `rowspan`. The paragraphs of a cell are joined by spaces, and a
///   table inside a cell is part of the cell's text;
/// - a table of one column is a frame (a box round a note, a whole report laid in one cell):
///   what it holds is read as if it were not there.
enum DocxBody {
    /// The widest row laid out (as the HTML reader's): a hostile `gridSpan` cannot blow up the output.
    static let maxColumns = 1000

    struct Problem: Error {
        var line: Int
        var reason: String

        var diagnostic: Diagnostic {
            .error("file.damaged", "Word 文件内容已损坏（word/document.xml 第 \(line) 行：\(reason)）；请在 Word 或 WPS 中重新保存，或另存为 PDF", line: nil)
        }
    }

    static func lines(_ xml: Data, numbering: DocxNumbering = DocxNumbering(numbering: nil, styles: nil)) -> Result<[String], Problem> {
        let walker = Walker(numbering: numbering)
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = walker
        guard parser.parse() else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "无法解析"
            return .failure(Problem(line: parser.lineNumber, reason: reason))
        }
        guard walker.depth == 0 else { return .failure(Problem(line: parser.lineNumber, reason: "文件不完整")) }
        var lines = walker.lines
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        return .success(lines)
    }

    /// One table being read: its rows laid out, the row and the cell being read.
    struct Table {
        var rows: [[String]] = []
        var row: [String] = []
        var cell: String = ""
        var span = 1
        var continuesMerge = false
        /// Columns in its grid (`w:tblGrid`).
        var gridColumns = 0
    }

    final class Walker: NSObject, XMLParserDelegate {
        var lines: [String] = []
        /// A paragraph being read: its text, and the numbering its properties ask for.
        struct Paragraph {
            var text = ""
            var style: String?
            var list: String?
            var level: Int?
        }
        /// Paragraphs being read, innermost last (a text box's paragraph sits inside another).
        var paragraphs: [Paragraph] = []
        var numbering: DocxNumbering
        /// Inside a paragraph's properties (`w:pPr`), where its style and numbering are.
        var inProperties = 0

        init(numbering: DocxNumbering) {
            self.numbering = numbering
        }
        /// The tables being read, innermost last (frames of one column are not among them).
        var tables: [Table] = []
        /// For every table open, innermost last: whether it is read as a table (not a frame).
        var real: [Bool] = []
        var inText = false
        /// Depth inside elements whose content is not part of the text.
        var skipping = 0

        static let skipped: Set<String> = ["w:delText", "w:instrText", "mc:Fallback", "w:rPr", "w:pPr"]

        /// Elements open: not 0 at the end of a document cut short.
        var depth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            depth += 1
            if name == "w:pPr" { inProperties += 1 }
            if inProperties > 0, !paragraphs.isEmpty {
                let value = attributes["w:val"]
                switch name {
                case "w:pStyle": paragraphs[paragraphs.count - 1].style = value
                case "w:numId": paragraphs[paragraphs.count - 1].list = value
                case "w:ilvl": paragraphs[paragraphs.count - 1].level = value.flatMap { Int($0) }
                default: break
                }
            }
            if skipping > 0 || Self.skipped.contains(name) {
                // Cell properties live in w:tcPr, not inside the skipped run/paragraph properties.
                skipping += 1
                return
            }
            switch name {
            case "w:p":
                paragraphs.append(Paragraph())
            case "w:t":
                inText = true
            case "w:tab":
                if let last = paragraphs.indices.last, !paragraphs[last].text.hasSuffix("\t") { paragraphs[last].text += "\t" }
            case "w:br", "w:cr":
                if tables.isEmpty, !paragraphs.isEmpty {
                    let done = paragraphs.removeLast()
                    emit(label(of: done) + done.text)
                    paragraphs.append(Paragraph())
                } else if !paragraphs.isEmpty {
                    paragraphs[paragraphs.count - 1].text += " "
                }
            case "w:noBreakHyphen":
                if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text += "-" }
            case "w:tbl":
                tables.append(Table())
                real.append(true)
            case "w:gridCol":
                if real.last == true, tables[tables.count - 1].rows.isEmpty { tables[tables.count - 1].gridColumns += 1 }
            case "w:tr":
                guard real.last == true else { break }
                if tables[tables.count - 1].gridColumns == 1 && tables[tables.count - 1].rows.isEmpty {
                    // A table of one column is a frame round the text (a box round a note, or
                    // the whole report laid in a one-cell table): its contents are read as if
                    // it were not there.
                    tables.removeLast()
                    real[real.count - 1] = false
                } else {
                    tables[tables.count - 1].row = []
                }
            case "w:gridBefore":
                if real.last == true, let n = count(attributes["w:val"]) {
                    tables[tables.count - 1].row += Array(repeating: "", count: n)
                }
            case "w:tc":
                if real.last == true {
                    tables[tables.count - 1].cell = ""
                    tables[tables.count - 1].span = 1
                    tables[tables.count - 1].continuesMerge = false
                }
            case "w:gridSpan":
                if real.last == true, let n = count(attributes["w:val"]) { tables[tables.count - 1].span = n }
            case "w:vMerge":
                if real.last == true { tables[tables.count - 1].continuesMerge = attributes["w:val"] != "restart" }
            case "w:hMerge":
                if real.last == true, attributes["w:val"] != "restart" { tables[tables.count - 1].continuesMerge = true }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            if name == "w:pPr" { inProperties -= 1 }
            if skipping > 0 { skipping -= 1; return }
            switch name {
            case "w:t":
                inText = false
            case "w:p":
                guard let paragraph = paragraphs.popLast() else { return }
                let text = label(of: paragraph) + paragraph.text
                if tables.isEmpty {
                    emit(text)
                } else {
                    let t = Self.collapse(text.replacingOccurrences(of: "\t", with: " "))
                    if !t.isEmpty {
                        let cell = tables[tables.count - 1].cell
                        tables[tables.count - 1].cell = cell.isEmpty ? t : cell + " " + t
                    }
                }
            case "w:tc":
                guard real.last == true else { return }
                var t = tables.removeLast()
                t.row.append(t.continuesMerge ? "" : t.cell)
                t.row += Array(repeating: "", count: max(0, min(t.span, DocxBody.maxColumns) - 1))
                if t.row.count > DocxBody.maxColumns { t.row.removeLast(t.row.count - DocxBody.maxColumns) }
                tables.append(t)
            case "w:tr":
                guard real.last == true else { return }
                let row = tables[tables.count - 1].row
                if row.contains(where: { !$0.isEmpty }) { tables[tables.count - 1].rows.append(row) }
                tables[tables.count - 1].row = []
            case "w:tbl":
                guard real.popLast() == true, let t = tables.popLast() else { return }
                if tables.isEmpty {
                    lines.append("")
                    lines += t.rows.map { $0.joined(separator: "\t") }
                    lines.append("")
                } else {
                    // A table inside a cell: its text joins the cell's.
                    let text = t.rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: " ")
                    let cell = tables[tables.count - 1].cell
                    tables[tables.count - 1].cell = cell.isEmpty ? text : cell + " " + text
                }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard inText, skipping == 0, !paragraphs.isEmpty else { return }
            paragraphs[paragraphs.count - 1].text += string
        }

        /// The number Word prints before a numbered paragraph (`三、`), "" for none.
        func label(of paragraph: Paragraph) -> String {
            numbering.label(list: paragraph.list, level: paragraph.level, style: paragraph.style) ?? ""
        }

        /// A body paragraph as a line: spaces at its ends and around tabs trimmed, a run of
        /// tabs one tab.
        func emit(_ text: String) {
            let t = text.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: "\t")
            if !t.isEmpty { lines.append(t) }
        }

        func count(_ value: String?) -> Int? {
            guard let v = value.flatMap({ Int($0) }), v > 0 else { return nil }
            return min(v, DocxBody.maxColumns)
        }

        /// Whitespace runs made one space, as the HTML reader does inside a cell.
        static func collapse(_ text: String) -> String {
            text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        }
    }
}
