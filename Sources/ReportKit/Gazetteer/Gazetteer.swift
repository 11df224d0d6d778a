import Foundation

/// The map of divisions (NBS 2023 edition) with the indexes the resolver needs: code → row,
/// full name → rows, short name → rows, former name → rows.
///
/// Rows are kept in flat arrays indexed by `Int32` rather than one object per division: 44,699
/// rows load in a few milliseconds this way, and the indexes are built once, at load, so a
/// lookup never scans the table. `shared` loads the resource shipped in the bundle lazily,
/// once and thread-safely (a `static let`).
public final class Gazetteer: Sendable {
    /// The gazetteer from the bundled resource (`Resources/divisions.tsv`, `former-names.tsv`).
    public static let shared: Gazetteer = {
        let divisions = ResourceFile.data("divisions") ?? Data()
        let former = ResourceFile.data("former-names") ?? Data()
        return Gazetteer(divisionsTSV: divisions, formerNamesTSV: former)
    }()

    // Row storage, sorted by code: parents come before their children.
    let codes: [UInt64]
    let names: [String]
    let levels: [Division.Level]
    let parents: [Int32]
    let placeholders: [Bool]
    // Children in compressed form: children of row i are childList[childStart[i]..<childStart[i+1]].
    let childStart: [Int32]
    let childList: [Int32]
    /// Full name → rows (keys are `NameKey`s).
    let fullIndex: RowIndex
    /// Name without its suffix (兴庆, 掌政, 宁夏) → rows, only where unambiguous within the parent.
    let shortIndex: RowIndex
    /// A name from the 2016–2022 editions that is gone from 2023 → the rows it became (or,
    /// where the unit was merged away, the nearest ancestor that still exists).
    let formerIndex: RowIndex
    /// Rows whose name is a generic phrase (经济开发区管理委员会, 工业园区, 国营渔场, 良种场): read only
    /// right after a place above them, never alone, since the phrase occurs in any report.
    let chainOnly: Set<UInt64>
    /// Keys of every prefix of every indexed name: a scan stops as soon as no name starts so.
    let prefixes: PrefixFilter

    /// Builds the gazetteer from the compact resource form written by `scripts/make-gazetteer.py`:
    /// `divisions.tsv` lines `CODE\tNAME` with the code trimmed to 2/4/6/9 digits, and
    /// `former-names.tsv` lines `CODE\tNAME\tTARGET`.
    public init(divisionsTSV: Data, formerNamesTSV: Data) {
        var codes: [UInt64] = [], names: [String] = [], levels: [Division.Level] = []
        var parents: [Int32] = [], placeholders: [Bool] = []
        codes.reserveCapacity(45_000); names.reserveCapacity(45_000); levels.reserveCapacity(45_000)
        parents.reserveCapacity(45_000); placeholders.reserveCapacity(45_000)

        func find(_ code: UInt64, in codes: [UInt64]) -> Int32? {
            var lo = 0, hi = codes.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if codes[mid] < code { lo = mid + 1 } else { hi = mid }
            }
            return lo < codes.count && codes[lo] == code ? Int32(lo) : nil
        }

        // Names as byte ranges of the file: each is made a `String` once, and read as scalars
        // from its bytes below (not decoded again from the `String`).
        let divisionRows = TSVRows(divisionsTSV)
        var nameBytes: [Range<Int>] = []
        nameBytes.reserveCapacity(45_000)
        for (code, digits, nameRange, _) in divisionRows {
            guard let level = Gazetteer.level(digits: digits) else { continue }
            if let last = codes.last, code <= last { continue } // the table must stay sorted
            var parent: Int32 = -1
            for divisor in Gazetteer.parentDivisors(digits: digits) {
                if let p = find(code / divisor * divisor, in: codes) { parent = p; break }
            }
            let name = divisionRows.string(nameRange)
            codes.append(code)
            names.append(name)
            nameBytes.append(nameRange)
            levels.append(level)
            parents.append(parent)
            placeholders.append(Gazetteer.isPlaceholder(name, level: level, code: code))
        }

        var counts = [Int32](repeating: 0, count: codes.count + 1)
        for p in parents where p >= 0 { counts[Int(p) + 1] += 1 }
        for i in 0..<codes.count { counts[i + 1] += counts[i] }
        var fill = counts
        var list = [Int32](repeating: 0, count: codes.count)
        for (i, p) in parents.enumerated() where p >= 0 {
            list[Int(fill[Int(p)])] = Int32(i)
            fill[Int(p)] += 1
        }

        // One pass over the names with a reused scalar buffer: the key of every prefix goes into
        // `prefixes`, the whole name into `full`, and the short name's key (a prefix of the
        // name, so already in `prefixes`) is kept for the sibling check below.
        var full = RowIndex(capacity: 45_000)
        var prefixes = PrefixFilter()
        var shortKeys = [UInt64](repeating: 0, count: codes.count)
        var genericRows = Set<Int32>()
        var buffer: [Unicode.Scalar] = []
        var keys: [UInt64] = []
        buffer.reserveCapacity(80); keys.reserveCapacity(80)
        func hashPrefixes() {
            keys.removeAll(keepingCapacity: true)
            var key = NameKey.seed
            for s in buffer {
                key = NameKey.adding(key, s)
                keys.append(key)
                prefixes.insert(key)
            }
        }
        for (i, range) in nameBytes.enumerated() where !placeholders[i] {
            buffer.removeAll(keepingCapacity: true)
            divisionRows.scalars(range, into: &buffer)
            hashPrefixes()
            guard let key = keys.last else { continue }
            full.add(Int32(i), for: key)
            if Gazetteer.isGenericUnit(buffer, code: codes[i], level: levels[i]) { genericRows.insert(Int32(i)) }
            if let n = ShortName.length(of: buffer, level: levels[i]) { shortKeys[i] = keys[n - 1] }
            // Beijing's XX地区 is the same body as XX乡 / XX镇 (南磨房地区 = 南磨房乡人民政府).
            if levels[i] == .township && buffer.count > 3 && buffer[buffer.count - 2] == "地" && buffer[buffer.count - 1] == "区" {
                buffer.removeLast(2)
                for last: Unicode.Scalar in ["乡", "镇"] {
                    buffer.append(last)
                    let alias = NameKey.of(buffer)
                    if !full.contains(alias) { full.add(Int32(i), for: alias); prefixes.insert(alias) }
                    buffer.removeLast()
                }
            }
        }

        // Short names, kept only where no sibling shares them.
        var short = RowIndex(capacity: 40_000)
        let roots = parents.indices.filter { parents[$0] < 0 }.map { Int32($0) }
        // Siblings' (key, row) sorted by key: a key alone in its run is no sibling's. Sorting a
        // few dozen pairs costs less than hashing them into a dictionary and a set.
        var pairs: [(key: UInt64, row: Int32)] = []
        for parentRow in -1..<codes.count {
            let kids = parentRow < 0 ? roots[...] : list[Int(counts[parentRow])..<Int(counts[parentRow + 1])]
            guard !kids.isEmpty else { continue }
            pairs.removeAll(keepingCapacity: true)
            for k in kids where shortKeys[Int(k)] != 0 { pairs.append((shortKeys[Int(k)], k)) }
            pairs.sort { $0.key < $1.key }
            var i = 0
            while i < pairs.count {
                var j = i + 1
                while j < pairs.count && pairs[j].key == pairs[i].key { j += 1 }
                if j == i + 1 { short.add(pairs[i].row, for: pairs[i].key) }
                i = j
            }
        }

        // Keys whose every row is a generic unit name.
        var chainOnly = Set<UInt64>()
        for row in genericRows {
            let key = NameKey.of(names[Int(row)])
            if full[key]?.allSatisfy(genericRows.contains) ?? false { chainOnly.insert(key) }
        }

        var former = RowIndex(capacity: 10_000)
        let formerRows = TSVRows(formerNamesTSV)
        for (code, digits, name, target) in formerRows {
            buffer.removeAll(keepingCapacity: true)
            formerRows.scalars(name, into: &buffer)
            let key = NameKey.of(buffer)
            guard !full.contains(key), let target, let t = find(target, in: codes) else { continue }
            former.add(t, for: key)
            if let level = Gazetteer.level(digits: digits), Gazetteer.isGenericUnit(buffer, code: code, level: level) {
                chainOnly.insert(key)
            }
            hashPrefixes()
        }

        self.codes = codes
        self.names = names
        self.levels = levels
        self.parents = parents
        self.placeholders = placeholders
        self.childStart = counts
        self.childList = list
        self.fullIndex = full
        self.shortIndex = short
        self.formerIndex = former
        self.prefixes = prefixes
        self.chainOnly = chainOnly
    }

    /// Number of rows (44,699 for the 2023 edition).
    public var count: Int { codes.count }

    static func level(digits: Int) -> Division.Level? {
        switch digits {
        case 2: .province
        case 4: .prefecture
        case 6: .county
        case 9: .township
        default: nil
        }
    }

    /// What a code is cut to (`code / d * d`) for its candidate parents, nearest first (a
    /// township of 东莞 has no county: its parent is the prefecture). Constant arrays: none is
    /// made per row.
    static func parentDivisors(digits: Int) -> [UInt64] {
        switch digits {
        case 9: townshipParents
        case 6: countyParents
        case 4: prefectureParents
        default: []
        }
    }

    private static let townshipParents: [UInt64] = [1_000_000, 100_000_000, 10_000_000_000]
    private static let countyParents: [UInt64] = [100_000_000, 10_000_000_000]
    private static let prefectureParents: [UInt64] = [10_000_000_000]

    /// Whether a row is a unit that is not an administrative division (TTT 400–599 townships,
    /// county-level zones 71–79) with a name that says what it is, not where: 经济开发区管理委员会,
    /// 工业园区, 劳教所. A real town such as 县底镇 is never one.
    static func isGenericUnit(_ name: [Unicode.Scalar], code: UInt64, level: Division.Level) -> Bool {
        let unit = level == .township ? code / 1000 % 1000 >= 400 : level == .county && (71...79).contains(code / 1_000_000 % 100)
        return unit && (name.count <= 3 || genericStartScalars.contains { name.starts(with: $0) })
    }

    /// Opening words of division names that say what a unit is, not where.
    static let genericStarts = ["经济", "工业", "高新", "开发", "产业", "农业", "科技", "国营", "示范", "监狱", "良种",
                                "原种", "城区", "新区", "园区", "省", "市", "县", "农场", "林场"]
    static let genericStartScalars = genericStarts.map { Array($0.unicodeScalars) }

    static let placeholderNames: Set<String> = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]

    /// NBS groupings: 市辖区 / 县 / 省直辖县级行政区划 / 自治区直辖县级行政区划 prefectures, the 市辖区
    /// county of 嘉峪关, and the TTT=198 …直辖村级区划 township rows.
    static func isPlaceholder(_ name: String, level: Division.Level, code: UInt64) -> Bool {
        switch level {
        case .prefecture: placeholderNames.contains(name)
        case .county: name == "市辖区"
        case .township: code / 1000 % 1000 == 198 && name.hasSuffix("直辖村级区划")
        case .province: false
        }
    }
}

/// The resource files shipped in the bundle (`Resources/` copied as a folder).
enum ResourceFile {
    static func data(_ name: String) -> Data? {
        let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: "tsv")
        return url.flatMap { try? Data(contentsOf: $0) }
    }
}

/// Rows of a compact gazetteer file: `CODE\tNAME[\tTARGET]`, codes trimmed (2/4/6/9 digits)
/// and returned as 12-digit numbers, the name as its bytes' range. Reads bytes, not `String`
/// lines, to keep loading fast.
struct TSVRows: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var position = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    mutating func next() -> (code: UInt64, digits: Int, name: Range<Int>, target: UInt64?)? {
        while position < bytes.count {
            var end = position
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { position = end + 1 }
            // The first three tab-separated fields, found in place (no array of fields a line).
            func fieldEnd(from start: Int) -> Int {
                var i = start
                while i < end && bytes[i] != 0x09 { i += 1 }
                return i
            }
            let first = fieldEnd(from: position)
            guard first < end, let (code, digits) = Self.code(bytes[position..<first]) else { continue }
            let second = fieldEnd(from: first + 1)
            let name = (first + 1)..<second
            let target = second < end ? Self.code(bytes[(second + 1)..<fieldEnd(from: second + 1)])?.0 : nil
            return (code, digits, name, target)
        }
        return nil
    }

    /// The name at `range` (from `next`).
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The name at `range` as scalars, appended to `buffer`: what `string(range).unicodeScalars`
    /// gives (a bad byte as U+FFFD), without the `String`.
    func scalars(_ range: Range<Int>, into buffer: inout [Unicode.Scalar]) {
        _ = transcode(bytes[range].makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: false) {
            buffer.append(Unicode.Scalar($0) ?? "\u{FFFD}")
        }
    }

    /// A trimmed code → its 12-digit value and its digit count.
    static func code(_ field: ArraySlice<UInt8>) -> (UInt64, Int)? {
        guard !field.isEmpty, field.count <= 12 else { return nil }
        var value: UInt64 = 0
        for b in field {
            guard b &- 0x30 < 10 else { return nil }
            value = value * 10 + UInt64(b - 0x30)
        }
        for _ in field.count..<12 { value *= 10 }
        return (value, field.count)
    }
}
