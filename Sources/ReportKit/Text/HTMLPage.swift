// Where the report is on a saved page, and which parts are the site around it.
//
// Government pages wrap the report in a lot of site: header with search box, navigation
// menus, a breadcrumb (当前位置), a metadata table (索引号/发布机构/公开日期), share buttons
// (微信/微博), related links, footer (主办单位, ICP备案), and sometimes a crawler's own
// wrapper (`<div class=meta>` with 标题/单位/来源/采集时间). Naming every template is a losing
// game, so the body is found by weight instead, and chrome rules only have to catch what
// sits inside or right next to it.
//
// Weight = CJK characters and digits in the text (not counting link text, because menus
// and related-link lists are all links). From `<body>` the walk steps into the child that
// holds ≥ 85 % of the current weight (≥ 60 % if it is the only child holding a title line),
// and stops where the text spreads over many children (the paragraphs and tables of the report). A layout table is entered only when one cell
// holds the weight; a data table never is (no cell of it dominates).

/// Chrome marks, element weights and the report body of one `HTMLDocument`.
struct HTMLPage {
    /// `<body>`, or the root when the page has none.
    private(set) var bodyElement = 0
    /// The element judged to hold the report.
    private(set) var mainElement = 0
    /// One past the last node index inside each node's subtree.
    private(set) var subtreeEnd: [Int]
    /// Nodes skipped whole when writing lines (not scripts: those never became nodes).
    private(set) var chrome: [Bool]
    /// Nodes skipped even inside table cells (form controls, embedded media, `<head>`).
    private(set) var dropped: [Bool]
    private(set) var weight: [Int]
    /// Telling words each subtree's text holds (title, crawler labels, breadcrumb), chrome left out.
    private var flags: [UInt8]

    static let dominance = 0.85
    static let titledDominance = 0.6

    static let droppedTags = HTMLTagSet(droppedElements)
    static let chromeTags = HTMLTagSet(chromeElements)
    static let styledOnlyTags = HTMLTagSet(styledOnly)
    static let inlineTags = HTMLTagSet(inlineElements)

    static let droppedElements: Set<String> = [
        "head", "select", "button", "input", "option", "object", "embed", "svg", "canvas", "map",
        "audio", "video", "applet", "frameset", "frame", "dialog", "xml",
    ]
    static let chromeElements: Set<String> = ["nav", "footer", "aside", "menu"]
    /// Words in `class`/`id`/`role` that mark chrome (matched as whole words, after splitting
    /// on `-`, `_`, spaces and camelCase: `share_box`, `mainNav`, `breadcrumb`).
    static let chromeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "share", "bdshare", "footer", "copyright", "sidebar", "toolbar", "position", "location",
        "dqwz", "weizhi", "meta", "search", "login", "banner",
    ]
    /// Header words: chrome unless the element holds the report title.
    static let headerWords: Set<String> = ["header", "head", "top", "topbar"]
    /// Elements whose class is styling, never page structure (Word and table markup).
    static let styledOnly: Set<String> = [
        "td", "th", "tr", "thead", "tbody", "tfoot", "table", "span", "font", "b", "strong", "i", "em",
        "u", "sup", "sub", "o:p", "p", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
        "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "o:p",
    ]

    // Flags carried up the tree: which telling words a subtree's text contains.
    private static let titleFlag: UInt8 = 1, crawlFlag: UInt8 = 2, crumbFlag: UInt8 = 4, crawlLabelFlag: UInt8 = 8

    private static let titleWords = ["年度报告", "年报"].map { Array($0.utf8) }
    private static let crawlWords = ["采集时间", "采集日期", "抓取时间"].map { Array($0.utf8) }
    private static let crawlLabels = ["标题", "来源", "单位"].map { Array($0.utf8) }
    private static let crumbWords = ["当前位置", "您现在的位置", "您的位置", "当前的位置", "现在位置"].map { Array($0.utf8) }

    init(_ document: HTMLDocument) {
        let nodes = document.nodes
        let count = nodes.count
        subtreeEnd = (0..<count).map { $0 + 1 }
        chrome = Array(repeating: false, count: count)
        dropped = Array(repeating: false, count: count)
        weight = Array(repeating: 0, count: count)
        flags = [UInt8](repeating: 0, count: count)

        let body = nodes.firstIndex { $0.tag == HTMLTag.body } ?? 0
        // Pass 1: weight with nothing but dropped elements left out, so a chrome rule can be
        // vetoed for an element holding most of the page (`<div id=navContent>` wrapping it all).
        var textWeight = [Int](repeating: 0, count: count)
        var rawWeight = [Int](repeating: 0, count: count)
        var textFlags = [UInt8](repeating: 0, count: count)
        document.bytes.withUnsafeBufferPointer { b in
            for i in stride(from: count - 1, through: 1, by: -1) {
                let node = nodes[i]
                if node.isText {
                    textWeight[i] = Self.weigh(b, node.textStart, node.textEnd)
                    textFlags[i] = Self.flags(b, node.textStart, node.textEnd)
                    rawWeight[i] = textWeight[i]
                }
                if Self.droppedTags.contains(node.tag) || node.isLink { continue }
                rawWeight[node.parent] += rawWeight[i]
            }
        }
        let total = rawWeight[body]

        // Pass 2: chrome marks, then weights and flags without chrome.
        for i in stride(from: count - 1, through: 0, by: -1) {
            let node = nodes[i]
            if node.isText {
                weight[i] = textWeight[i]
                flags[i] = textFlags[i]
            } else {
                if let last = node.children.last { subtreeEnd[i] = subtreeEnd[last] }
                if Self.droppedTags.contains(node.tag) {
                    dropped[i] = true
                    chrome[i] = true
                } else if i > 0, node.tag != HTMLTag.html, node.tag != HTMLTag.body {
                    chrome[i] = Self.isChrome(node, weight: weight[i], flags: flags[i], majority: rawWeight[i] * 2 > total)
                }
            }
            guard i > 0, !chrome[i] else { continue }
            let parent = node.parent
            if !node.isLink { weight[parent] += weight[i] }
            // A title inside a link is a breadcrumb or a related-reports list, not the report's.
            flags[parent] |= node.isLink ? flags[i] & ~Self.titleFlag : flags[i]
        }

        bodyElement = body
        mainElement = findMain(nodes)
    }

    /// Whether `node` is page chrome. Tag and class rules never fire for an element holding
    /// the `majority` of the page's text: whatever its class says, that is the report.
    private static func isChrome(_ node: HTMLDocument.Node, weight: Int, flags: UInt8, majority: Bool) -> Bool {
        if majority { return false }
        if chromeTags.contains(node.tag) { return true }
        let holdsTitle = flags & titleFlag != 0
        if node.tag == HTMLTag.header && !holdsTitle { return true }
        if !node.identity.isEmpty, !styledOnlyTags.contains(node.tag) {
            for word in words(node.identity) {
                if chromeWords.contains(word) { return true }
                if headerWords.contains(word) && !holdsTitle { return true }
            }
        }
        if !inlineTags.contains(node.tag) {
            if flags & crawlFlag != 0, flags & crawlLabelFlag != 0, weight < 800 { return true }
            if flags & crumbFlag != 0, weight < 300 { return true }
        }
        return false
    }

    /// `mainNav share_box` → `main`, `nav`, `share`, `box`.
    static func words(_ identity: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previousLower = false
        for ch in identity {
            if ch.isLetter || ch.isNumber {
                if ch.isUppercase && previousLower && !current.isEmpty { result.append(current); current = "" }
                current.append(contentsOf: ch.lowercased())
                previousLower = ch.isLowercase || ch.isNumber
            } else {
                if !current.isEmpty { result.append(current); current = "" }
                previousLower = false
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private func findMain(_ nodes: [HTMLDocument.Node]) -> Int {
        var current = bodyElement
        /// The child holding ≥ 85 % of the weight; or ≥ 60 % when it is the only child holding
        /// a title line (a short report whose page chrome is comparatively heavy).
        func dominantChild(_ i: Int) -> Int? {
            let total = weight[i]
            guard total > 0 else { return nil }
            var best = -1
            var titled = 0
            for c in nodes[i].children where !nodes[c].isText && !chrome[c] && !nodes[c].isLink {
                if flags[c] & Self.titleFlag != 0 { titled += 1 }
                if best < 0 || weight[c] > weight[best] { best = c }
            }
            guard best >= 0 else { return nil }
            let share = Double(weight[best]) / Double(total)
            if share >= Self.dominance { return best }
            if share >= Self.titledDominance, titled == 1, flags[best] & Self.titleFlag != 0 { return best }
            return nil
        }
        let tableParts = HTMLTagSet(["table", "tbody", "thead", "tfoot", "tr"])
        while let child = dominantChild(current) {
            if tableParts.contains(nodes[child].tag) {
                // Enter a table only when a single cell holds the weight (a layout table).
                var x = child
                while tableParts.contains(nodes[x].tag), let d = dominantChild(x) { x = d }
                guard nodes[x].tag == HTMLTag.td || nodes[x].tag == HTMLTag.th else { break }
                current = x
            } else {
                current = child
            }
        }
        return current
    }

    /// Whether `table` is a layout table around the report body: it is then read as blocks
    /// (each cell its own lines), not as a grid of rows.
    func holdsReportBody(_ table: Int) -> Bool {
        table <= mainElement && subtreeEnd[table] > mainElement
    }

    /// A line that reads like the report's title: names an annual report and is short. A
    /// table row qualifies when it has a single filled cell (a title bar in a layout table).
    static func looksLikeTitle(_ text: String, inTable: Bool = false) -> Bool {
        guard text.utf8.count <= 240, UTF8Text.contains(text, "年度报告") || UTF8Text.contains(text, "年报") else { return false }
        return !inTable || text.split(separator: "\t").count == 1
    }

    /// A short line of page tools that templates print inside the article container
    /// (`【打印本页】【关闭窗口】`, `字体：大 中 小`, `分享到：`, `浏览次数：12`).
    static func looksLikePageTool(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        return pageToolWords.contains { UTF8Text.contains(text, $0) }
    }

    static let pageToolWords = [
        "打印本页", "关闭窗口", "【打印】", "【关闭】", "字体：", "字号：", "【大 中 小】", "分享到", "扫一扫",
        "手机扫码", "浏览次数", "访问次数", "浏览量：", "当前位置", "您现在的位置", "您的位置：",
    ]

    /// A short line that reads like a signature under a report: a date (`2024年1月17日`,
    /// `二〇二二年一月二十日`) or a body name (`某某县人民政府`), without a colon (which would
    /// make it a page label such as `来源：…`).
    static func looksLikeSignature(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.count <= 30, !compact.contains("："), !compact.contains(":") else { return false }
        if isDate(compact) { return true }
        let suffixes = ["政府", "局", "办公室", "委员会", "管委会", "办事处", "中心", "厅", "委", "院", "署", "公司"]
        return suffixes.contains { compact.hasSuffix($0) } && !compact.contains { $0.isNumber }
    }

    /// `YYYY年M月D日`, in ASCII, full-width or Chinese numerals.
    static func isDate(_ text: String) -> Bool {
        let numerals: Set<Character> = Set("0123456789０１２３４５６７８９〇○零一二三四五六七八九十")
        var parts = 0
        var digits = 0
        for ch in text {
            if numerals.contains(ch) {
                digits += 1
            } else if ch == ["年", "月", "日"][min(parts, 2)], digits > 0, parts < 3 {
                parts += 1
                digits = 0
            } else {
                return false
            }
        }
        return parts == 3 && digits == 0
    }

    // MARK: Byte scans

    /// CJK characters (UTF-8 sequences of three or more bytes) and ASCII digits.
    private static func weigh(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var w = 0
        for k in start..<end {
            let c = b[k]
            if c >= 0xE0 || c &- 0x30 < 10 { w += 1 }
        }
        return w
    }

    private static func flags(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt8 {
        var result: UInt8 = 0
        // Every word starts with a CJK lead byte; skip texts with none (whitespace between tags).
        var hasCJK = false
        for k in start..<end where b[k] >= 0xE0 { hasCJK = true; break }
        guard hasCJK else { return 0 }
        if titleWords.contains(where: { contains(b, start, end, $0) }) { result |= titleFlag }
        if crawlWords.contains(where: { contains(b, start, end, $0) }) { result |= crawlFlag }
        if crawlLabels.contains(where: { contains(b, start, end, $0) }) { result |= crawlLabelFlag }
        if crumbWords.contains(where: { contains(b, start, end, $0) }) { result |= crumbFlag }
        return result
    }

    private static func contains(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { UTF8Text.find($0, in: UnsafeBufferPointer(rebasing: b[start..<end])) != nil }
    }
}
