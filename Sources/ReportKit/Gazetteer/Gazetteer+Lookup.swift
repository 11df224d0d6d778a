import Foundation

extension Gazetteer {
    // MARK: Rows

    /// The row holding a 12-digit code (shorter all-digit codes of 2, 4, 6 or 9 digits are
    /// padded), by binary search.
    func row(code: String) -> Int32? {
        let digits = Array(code.utf8)
        guard [2, 4, 6, 9, 12].contains(digits.count), let (value, _) = TSVRows.code(digits[...]) else { return nil }
        var lo = 0, hi = codes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if codes[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < codes.count && codes[lo] == value ? Int32(lo) : nil
    }

    func code(of row: Int32) -> String {
        let s = String(codes[Int(row)])
        return String(repeating: "0", count: max(0, 12 - s.count)) + s
    }

    func division(row: Int32) -> Division {
        let p = parents[Int(row)]
        return Division(code: code(of: row), name: names[Int(row)], level: levels[Int(row)],
                        parentCode: p >= 0 ? code(of: p) : nil, isPlaceholder: placeholders[Int(row)])
    }

    func children(row: Int32) -> ArraySlice<Int32> {
        childList[Int(childStart[Int(row)])..<Int(childStart[Int(row) + 1])]
    }

    /// Whether `ancestor` is `row` itself or one of its ancestors.
    func isSelfOrAncestor(_ ancestor: Int32, of row: Int32) -> Bool {
        var r = row
        while r >= 0 {
            if r == ancestor { return true }
            if levels[Int(r)] <= levels[Int(ancestor)] { return false }
            r = parents[Int(r)]
        }
        return false
    }

    /// Every row given and all their ancestors: with it, "is some row of A self-or-ancestor of
    /// b" costs at most four set lookups instead of |A| walks.
    func selfAndAncestors<S: Sequence>(of rows: S) -> Set<Int32> where S.Element == Int32 {
        var result = Set<Int32>()
        for row in rows {
            var r = row
            while r >= 0, result.insert(r).inserted { r = parents[Int(r)] }
        }
        return result
    }

    /// Whether `row` or one of its ancestors is in `set`.
    func selfOrAncestor(of row: Int32, isIn set: Set<Int32>) -> Bool {
        var r = row
        while r >= 0 {
            if set.contains(r) { return true }
            r = parents[Int(r)]
        }
        return false
    }

    /// The rows from the province down to `row`, placeholders included.
    func path(of row: Int32) -> [Int32] {
        var result: [Int32] = []
        var r = row
        while r >= 0 { result.append(r); r = parents[Int(r)] }
        return result.reversed()
    }

    /// The deepest row that is self-or-ancestor of every row given.
    func commonAncestor(of rows: [Int32]) -> Int32? {
        guard var common = rows.first.map(path(of:)) else { return nil }
        for r in rows.dropFirst() {
            let p = path(of: r)
            var n = 0
            while n < common.count && n < p.count && common[n] == p[n] { n += 1 }
            common.removeLast(common.count - n)
        }
        return common.last(where: { !placeholders[Int($0)] })
    }

    // MARK: Public lookups

    /// The division with this code (12 digits, or trimmed to 2/4/6/9).
    public func division(code: String) -> Division? {
        row(code: code).map(division(row:))
    }

    /// The chain province → city → county → town down to `code`, with the NBS placeholder
    /// rows (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) skipped, as a reader expects it:
    /// 北京市 › 朝阳区 › 南磨房地区.
    public func chain(code: String) -> [Division] {
        guard let r = row(code: code) else { return [] }
        return path(of: r).filter { !placeholders[Int($0)] }.map(division(row:))
    }

    /// The divisions directly under `code` (placeholder rows included, as NBS lists them).
    public func children(of code: String) -> [Division] {
        guard let r = row(code: code) else { return [] }
        return children(row: r).map(division(row:))
    }

    /// Divisions with this exact full name; failing that, with this short name (兴庆, 掌政)
    /// where it is unambiguous within its parent; failing that, current divisions a former name
    /// (2016–2022) resolves to. With `under`, only divisions below that code (any depth).
    public func divisions(named name: String, under parent: String? = nil) -> [Division] {
        rows(named: name, under: parent.flatMap { row(code: $0) }, allowShort: true).map(division(row:))
    }

    /// Current divisions a former name (2016–2022 editions, gone from 2023) resolves to.
    /// Where the unit was merged away, this is the nearest ancestor that still exists.
    public func divisions(formerlyNamed name: String) -> [Division] {
        (formerIndex[NameKey.of(name)] ?? []).map(division(row:))
    }

    func rows(named name: String, under parent: Int32?, allowShort: Bool) -> [Int32] {
        let key = NameKey.of(name)
        let lists = [fullIndex[key], allowShort ? shortIndex[key] : nil, formerIndex[key]]
        for list in lists {
            guard let list else { continue }
            let kept = parent.map { p in list.filter { isSelfOrAncestor(p, of: $0) && $0 != p } } ?? list
            if !kept.isEmpty { return kept }
        }
        return []
    }

    // MARK: Regions

    /// The region of a division: province, city, county and town names filled from its chain
    /// (placeholders skipped) and `code` set to the deepest real division.
    public func region(for code: String) -> Region {
        guard let r = row(code: code) else { return .unknown }
        return region(row: r)
    }

    func region(row: Int32) -> Region {
        var region = Region()
        var deepest: Int32?
        for r in path(of: row) where !placeholders[Int(r)] {
            let name = names[Int(r)]
            let code = code(of: r)
            switch levels[Int(r)] {
            case .province: region.province = name; region.codes.province = code
            case .prefecture: region.city = name; region.codes.city = code
            case .county: region.county = name; region.codes.county = code
            case .township: region.town = name; region.codes.town = code
            }
            deepest = r
        }
        region.code = deepest.map(code(of:))
        return region
    }

    /// The region a front matter `region:` names: a code (`640104100000`, or trimmed) or a
    /// slash path (`宁夏回族自治区/银川市/兴庆区/掌政镇`; short and former names accepted,
    /// placeholders may be left out). `nil` unless exactly one division fits.
    public func region(fromOverride text: String) -> Region? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 &- 0x30 < 10 }) {
            return row(code: trimmed).map(region(row:))
        }
        let parts = trimmed.split(whereSeparator: { "/／>›》".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        var current: [Int32] = [-1]
        for part in parts {
            var next: [Int32] = []
            for parent in current {
                next += rows(named: part, under: parent >= 0 ? parent : nil, allowShort: true)
            }
            next = Array(Set(next)).sorted()
            guard !next.isEmpty else { return nil }
            current = next
        }
        return current.count == 1 ? region(row: current[0]) : nil
    }
}
