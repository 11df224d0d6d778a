// A forgiving HTML tree for saved report pages: one pass over the UTF-8 bytes, no regular
// expressions, nodes in a flat array in document order (a node's index is its pre-order
// position, its parent always has a smaller index, so post-order work is a reverse loop).
//
// Only what the line builder needs is kept: tag names, the attributes that identify page
// chrome (`class`, `id`, `role`) and table spans, text as byte ranges with the source line
// where each starts. Scripts, styles, comments and other raw-text elements never become nodes.
//
// Tree repair follows the HTML rules that matter for Word-pasted reports, in simplified form:
// `<p>` closes an open `p`, `<tr>` / `<td>` close open rows and cells, an end tag only closes
// an element inside the same table cell, and an end tag with no open element is ignored.
// Nesting is capped (`maxDepth`), and every end-tag search is bounded by it, so hostile pages
// stay linear.

/// A parsed page: elements and text nodes in document order.
struct HTMLDocument {
    struct Node {
        /// Lower-cased tag name; `""` for a text node; `#root` for the root.
        var name: String
        /// The name's id (`HTMLTag`): a known name's fixed id, another name's id within this
        /// document; `HTMLTag.text` for a text node.
        var tag: Int
        var parent: Int
        var children: [Int] = []
        /// 1-based source line of the start tag, or of the first byte of a text node.
        var line: Int
        /// Byte range of a text node's raw text (entities not yet decoded).
        var textStart = 0
        var textEnd = 0
        /// `class`, `id` and `role` values as written, space-separated (chrome detection splits
        /// them into words, camelCase included).
        var identity = ""
        var rowspan = 1
        var colspan = 1
        /// Whether the element has an `href` (a link: navigation, not report text).
        var isLink = false

        var isText: Bool { name.isEmpty }
    }

    /// The page as UTF-8 bytes; text nodes point into it.
    let bytes: [UInt8]
    private(set) var nodes: [Node]

    static let maxDepth = 400

    static let voidTags = HTMLTagSet(voidElements)
    static let rawTextTags = HTMLTagSet(rawTextElements)
    static let closesParagraphTags = HTMLTagSet(closesParagraph)
    static let headTags = HTMLTagSet(headElements)

    static let voidElements: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr", "frame", "isindex",
    ]
    /// Elements whose content is not markup; skipped whole, up to their end tag.
    static let rawTextElements: Set<String> = [
        "script", "style", "title", "textarea", "xmp", "noscript", "noembed", "noframes", "iframe",
        "template", "plaintext",
    ]
    /// Start tags that close an open `<p>` (HTML's "close a p element" list).
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li",
        "dd", "dt",
    ]
    /// Elements that may appear in `<head>`; anything else ends the head.
    static let headElements: Set<String> = ["meta", "link", "title", "style", "script", "base", "noscript", "template"]

    init(_ html: String) {
        self.bytes = Array(html.utf8)
        self.nodes = [Node(name: "#root", tag: HTMLTag.root, parent: -1, line: 1)]
        bytes.withUnsafeBufferPointer { build($0) }
    }

    // MARK: Building

    private mutating func build(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var i = 0
        var line = 1
        var stack: [Int] = [0]
        // Stack positions of the open elements of each tag id, so that finding the nearest open
        // `p` (or the nearest boundary) is a lookup, not a walk down the stack.
        var openAt = [[Int]](repeating: [], count: HTMLTag.known.count)
        // Ids of names no rule mentions, from `HTMLTag.known.count` on.
        var otherIDs: [String: Int] = [:]
        func id(of name: String) -> Int {
            if let id = HTMLTag.ids[name] { return id }
            if let id = otherIDs[name] { return id }
            let id = HTMLTag.known.count + otherIDs.count
            otherIDs[name] = id
            openAt.append([])
            return id
        }
        func isOpen(_ tag: Int) -> Bool { !openAt[tag].isEmpty }
        var sawHead = false

        /// Moves `i` to `j`, counting line breaks (`\r\n` once) on the way.
        func advance(to j: Int) {
            let end = min(j, n)
            while i < end {
                let c = b[i]
                if c == 0x0A || (c == 0x0D && (i + 1 >= n || b[i + 1] != 0x0A)) { line += 1 }
                i += 1
            }
        }
        func find(_ byte: UInt8, from k: Int) -> Int {
            var k = k
            while k < n, b[k] != byte { k += 1 }
            return k
        }
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

        func pop() {
            let top = stack.removeLast()
            openAt[nodes[top].tag].removeLast()
        }
        /// Pops up to and including the nearest open element named in `names`, searching no
        /// further than an element named in `boundaries`. Returns whether one was found.
        @discardableResult
        func close(_ names: [Int], boundaries: [Int]) -> Bool {
            var target = -1
            for name in names { if let k = openAt[name].last, k > target { target = k } }
            guard target > 0 else { return false }
            for name in boundaries { if let k = openAt[name].last, k > target { return false } }
            while stack.count > target { pop() }
            return true
        }
        func append(_ node: Node) -> Int {
            let index = nodes.count
            nodes.append(node)
            nodes[node.parent].children.append(index)
            return index
        }

        let cellBoundary = ["td", "th", "table", "caption", "button", "marquee", "object"].map { HTMLTag.ids[$0]! }
        let tableBoundary = [HTMLTag.table]
        let rowBoundary = [HTMLTag.table, HTMLTag.tr]
        let listBoundary = cellBoundary + [HTMLTag.ul, HTMLTag.ol]
        let definitionBoundary = cellBoundary + [HTMLTag.dl]

        func skipRawText(_ name: String) {
            let target = Array(name.utf8)
            var k = i
            while k < n {
                if b[k] == UInt8(ascii: "<"), k + 1 < n, b[k + 1] == UInt8(ascii: "/"), k + 2 + target.count <= n {
                    var match = true
                    for (o, t) in target.enumerated() where b[k + 2 + o] | 0x20 != t { match = false; break }
                    if match { break }
                }
                k += 1
            }
            advance(to: k < n ? find(UInt8(ascii: ">"), from: k) + 1 : n)
        }

        func endHeadIfOpen() {
            if isOpen(HTMLTag.head) { close([HTMLTag.head], boundaries: []) }
        }

        func addText(_ start: Int, _ end: Int, line: Int) {
            if isOpen(HTMLTag.head) {
                var blank = true
                for k in start..<end where !isSpace(b[k]) { blank = false; break }
                if blank { return }
                endHeadIfOpen()
            }
            _ = append(Node(name: "", tag: HTMLTag.text, parent: stack[stack.count - 1], line: line, textStart: start, textEnd: end))
        }

        func startTag(_ name: String, line: Int, identity: String, rowspan: Int, colspan: Int, selfClosing: Bool, isLink: Bool = false) {
            let tag = id(of: name)
            switch tag {
            case HTMLTag.html, HTMLTag.body:
                if tag == HTMLTag.body { endHeadIfOpen() }
                if isOpen(tag) { return }
            case HTMLTag.head:
                if sawHead || isOpen(HTMLTag.body) { return }
                sawHead = true
            default:
                if !Self.headTags.contains(tag) { endHeadIfOpen() }
            }
            if Self.closesParagraphTags.contains(tag) { close([HTMLTag.p], boundaries: cellBoundary) }
            switch tag {
            case HTMLTag.li: close([HTMLTag.li], boundaries: listBoundary)
            case HTMLTag.dt, HTMLTag.dd: close([HTMLTag.dt, HTMLTag.dd], boundaries: definitionBoundary)
            case HTMLTag.tr: close([HTMLTag.tr], boundaries: tableBoundary)
            case HTMLTag.td, HTMLTag.th: close([HTMLTag.td, HTMLTag.th], boundaries: rowBoundary)
            case HTMLTag.thead, HTMLTag.tbody, HTMLTag.tfoot: close([HTMLTag.thead, HTMLTag.tbody, HTMLTag.tfoot], boundaries: tableBoundary)
            default: break
            }
            let index = append(Node(name: name, tag: tag, parent: stack[stack.count - 1], line: line,
                                    identity: identity, rowspan: rowspan, colspan: colspan, isLink: isLink))
            if Self.voidTags.contains(tag) || selfClosing || stack.count >= Self.maxDepth { return }
            openAt[tag].append(stack.count)
            stack.append(index)
        }

        func endTag(_ name: String) {
            let tag = id(of: name)
            switch tag {
            case HTMLTag.br:
                startTag("br", line: line, identity: "", rowspan: 1, colspan: 1, selfClosing: true)
            case HTMLTag.html, HTMLTag.body:
                return  // content after </body> still belongs to the page
            case HTMLTag.table:
                close([HTMLTag.table], boundaries: [])
            case HTMLTag.tr, HTMLTag.td, HTMLTag.th, HTMLTag.thead, HTMLTag.tbody, HTMLTag.tfoot, HTMLTag.caption:
                close([tag], boundaries: tableBoundary)
            default:
                close([tag], boundaries: cellBoundary)
            }
        }
        while i < n {
            if b[i] == UInt8(ascii: "<"), i + 1 < n {
                let next = b[i + 1]
                if next == UInt8(ascii: "!") {
                    // Comment, doctype, or Word's <![if …]> conditionals.
                    if i + 3 < n, b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {
                        var k = i + 4
                        while k + 2 < n, !(b[k] == UInt8(ascii: "-") && b[k + 1] == UInt8(ascii: "-") && b[k + 2] == UInt8(ascii: ">")) { k += 1 }
                        advance(to: k + 2 < n ? k + 3 : n)
                    } else {
                        advance(to: find(UInt8(ascii: ">"), from: i + 2) + 1)
                    }
                    continue
                }
                if next == UInt8(ascii: "?") {
                    advance(to: find(UInt8(ascii: ">"), from: i + 2) + 1)
                    continue
                }
                if next == UInt8(ascii: "/"), i + 2 < n, isLetter(b[i + 2]) {
                    var k = i + 2
                    while k < n, !isSpace(b[k]), b[k] != UInt8(ascii: ">"), b[k] != UInt8(ascii: "/") { k += 1 }
                    let name = String(decoding: b[(i + 2)..<k], as: UTF8.self).lowercased()
                    advance(to: find(UInt8(ascii: ">"), from: k) + 1)
                    endTag(name)
                    continue
                }
                if isLetter(next) {
                    let tagLine = line
                    var k = i + 1
                    while k < n, !isSpace(b[k]), b[k] != UInt8(ascii: ">"), b[k] != UInt8(ascii: "/") { k += 1 }
                    let name = String(decoding: b[(i + 1)..<k], as: UTF8.self).lowercased()
                    advance(to: k)
                    var identity = ""
                    var rowspan = 1, colspan = 1
                    var selfClosing = false
                    var isLink = false
                    // Attributes.
                    while i < n {
                        while i < n, isSpace(b[i]) { advance(to: i + 1) }
                        guard i < n else { break }
                        if b[i] == UInt8(ascii: ">") { advance(to: i + 1); break }
                        if b[i] == UInt8(ascii: "/") {
                            if i + 1 < n, b[i + 1] == UInt8(ascii: ">") { selfClosing = true; advance(to: i + 2); break }
                            advance(to: i + 1); continue
                        }
                        let nameStart = i
                        var k = i
                        while k < n, !isSpace(b[k]), b[k] != UInt8(ascii: "="), b[k] != UInt8(ascii: ">"), k == nameStart || b[k] != UInt8(ascii: "/") { k += 1 }
                        let attribute = String(decoding: b[nameStart..<k], as: UTF8.self).lowercased()
                        advance(to: k)
                        while i < n, isSpace(b[i]) { advance(to: i + 1) }
                        var value = ""
                        if i < n, b[i] == UInt8(ascii: "=") {
                            advance(to: i + 1)
                            while i < n, isSpace(b[i]) { advance(to: i + 1) }
                            if i < n, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                                let quote = b[i]
                                let close = find(quote, from: i + 1)
                                value = String(decoding: b[(i + 1)..<close], as: UTF8.self)
                                advance(to: close + 1)
                            } else {
                                var e = i
                                while e < n, !isSpace(b[e]), b[e] != UInt8(ascii: ">") { e += 1 }
                                value = String(decoding: b[i..<e], as: UTF8.self)
                                advance(to: e)
                            }
                        }
                        switch attribute {
                        case "class", "id", "role": identity += " " + value
                        case "href": isLink = true
                        case "rowspan": rowspan = Self.span(value, limit: 65_534)
                        case "colspan": colspan = Self.span(value, limit: 100)
                        default: break
                        }
                    }
                    if let tag = HTMLTag.ids[name], Self.rawTextTags.contains(tag) {
                        skipRawText(name)
                        continue
                    }
                    startTag(name, line: tagLine, identity: identity, rowspan: rowspan, colspan: colspan, selfClosing: selfClosing, isLink: isLink)
                    continue
                }
            }
            // Text up to the next '<' that may start markup (a stray '<' stays text).
            let start = i
            let startLine = line
            var k = i + 1
            while k < n {
                if b[k] == UInt8(ascii: "<"), k + 1 < n {
                    let c = b[k + 1]
                    if isLetter(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { break }
                }
                k += 1
            }
            advance(to: k)
            addText(start, k, line: startLine)
        }
    }

    /// A `rowspan`/`colspan` value: leading digits, at least 1, at most `limit`.
    static func span(_ value: String, limit: Int) -> Int {
        var result = 0
        for b in value.utf8 {
            if b == 0x20 && result == 0 { continue }
            guard b &- 0x30 < 10 else { break }
            result = min(result * 10 + Int(b - 0x30), limit)
        }
        return max(result, 1)
    }
}
