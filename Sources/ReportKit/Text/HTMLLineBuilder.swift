// Writes part of an `HTMLDocument` as numbered lines (see `HTMLText` for the rules). The walk
// is iterative (a page nested ten thousand deep must not overflow the stack) and appends
// bytes, building one `String` per finished line.

/// Collects text with HTML whitespace rules, remembering where it began.
struct HTMLTextRun {
    var buffer: [UInt8] = []
    var pendingSpace = false
    /// Source line and node of the first character in `buffer`.
    var startLine = 0
    var origin = 0

    var isEmpty: Bool { buffer.isEmpty }

    /// A collapsible space (never at the start of a run, never doubled).
    mutating func space() {
        if !buffer.isEmpty { pendingSpace = true }
    }

    mutating func append<S: Sequence<UInt8>>(_ bytes: S, line: Int, node: Int) {
        if buffer.isEmpty {
            startLine = line
            origin = node
        } else if pendingSpace {
            buffer.append(0x20)
        }
        pendingSpace = false
        buffer.append(contentsOf: bytes)
    }

    /// Appends kept whitespace (inside `<pre>`), which a later character does not collapse.
    mutating func appendPreserved(_ byte: UInt8, line: Int, node: Int) {
        append(CollectionOfOne(byte), line: line, node: node)
    }

    mutating func take() -> String {
        let text = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll(keepingCapacity: true)
        pendingSpace = false
        return text
    }

    /// Appends the text node `index` of `document`, decoding references. `preserve` keeps
    /// spaces and tabs and calls `lineBreak` at each line break (for `<pre>`); otherwise every
    /// run of whitespace, U+00A0 included, is one collapsible space.
    mutating func appendText(_ index: Int, of document: HTMLDocument, preserve: Bool = false,
                             lineBreak: (inout HTMLTextRun) -> Void = { _ in }) {
        let node = document.nodes[index]
        var line = node.line
        let end = node.textEnd
        document.bytes.withUnsafeBufferPointer { b in
            var k = node.textStart
            while k < end {
                let c = b[k]
                switch c {
                case 0x0A, 0x0D:
                    if preserve { lineBreak(&self) } else { space() }
                    if c == 0x0A || !(k + 1 < end && b[k + 1] == 0x0A) { line += 1 }
                    k += 1
                case 0x20, 0x09, 0x0C:
                    if preserve { appendPreserved(c == 0x0C ? 0x20 : c, line: line, node: index) } else { space() }
                    k += 1
                case 0xC2 where k + 1 < end && b[k + 1] == 0xA0:
                    if preserve { appendPreserved(0x20, line: line, node: index) } else { space() }
                    k += 2
                case UInt8(ascii: "&"):
                    guard let (scalar, length) = HTMLEntities.decode(b, at: k, end: end) else {
                        append(CollectionOfOne(c), line: line, node: index)
                        k += 1
                        continue
                    }
                    k += length
                    switch scalar {
                    case "\u{A0}", " ", "\t", "\n", "\r":
                        if preserve { appendPreserved(0x20, line: line, node: index) } else { space() }
                    case "\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}":
                        break  // invisible: soft hyphen, zero-width joiners
                    default:
                        append(UTF8.encode(scalar)!, line: line, node: index)
                    }
                default:
                    // A whole UTF-8 sequence at once, so a run never ends mid-character.
                    let length = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                    let stop = min(k + length, end)
                    append(UnsafeBufferPointer(rebasing: b[k..<stop]), line: line, node: index)
                    k = stop
                }
            }
        }
    }
}

/// Turns the report body's subtree into lines.
struct HTMLLineBuilder {
    struct Line: Equatable {
        var text: String
        var number: Int
        /// The node the line's text came from (its table, for table rows and the blanks
        /// around them), to tell which lines fall inside the report body.
        var origin: Int
        var inTable: Bool
    }

    let document: HTMLDocument
    let page: HTMLPage
    private(set) var lines: [Line] = []

    static let blockTags = HTMLTagSet(blockElements)

    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
        "p", "pre", "section", "summary", "td", "th", "tr", "ul", "listing", "table",
    ]

    init(document: HTMLDocument, page: HTMLPage) {
        self.document = document
        self.page = page
    }

    mutating func walk(_ root: Int) {
        let nodes = document.nodes
        var out = lines
        var run = HTMLTextRun()
        var preDepth = 0
        lines = []
        var stack = [root]
        while let item = stack.popLast() {
            if item < 0 {
                let i = ~item
                if nodes[i].tag == HTMLTag.pre || nodes[i].tag == HTMLTag.listing { preDepth -= 1 }
                Self.finish(&run, into: &out)
                continue
            }
            let node = nodes[item]
            if node.isText {
                run.appendText(item, of: document, preserve: preDepth > 0) { run in
                    Self.finish(&run, into: &out)
                }
                continue
            }
            if page.chrome[item] { continue }
            switch node.name {
            case "table" where !page.holdsReportBody(item):
                Self.finish(&run, into: &out)
                emitTable(item, into: &out)
                continue
            case "br", "hr":
                Self.finish(&run, into: &out)
                continue
            case "pre", "listing":
                preDepth += 1
            default:
                break
            }
            if Self.blockTags.contains(node.tag) {
                Self.finish(&run, into: &out)
                stack.append(~item)
            }
            stack.append(contentsOf: node.children.reversed())
        }
        Self.finish(&run, into: &out)
        lines = out
    }

    /// Ends the current line; a line of nothing but spaces is no line.
    private static func finish(_ run: inout HTMLTextRun, into lines: inout [Line]) {
        guard !run.isEmpty else { return }
        let number = run.startLine, origin = run.origin
        let blank = run.buffer.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        let text = run.take()
        if !blank { lines.append(Line(text: text, number: number, origin: origin, inTable: false)) }
    }

    private static func blank(number: Int, origin: Int, into lines: inout [Line]) {
        if let last = lines.last, last.text.isEmpty { return }
        lines.append(Line(text: "", number: number, origin: origin, inTable: true))
    }

    // MARK: Tables

    private func emitTable(_ table: Int, into lines: inout [Line]) {
        let grid = HTMLTableGrid(table: table, document: document, page: page)
        Self.blank(number: document.nodes[table].line, origin: table, into: &lines)
        if let caption = grid.caption {
            lines.append(Line(text: caption.cells[0], number: caption.line, origin: table, inTable: false))
        }
        var last = document.nodes[table].line
        for row in grid.rows {
            lines.append(Line(text: row.cells.joined(separator: "\t"), number: row.line, origin: table, inTable: true))
            last = row.line
        }
        Self.blank(number: last, origin: table, into: &lines)
    }
}
