/// The clues beside the subject, each as the set of rows it points to, in order of trust.
///
/// Lines are mined selectively (address, 统计期限, intro, website and telephone lines, the
/// first and last lines), and a long line only around its keywords, so a report of any size
/// costs a bounded number of index lookups.
struct ContextClues {
    /// Rows each clue points to, most trusted first.
    var narrowing: [[Int32]] = []

    static let keywords = ["地址", "住所", "统计期限", "统计数据", "本报告", "年度报告", "根据", "网站", "网址", "联系",
                           "邮编", "电话", "传真", "热线"]
    /// Indexes into `keywords` of the ones that introduce a telephone number.
    static let phoneKeywords = Set(["电话", "传真", "热线"].compactMap { keywords.firstIndex(of: $0) })
    static let keywordScalars = keywords.map { Array($0.unicodeScalars) }
    static let window = 160
    static let maxLines = 200
    static let maxClues = 64

    init(_ clues: RegionClues, gazetteer g: Gazetteer) {
        for source in [clues.title, clues.signature] {
            if let source { add(g.chains(in: RegionResolver.head(source))) }
        }
        var lines: [(number: Int, scalars: [Unicode.Scalar], hits: [(at: Int, keyword: Int)])] = []
        for line in clues.lines {
            let scalars = Array(line.text.unicodeScalars)
            guard scalars.contains(where: { !$0.properties.isWhitespace }) else { continue }
            lines.append((line.number, scalars, Self.keywordHits(in: scalars)))
        }
        // The opening and closing lines first, then keyword lines, at most `maxLines` in all.
        var picked = Array(lines.indices.prefix(12)) + Array(lines.indices.suffix(12))
        picked += lines.indices.lazy.filter { !lines[$0].hits.isEmpty }.prefix(Self.maxLines)
        var seen = Set<Int>()
        var hosts: [[Int32]] = [], phones: [[Int32]] = []
        for index in picked where seen.insert(index).inserted {
            let line = lines[index]
            for piece in Self.pieces(of: line.scalars, hits: line.hits) { add(g.chains(in: piece)) }
            for host in Self.hosts(in: line.scalars) { hosts.append(Self.rows(ofKeys: host, gazetteer: g)) }
            if line.hits.contains(where: { Self.phoneKeywords.contains($0.keyword) }) {
                for code in Self.areaCodes(in: line.scalars) { phones.append(PlaceKeys.shared.areaCodes[code] ?? []) }
            }
        }
        narrowing.append(Self.folderRows(clues.folder, gazetteer: g))
        narrowing += hosts + phones
        // Each distinct clue once, in order of trust, and a bounded number of them.
        var distinct = Set<[Int32]>()
        narrowing = Array(narrowing.filter { !$0.isEmpty && distinct.insert($0).inserted }.prefix(Self.maxClues))
    }

    /// What the folder a report sits in points to: `ningxia/guyuan/longde`, `宁夏/隆德县`.
    static func folderRows(_ folder: String, gazetteer g: Gazetteer) -> [Int32] {
        let parts = folder.split(separator: "/").map(String.init)
        return parts.isEmpty ? [] : rows(ofKeys: parts, gazetteer: g)
    }

    /// Where each keyword occurs, at most four times each, in one pass.
    static func keywordHits(in scalars: [Unicode.Scalar]) -> [(at: Int, keyword: Int)] {
        var hits: [(at: Int, keyword: Int)] = []
        var counts = [Int](repeating: 0, count: keywords.count)
        for i in scalars.indices where scalars[i].value >= 0x4E00 {
            for (k, word) in keywordScalars.enumerated() where word[0] == scalars[i] && counts[k] < 4 {
                if i + word.count <= scalars.count && scalars[i..<(i + word.count)].elementsEqual(word) {
                    hits.append((i, k))
                    counts[k] += 1
                }
            }
        }
        return hits
    }

    /// A short line whole; a long one (crawler text collapsed into one line) as its opening and
    /// a window from each keyword.
    static func pieces(of scalars: [Unicode.Scalar], hits: [(at: Int, keyword: Int)]) -> [[Unicode.Scalar]] {
        guard scalars.count > 2 * window else { return [scalars] }
        var result = [Array(scalars[0..<window])]
        for hit in hits {
            result.append(Array(scalars[hit.at..<min(scalars.count, hit.at + window)]))
        }
        return result
    }

    private mutating func add(_ chains: [PlaceChain]) {
        for chain in chains.prefix(Self.maxClues) where !chain.rows.isEmpty { narrowing.append(chain.rows) }
    }

    /// Host labels before `gov.cn`, general first: `www.xqq.gov.cn` → [xqq];
    /// `xqq.yinchuan.gov.cn` → [yinchuan, xqq].
    static func hosts(in scalars: [Unicode.Scalar]) -> [[String]] {
        let generic: Set<String> = ["www", "wap", "m", "zwgk", "xxgk", "gk", "zfxxgk", "portal", "web", "gov", "cn"]
        var result: [[String]] = []
        let bytes = scalars.map { $0.isASCII ? UInt8($0.value) : 0 }
        let marker = Array("gov.cn".utf8)
        var i = 0
        while i + marker.count <= bytes.count {
            guard bytes[i] == marker[0], i > 0, bytes[i - 1] == 0x2E,
                  bytes[i..<(i + marker.count)].elementsEqual(marker) else { i += 1; continue }
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
    static func areaCodes(in s: [Unicode.Scalar]) -> [String] {
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
    static func rows(ofKeys parts: [String], gazetteer g: Gazetteer) -> [Int32] {
        var current: [Int32] = []
        for part in parts {
            let isASCII = part.unicodeScalars.allSatisfy(\.isASCII)
            let key = isASCII ? String(part.lowercased().unicodeScalars.filter { $0.value &- 0x61 < 26 }) : part
            guard !key.isEmpty else { continue }
            var rows = isASCII ? (PlaceKeys.shared.pinyin[key] ?? []) : g.rows(named: key, under: nil, allowShort: true)
            if !current.isEmpty {
                rows = rows.filter { r in current.contains { g.isSelfOrAncestor($0, of: r) } }
            }
            if !rows.isEmpty { current = rows }
        }
        return current
    }
}
