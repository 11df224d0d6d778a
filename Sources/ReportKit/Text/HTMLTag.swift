// Tag names as small integers: the tree builder, the page weigher and the line builder ask
// "is this a block element / a table part / chrome?" of every node, and a `Set<String>` lookup
// hashes the name each time (a tenth of reading a page, callgrind). Every name those rules
// mention gets a fixed id here; any other name gets an id of its own per document.

/// The tag names the HTML rules mention, by id.
enum HTMLTag {
    /// Every name a rule mentions. The id of a name is its index.
    static let known: [String] = [
        "#root", "html", "head", "body", "p", "br", "hr", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
        "li", "ul", "ol", "dl", "dt", "dd", "pre", "listing", "button", "marquee", "object", "header", "footer", "nav", "aside",
        "menu", "address", "article", "blockquote", "center", "details", "dialog", "dir", "div", "fieldset", "figcaption",
        "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "main", "section", "summary", "legend",
        "area", "base", "basefont", "bgsound", "col", "embed", "img", "input", "keygen", "link", "meta", "param", "source",
        "track", "wbr", "frame", "isindex", "script", "style", "title", "textarea", "xmp", "noscript", "noembed", "noframes",
        "iframe", "template", "plaintext", "select", "option", "svg", "canvas", "map", "audio", "video", "applet", "frameset",
        "xml", "span", "font", "b", "strong", "i", "em", "u", "sup", "sub", "o:p", "abbr", "bdi", "bdo", "big", "cite", "code",
        "data", "del", "dfn", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "strike", "time", "tt", "var",
    ]
    static let ids: [String: Int] = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1, $0) })

    static let root = 0, html = 1, head = 2, body = 3, p = 4, br = 5, hr = 6, a = 7, table = 8, caption = 9
    static let thead = 10, tbody = 11, tfoot = 12, tr = 13, td = 14, th = 15, li = 16, ul = 17, ol = 18, dl = 19, dt = 20, dd = 21
    static let pre = 22, listing = 23, header = 27
    /// The id of a text node.
    static let text = -1
}

/// A set of tag names, tested by id.
struct HTMLTagSet: Sendable {
    private let member: [Bool]

    init(_ names: Set<String>) {
        var member = [Bool](repeating: false, count: HTMLTag.known.count)
        for name in names {
            guard let id = HTMLTag.ids[name] else { preconditionFailure("\(name) is not in HTMLTag.known") }
            member[id] = true
        }
        self.member = member
    }

    @inline(__always)
    func contains(_ tag: Int) -> Bool { tag >= 0 && tag < member.count && member[tag] }
}
