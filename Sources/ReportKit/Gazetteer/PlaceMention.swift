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

    /// No name is longer (the longest, a development zone, has 72 scalars): a hard bound on how
    /// far a scan extends, whatever the prefix filter says.
    static let longestName = 80

    /// Every chain of place names in `text`. Longest full (or former) name first at each
    /// position; a two-character full name (城区, 郊区) or a generic one (工业园区) only right
    /// after another mention.
    func chains(in text: String) -> [PlaceChain] {
        chains(in: Array(text.unicodeScalars))
    }

    func chains(in scalars: [Unicode.Scalar]) -> [PlaceChain] {
        var mentions: [PlaceMention] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i].value >= 0x3400 else { i += 1; continue }
            var found: PlaceMention?
            var shorts: [(end: Int, rows: [Int32])] = []
            var key = NameKey.seed
            var j = i
            let limit = min(scalars.count, i + Self.longestName)
            while j < limit {
                key = NameKey.adding(key, scalars[j])
                guard prefixes.contains(key) else { break }
                j += 1
                guard j - i >= 2 else { continue }
                if let rows = fullIndex[key] ?? formerIndex[key],
                   (j - i > 2 && !chainOnly.contains(key)) || Self.adjacent(mentions.last, i, scalars) {
                    found = PlaceMention(start: i, end: j, rows: rows)
                }
                if let rows = shortIndex[key]?.filter({ levels[Int($0)] < .township }), !rows.isEmpty {
                    shorts.append((j, rows))
                }
            }
            if found == nil {
                for short in shorts.reversed() {
                    if let m = shortMention(in: scalars, start: i, end: short.end, rows: short.rows) { found = m; break }
                }
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

    /// The longest full or former name starting at `i`, by extending one scalar at a time.
    func fullName(in scalars: [Unicode.Scalar], at i: Int) -> (end: Int, rows: [Int32])? {
        var result: (Int, [Int32])?
        var key = NameKey.seed
        var j = i
        let limit = min(scalars.count, i + Self.longestName)
        while j < limit {
            key = NameKey.adding(key, scalars[j])
            guard prefixes.contains(key) else { break }
            j += 1
            if j - i >= 3, let rows = fullIndex[key] ?? formerIndex[key] { result = (j, rows) }
        }
        return result
    }

    /// A short name of a province, prefecture or county, accepted before a zone word (the
    /// mention then covers it) or before a full name that lies below it (宁夏银川市).
    private func shortMention(in scalars: [Unicode.Scalar], start: Int, end: Int, rows: [Int32]) -> PlaceMention? {
        for word in Self.zoneWordScalars where end + word.count <= scalars.count {
            if scalars[end..<(end + word.count)].elementsEqual(word) {
                return PlaceMention(start: start, end: end + word.count, rows: rows)
            }
        }
        if let below = fullName(in: scalars, at: end)?.rows,
           case let above = Set(rows), below.contains(where: { b in !above.contains(b) && selfOrAncestor(of: b, isIn: above) }) {
            return PlaceMention(start: start, end: end, rows: rows)
        }
        return nil
    }

    /// Whether a mention ending before `start` joins it: nothing but spaces between them.
    static func adjacent(_ previous: PlaceMention?, _ start: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard let previous, previous.end <= start else { return false }
        return scalars[previous.end..<start].allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
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
                let below = selfAndAncestors(of: current[j + 1].rows)
                current[j].rows = current[j].rows.filter { below.contains($0) }
            }
            chains.append(PlaceChain(mentions: current))
            current = []
        }
        for m in mentions {
            if let last = current.last, Self.adjacent(last, m.start, scalars) {
                let above = Set(last.rows)
                let kept = m.rows.filter { selfOrAncestor(of: $0, isIn: above) }
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
