/// A division name found in a piece of text: where it sits (in Unicode scalars) and the rows
/// it may stand for.
struct PlaceMention: Hashable, Sendable {
    var start: Int
    var end: Int
    var rows: [Int32]
}

/// Consecutive mentions that read as one place, general to specific (`银川市西夏区兴泾镇`),
/// each narrowed to the rows that fit the others.
struct PlaceChain: Hashable, Sendable {
    var mentions: [PlaceMention]
    /// The most specific place the chain names.
    var rows: [Int32] { mentions.last?.rows ?? [] }
}

extension Gazetteer {
    /// Suffixes that follow a short place name in the name of a zone or its bodies:
    /// 平潭综合实验区, 银川经济技术开发区. A short name is read as a place only before one of
    /// these or directly before a full name below it, since two characters alone (兴庆, 人民)
    /// occur in ordinary words.
    static let zoneWords: [String] = [
        "综合实验区", "高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "开发区",
        "新区", "工业园区", "产业园区", "实验区", "试验区", "管理区", "示范区",
    ]
    static let zoneWordScalars: [[Unicode.Scalar]] = zoneWords.map { Array($0.unicodeScalars) }

    /// Every chain of place names in `text`. Longest full (or former) name first at each
    /// position; a two-character full name (城区, 郊区) only right after another mention.
    func chains(in text: String) -> [PlaceChain] {
        chains(in: Array(text.unicodeScalars))
    }

    func chains(in scalars: [Unicode.Scalar]) -> [PlaceChain] {
        var mentions: [PlaceMention] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            guard s.value >= 0x3400, let startLongest = nameStarts[s] else { i += 1; continue }
            var found: PlaceMention?
            let longest = min(startLongest, scalars.count - i)
            if longest >= 2 {
                for length in stride(from: longest, through: 2, by: -1) {
                    let key = Self.string(scalars[i..<(i + length)])
                    if let rows = fullIndex[key] ?? formerIndex[key] {
                        if length == 2 && !Self.adjacent(mentions.last, i, scalars) { break }
                        found = PlaceMention(start: i, end: i + length, rows: rows)
                        break
                    }
                }
            }
            if found == nil, longest >= 2 {
                found = shortMention(in: scalars, at: i, longest: min(longest, 8))
            }
            if let m = found {
                mentions.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return link(mentions, scalars)
    }

    /// Whether a mention ending before `start` joins it: nothing but spaces between them.
    static func adjacent(_ previous: PlaceMention?, _ start: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard let previous, previous.end <= start else { return false }
        return scalars[previous.end..<start].allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
    }

    /// A short name of a province, prefecture or county at `i`, accepted before a zone word
    /// (the mention then covers it) or before a full name that lies below it.
    private func shortMention(in scalars: [Unicode.Scalar], at i: Int, longest: Int) -> PlaceMention? {
        for length in stride(from: longest, through: 2, by: -1) {
            let key = Self.string(scalars[i..<(i + length)])
            guard let rows = shortIndex[key]?.filter({ levels[Int($0)] < .township }), !rows.isEmpty else { continue }
            let end = i + length
            for word in Self.zoneWordScalars where end + word.count <= scalars.count {
                if scalars[end..<(end + word.count)].elementsEqual(word) {
                    return PlaceMention(start: i, end: end + word.count, rows: rows)
                }
            }
            // Before a full name of a division below it: 宁夏银川市.
            guard end < scalars.count, let nextLongest = nameStarts[scalars[end]] else { continue }
            let rest = min(nextLongest, scalars.count - end)
            if rest >= 2 {
                for l in stride(from: rest, through: 3, by: -1) {
                    if let below = fullIndex[Self.string(scalars[end..<(end + l)])],
                       below.contains(where: { b in rows.contains { isSelfOrAncestor($0, of: b) && $0 != b } }) {
                        return PlaceMention(start: i, end: end, rows: rows)
                    }
                }
            }
        }
        return nil
    }

    /// Groups adjacent mentions (nothing but spaces between them) into chains and narrows each
    /// mention to the rows consistent with its neighbours; a mention that fits nothing before
    /// it starts a new chain (304 towns sit under a functional zone, not the county a report
    /// names: 藁城区宋营镇 keeps 藁城区 and drops the town rather than guess).
    func link(_ mentions: [PlaceMention], _ scalars: [Unicode.Scalar]) -> [PlaceChain] {
        var chains: [PlaceChain] = []
        var current: [PlaceMention] = []
        func close() {
            guard !current.isEmpty else { return }
            // Backward pass: a general mention keeps only rows that have a specific one below.
            for j in stride(from: current.count - 2, through: 0, by: -1) {
                let below = current[j + 1].rows
                current[j].rows = current[j].rows.filter { a in below.contains { isSelfOrAncestor(a, of: $0) } }
            }
            chains.append(PlaceChain(mentions: current))
            current = []
        }
        for m in mentions {
            if let last = current.last, Self.adjacent(last, m.start, scalars) {
                let kept = m.rows.filter { b in last.rows.contains { isSelfOrAncestor($0, of: b) } }
                if !kept.isEmpty {
                    current.append(PlaceMention(start: m.start, end: m.end, rows: kept))
                    continue
                }
            }
            close()
            current = [m]
        }
        close()
        return chains
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
