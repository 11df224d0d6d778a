/// The clues beside the subject, each as the set of rows it points to, in order of trust.
///
/// Lines are mined selectively (address, 统计期限, intro, website and telephone lines, the
/// first and last lines), and a long line only around its keywords, so a report of any size
/// costs a bounded number of index lookups.
struct ContextClues {
    /// Rows each clue points to, most trusted first.
    var narrowing: [[Int32]] = []
    /// What the folder points to (also the last resort for the subject).
    var folder: [Int32] = []

    static let keywords = ["地址", "住所", "统计期限", "统计数据", "本报告", "年度报告", "根据", "网站", "网址", "电话", "邮编", "联系"]
    static let window = 160

    init(_ clues: RegionClues, gazetteer g: Gazetteer) {
        for source in [clues.title, clues.signature] {
            if let source { add(g.chains(in: source)) }
        }
        let nonEmpty = clues.lines.filter { !$0.text.allSatisfy(\.isWhitespace) }
        var picked: [SourceLine] = nonEmpty.filter { line in Self.keywords.contains { line.text.contains($0) } }
        picked += nonEmpty.prefix(12) + nonEmpty.suffix(12)
        var seen = Set<Int>()
        var hosts: [[Int32]] = [], phones: [[Int32]] = []
        let keys = { PlaceKeys.shared }
        for line in picked where seen.insert(line.number).inserted {
            for piece in Self.pieces(of: line.text) { add(g.chains(in: piece)) }
            if line.text.contains("gov.cn") {
                for host in Self.hosts(in: line.text) { hosts.append(Self.rows(ofKeys: host, keys: keys(), gazetteer: g)) }
            }
            if line.text.contains("电话") || line.text.contains("传真") || line.text.contains("热线") {
                for code in Self.areaCodes(in: line.text) { phones.append(keys().areaCodes[code] ?? []) }
            }
        }
        let parts = clues.folder.split(separator: "/").map(String.init)
        if !parts.isEmpty {
            folder = Self.rows(ofKeys: parts, keys: keys(), gazetteer: g)
            narrowing.append(folder)
        }
        narrowing += hosts + phones
        narrowing.removeAll { $0.isEmpty }
    }

    private mutating func add(_ chains: [PlaceChain]) {
        for chain in chains where !chain.rows.isEmpty { narrowing.append(chain.rows) }
    }

    /// A short line whole; a long one (crawler text collapsed into one line) as its opening and
    /// a window after each keyword.
    static func pieces(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 2 * window else { return [text] }
        var result = [Gazetteer.string(scalars[0..<window])]
        for keyword in keywords {
            let k = Array(keyword.unicodeScalars)
            var i = 0
            var hits = 0
            while i + k.count <= scalars.count && hits < 4 {
                if scalars[i] == k[0] && scalars[i..<(i + k.count)].elementsEqual(k) {
                    result.append(Gazetteer.string(scalars[i..<min(scalars.count, i + window)]))
                    hits += 1
                    i += k.count
                } else {
                    i += 1
                }
            }
        }
        return result
    }

    /// Host labels before `gov.cn`, general first: `www.xqq.gov.cn` → [xqq];
    /// `xqq.yinchuan.gov.cn` → [yinchuan, xqq].
    static func hosts(in text: String) -> [[String]] {
        let generic: Set<String> = ["www", "wap", "m", "zwgk", "xxgk", "gk", "zfxxgk", "portal", "web", "gov", "cn"]
        var result: [[String]] = []
        let bytes = Array(text.utf8)
        let marker = Array("gov.cn".utf8)
        var i = 0
        while i + marker.count <= bytes.count {
            guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else { i += 1; continue }
            var start = i
            while start > 0, Self.isHostByte(bytes[start - 1]) { start -= 1 }
            let host = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
            let labels = host.split(separator: ".").map(String.init).filter { !generic.contains($0) && !$0.isEmpty }
            if !labels.isEmpty { result.append(labels.reversed()) }
            i += marker.count
        }
        return result
    }

    static func isHostByte(_ b: UInt8) -> Bool {
        (b &- 0x61 < 26) || (b &- 0x41 < 26) || (b &- 0x30 < 10) || b == 0x2E || b == 0x2D
    }

    /// Area codes written before a number: `0951-1234567`, `(0591)23163581`, `0591 2316 3581`.
    static func areaCodes(in text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var result: [String] = []
        func isDigit(_ i: Int) -> Bool { i < s.count && s[i].value &- 0x30 < 10 }
        var i = 0
        while i < s.count {
            guard s[i] == "0", i == 0 || !isDigit(i - 1), isDigit(i + 1), s[i + 1] != "0" else { i += 1; continue }
            let length = s[i + 1] == "1" || s[i + 1] == "2" ? 3 : 4
            guard (i..<(i + length)).allSatisfy(isDigit), !isDigit(i + length) else { i += 1; continue }
            var j = i + length
            if j < s.count, "-－—)） ".unicodeScalars.contains(s[j]) { j += 1 } else { i += 1; continue }
            var digits = 0
            while j < s.count, isDigit(j) || s[j] == " " { if isDigit(j) { digits += 1 }; j += 1 }
            if digits >= 7 && digits <= 8 { result.append(Gazetteer.string(s[i..<(i + length)])) }
            i = j
        }
        return result
    }

    /// Folder parts or host labels, general first, each read as a Chinese name (full, short or
    /// former) or as pinyin / initials; each part narrows the previous; the deepest that still
    /// fits wins.
    static func rows(ofKeys parts: [String], keys: PlaceKeys, gazetteer g: Gazetteer) -> [Int32] {
        var current: [Int32] = []
        for part in parts {
            let isASCII = part.unicodeScalars.allSatisfy(\.isASCII)
            let key = isASCII ? String(part.lowercased().unicodeScalars.filter { $0.value &- 0x61 < 26 }) : part
            guard !key.isEmpty else { continue }
            var rows = isASCII ? (keys.pinyin[key] ?? []) : g.rows(named: key, under: nil, allowShort: true)
            if !current.isEmpty {
                rows = rows.filter { r in current.contains { g.isSelfOrAncestor($0, of: r) } }
            }
            if !rows.isEmpty { current = rows }
        }
        return current
    }
}
