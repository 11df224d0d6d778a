import Foundation
import ReportKit

/// The index as files under `search/` (layout: docs/search-index.md).
extension SearchIndexBuilder {
    static func slot(_ year: Int?) -> Int {
        guard let year, year > 1900, year < 2156 else { return 0 }
        return year - 1900
    }

    /// Each entry's id: kept from the previous build when its year is the same, otherwise the
    /// next free local number of its year, new reports taken in folder order.
    func assignIDs() -> [Int] { Self.assignIDs(entries.map { ($0.folder, $0.year) }, previous: previous) }

    /// The ids of reports with these folders and years, in this order (what `assignIDs` does,
    /// before any report is added: `made(for:)` adds them in id order).
    static func assignIDs(_ reports: [(folder: String, year: Int?)], previous: SearchIDs) -> [Int] {
        var ids = [Int](repeating: -1, count: reports.count)
        var used = Set<Int>()
        var next: [Int: Int] = [:]
        for (i, e) in reports.enumerated() {
            if let old = previous.byFolder[e.folder], old >> 20 == Self.slot(e.year), used.insert(old).inserted {
                ids[i] = old
                next[old >> 20] = max(next[old >> 20] ?? 0, (old & 0xFFFFF) + 1)
            }
        }
        for i in reports.indices.filter({ ids[$0] < 0 }).sorted(by: { reports[$0].folder < reports[$1].folder }) {
            let slot = Self.slot(reports[i].year)
            let local = next[slot] ?? 0
            next[slot] = local + 1
            ids[i] = slot << 20 | local
        }
        return ids
    }

    /// Every file of the index, sorted by path.
    ///
    /// Key files are made one at a time: the keys are first grouped by file (numbers only), then
    /// each file's keys are read out of the posting pool, encoded and let go, so the build never
    /// holds an encoded key for every key at once. Sets go to `search/s/` in the order of the
    /// key files and of the keys in them, so the names of two sets whose hashes collide do not
    /// depend on the order of a dictionary.
    public mutating func files() -> [OutputFile] { made().files }

    /// The index's files, each entry's id, the number of keys and the key files' space.
    /// `ids`, when given, are `assignIDs()` taken before the reports were added.
    ///
    /// The key files are made first, then the keys and their postings let go (`dropKeys`)
    /// before the document table is made: the two never peak together.
    mutating func made(ids given: [Int]? = nil) -> (files: [OutputFile], ids: [Int], keys: Int, space: KeySpace) {
        let ids = given ?? assignIDs()
        let keyCount = text.grams.count + title.grams.count + keyed.count + suggestions.count
        let space = keySpace()
        var files = keyFiles(ids: ids, space: space, inlineLimit: Self.inlineLimit)
        dropKeys()
        files += documentTable(ids: ids)
        files += regionFiles(space: space)
        return (files.sorted { $0.path < $1.path }, ids, keyCount, space)
    }

    /// Lets go of what only the key files are made from: the keys' grams, their postings and
    /// the cache of runs (the builder then makes no key file again; `made` calls it).
    mutating func dropKeys() {
        (text, title, runGrams) = (GramTable(), GramTable(), [:])
        (keyed, suggestions, nameKeys, suggestionKeys) = ([:], [:], [:], [:])
    }

    /// The key files of every key in `space` (and the set files of sets encoded in more than
    /// `inlineLimit` bytes), unsorted.
    func keyFiles(ids: [Int], space: KeySpace, inlineLimit: Int) -> [OutputFile] {
        var files: [OutputFile] = []
        var sets = SetStore()
        let keyCount = text.grams.count + title.grams.count + keyed.count + suggestions.count
        let bucketCount = space.count
        // Which keys each file holds: a tag per key (its table in the two high bits), grouped
        // by file with a counting sort.
        let keyedKeys = keyed.keys.map { Array($0.unicodeScalars) }
        let suggestionKeys = suggestions.keys.map { Array($0.unicodeScalars) }
        let tables: [(namespace: Unicode.Scalar, table: GramTable)] = [("x", text), ("t", title)]
        var bucketOf = [UInt32]()
        bucketOf.reserveCapacity(keyCount)
        var tags = [UInt32]()
        tags.reserveCapacity(keyCount)
        for (t, (namespace, table)) in tables.enumerated() {
            for (i, gram) in table.grams.enumerated() {
                bucketOf.append(UInt32(space.file(namespace, gram)))
                tags.append(UInt32(t) << 30 | UInt32(i))
            }
        }
        for (i, key) in keyedKeys.enumerated() {
            bucketOf.append(UInt32(space.file(key)))
            tags.append(2 << 30 | UInt32(i))
        }
        for (i, key) in suggestionKeys.enumerated() {
            bucketOf.append(UInt32(space.file(key)))
            tags.append(3 << 30 | UInt32(i))
        }
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        for b in bucketOf { starts[Int(b) + 1] += 1 }
        for b in 0..<bucketCount { starts[b + 1] += starts[b] }
        var order = [UInt32](repeating: 0, count: tags.count)
        var fill = starts
        for (k, b) in bucketOf.enumerated() {
            order[fill[Int(b)]] = tags[k]
            fill[Int(b)] += 1
        }
        bucketOf = []
        tags = []

        func payload(_ docs: [Int32]) -> Bucket.Payload {
            // Reports added in id order (`made(for:)`) give their ids in order: sorted only when not.
            var sorted = true
            var members = [Int]()
            members.reserveCapacity(docs.count)
            for d in docs {
                let id = ids[Int(d)]
                if let last = members.last, last > id { sorted = false }
                members.append(id)
            }
            if !sorted { members.sort() }
            let bytes = DocSet.encode(members)
            guard bytes.count > inlineLimit else { return .inline(bytes) }
            return .reference(sets.add(bytes))
        }
        for b in 0..<bucketCount where starts[b] < starts[b + 1] {
            var items: [Bucket.Item] = []
            for tag in order[starts[b]..<starts[b + 1]] {
                let i = Int(tag & 0x3FFF_FFFF)
                switch tag >> 30 {
                case 0, 1:
                    let (namespace, table) = tables[Int(tag >> 30)]
                    let gram = table.grams[i]
                    let key = [namespace] + gram.scalars
                    // A key with the same reports as its parent (one scalar shorter, in the
                    // same file when the key has five or more) says so.
                    let same = gram.count > Self.bucketPrefix && table.ids[gram.parent].map { table.postings.same($0, Int32(i)) } == true
                    items.append(Bucket.Item(key: key, payload: same ? .parent : .unencoded(table.postings.postings(Int32(i)))))
                case 2:
                    let scalars = keyedKeys[i]
                    let docs = keyed[String(String.UnicodeScalarView(scalars))]!
                    let same = scalars.count > Self.bucketPrefix + 1 && keyed[String(String.UnicodeScalarView(scalars.dropLast()))] == docs
                    items.append(Bucket.Item(key: scalars, payload: same ? .parent : .unencoded(docs)))
                default:
                    let scalars = suggestionKeys[i]
                    // A common character lists the first names only: enough to suggest, never a large file.
                    let lines = suggestions[String(String.UnicodeScalarView(scalars))]!
                    items.append(Bucket.Item(key: scalars, payload: .names(Array(lines.sorted().prefix(Self.suggestionLimit)))))
                }
            }
            items.sort { $0.key.lexicographicallyPrecedes($1.key) { $0.value < $1.value } }
            for k in items.indices {
                if case .unencoded(let docs) = items[k].payload { items[k] = Bucket.Item(key: items[k].key, payload: payload(docs)) }
            }
            files.append(OutputFile(path: space.path(b), data: Data(Bucket.encode(items))))
        }
        for (ref, bytes) in sets.files { files.append(OutputFile(path: "search/s/\(SetStore.name(ref)).bin", data: Data(bytes))) }
        return files
    }

    static let suggestionLimit = 100

    /// The power of two that keeps about `perBucket` keys a file, whatever the size of the site.
    /// The previous count stays while files hold between a quarter and four times the target.
    static func bucketCount(keys: Int, perBucket: Int, previous: Int? = nil) -> Int {
        if let previous, previous > 0, keys <= previous * perBucket * 4, keys * 4 >= previous * perBucket { return previous }
        var b = 1
        while b * perBucket < keys { b *= 2 }
        return b
    }

    /// FNV-1a over the UTF-8 of the first four scalars after the namespace: every key a query
    /// run needs — text, title and name alike — and a key's parent (one scalar shorter, when it
    /// has five or more) is in the one file of that run's first four scalars. Three were not
    /// enough: a phrase of a template before a place name (本报告由 + every town) made one
    /// prefix of three hold 8,000 keys at 100,000 reports.
    static let bucketPrefix = 4

    static func bucket(_ key: [Unicode.Scalar], count: Int) -> Int {
        var h: UInt32 = 0x811C9DC5
        for s in key.dropFirst().prefix(bucketPrefix) {
            for byte in UTF8.encode(s)! { h = (h ^ UInt32(byte)) &* 0x0100_0193 }
        }
        return Int(h % UInt32(count))
    }

    /// The page of the document table an id is on (its slot and page number, as one number).
    static func page(_ id: Int) -> Int { (id >> 20) << 20 | (id & 0xFFFFF) / pageSize }

    /// The pages of the document table (`only` those, when given).
    ///
    /// The entries are grouped by page first (their indices), and each page's rows are made,
    /// written and let go in turn: the build never holds a row of JSON values for every report
    /// at once (at 50,000 reports, the largest part of the index's peak after the postings).
    func documentTable(ids: [Int], pages only: Set<Int>? = nil) -> [OutputFile] {
        var pages: [Int: [Int]] = [:]
        for i in entries.indices {
            let page = Self.page(ids[i])
            if let only, !only.contains(page) { continue }
            pages[page, default: []].append(i)
        }
        return pages.map { page, members in
            let rows = members.sorted { ids[$0] < ids[$1] }.map { i -> JSONValue in
                let e = entries[i]
                return .object([
                    ("i", .int(ids[i] & 0xFFFFF)), ("u", .string(e.folder)), ("t", .string(e.title)), ("b", .string(e.body)),
                    ("y", JSONValue(e.year)), ("c", .array(e.chain.map(JSONValue.string))), ("k", JSONValue(e.code)),
                    ("f", .array(e.figures.map { .array([.string($0.label), .string($0.value)]) })), ("s", .string(e.source)),
                ])
            }
            return OutputFile(path: "search/d/\(page >> 20)-\(page & 0xFFFFF).json", text: JSONValue.array(rows).serialized() + "\n")
        }
    }

    /// `search/index.json` (what every query reads first: sizes, years, provinces) and one
    /// `search/r/<province>.json` per province with its cities and counties, for the filter.
    /// `segment`, when given, is the delta segment the manifest names beside the main shards.
    func regionFiles(space: KeySpace, segment: Segment? = nil) -> [OutputFile] {
        var years: [Int: Int] = [:]
        var places: [String: (name: String, count: Int)] = [:]
        // The keys of each place's codes, once: a site has a few thousand places, and an
        // incremental build makes these files again for one report.
        var regionKeys: [[String]: [String]] = [:]
        for i in siteOrder ?? Array(entries.indices) {
            let e = entries[i]
            if let y = e.year { years[y, default: 0] += 1 }
            if regionKeys[e.codes] == nil { regionKeys[e.codes] = SearchKeys.regionKeys(e.codes) }
            for (name, key) in zip(e.chain, regionKeys[e.codes]!) where key.count <= 6 {
                places[key, default: (name, 0)].count += 1
            }
        }
        func place(_ key: String) -> JSONValue {
            .array([.string(key), .string(places[key]!.name), .int(places[key]!.count)])
        }
        let provinces = places.keys.filter { $0.count == 2 }.sorted()
        var files = provinces.map { p in
            let below = places.keys.filter { $0.count > 2 && $0.hasPrefix(p) }.sorted()
            return OutputFile(path: "search/r/\(p).json", text: JSONValue.array(below.map(place)).serialized() + "\n")
        }
        let manifest = JSONValue.object([
            ("format", .int(3)), ("gram", .int(Self.gramLength)), ("buckets", .int(space.buckets)), ("letters", .int(space.letters)),
            ("page", .int(Self.pageSize)),
            ("reports", .int(entries.count)),
            ("years", .array(years.keys.sorted(by: >).map { .array([.int($0), .int(years[$0]!)]) })),
            ("provinces", .array(provinces.map(place))),
        ] + (segment.map { s in
            [("delta", JSONValue.object([("tag", .string(s.tag)), ("buckets", .int(s.space.buckets)), ("letters", .int(s.space.letters))])),
             ("deleted", .array(s.deleted.map(JSONValue.int)))]
        } ?? []))
        files.append(OutputFile(path: "search/index.json", text: manifest.serialized() + "\n"))
        return files
    }
}

/// Sets too large to sit in a key file, each in `search/s/<id>.bin`, named by a hash of its
/// bytes: the same reports give the same file in every build, so an unchanged set is never
/// rewritten and a browser may cache it for good.
struct SetStore {
    var refs: [[UInt8]: UInt32] = [:]
    var files: [UInt32: [UInt8]] = [:]

    mutating func add(_ bytes: [UInt8]) -> UInt32 {
        if let ref = refs[bytes] { return ref }
        var salt: UInt32 = 0
        while true {
            let h = Self.hash(bytes, salt: salt)
            if files[h] == nil {
                refs[bytes] = h
                files[h] = bytes
                return h
            }
            salt &+= 0x9E37_79B9
        }
    }

    /// FNV-1a 32 of the bytes, from a basis changed by `salt`.
    static func hash(_ bytes: [UInt8], salt: UInt32 = 0) -> UInt32 {
        var h: UInt32 = 0x811C9DC5 ^ salt
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    static func name(_ ref: UInt32) -> String {
        let hex = String(ref, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// A key file: its keys sorted, each stored as the scalars it shares with the previous key
/// and the rest, then what it maps to.
///
///     "NBK1" · varint count · per key: varint shared · varint n · n varint scalars · kind …
///     kind 0: the same reports as the key one scalar shorter (in this file: keys of five or more)
///     kind 1: varint length · a `DocSet`
///     kind 2: 4 bytes, big-endian: the set in search/s/<8 hex digits>.bin
///     kind 3: varint count · per line: varint length · UTF-8 (a suggestion: name TAB chain)
enum Bucket {
    enum Payload {
        case parent
        /// The reports of a key, not encoded yet (never written: `files()` encodes it first).
        case unencoded([Int32])
        case inline([UInt8])
        case reference(UInt32)
        case names([String])
    }

    struct Item {
        let key: [Unicode.Scalar]
        let payload: Payload
    }

    static func encode(_ items: [Item]) -> [UInt8] {
        var out = Array("NBK1".utf8)
        Varint.write(items.count, to: &out)
        var previous: [Unicode.Scalar] = []
        for item in items.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) { $0.value < $1.value } }) {
            let shared = zip(previous, item.key).prefix { $0 == $1 }.count
            Varint.write(shared, to: &out)
            Varint.write(item.key.count - shared, to: &out)
            for s in item.key[shared...] { Varint.write(Int(s.value), to: &out) }
            previous = item.key
            switch item.payload {
            case .parent:
                out.append(0)
            case .unencoded:
                preconditionFailure("a set is encoded before its key file")
            case .inline(let bytes):
                out.append(1)
                Varint.write(bytes.count, to: &out)
                out += bytes
            case .reference(let ref):
                out.append(2)
                out += [UInt8(ref >> 24), UInt8(ref >> 16 & 0xFF), UInt8(ref >> 8 & 0xFF), UInt8(ref & 0xFF)]
            case .names(let lines):
                out.append(3)
                Varint.write(lines.count, to: &out)
                for line in lines {
                    Varint.write(line.utf8.count, to: &out)
                    out += Array(line.utf8)
                }
            }
        }
        return out
    }
}
