import Foundation

/// What a site written by an incremental build holds: every file's path and the digest of its
/// bytes (xxHash64), in `.nianbao/cache/output.bin`. The writer reads the live site's table
/// to tell which files a new build can link as they are, without reading them. Written last
/// into every staged site, and removed first from the spare before a build brings it up to
/// date (`OutputWriter.Staging`), so a table on disk always describes the folder it sits in.
///
///     "nianbao-output\n"  format (varint)  count (varint)
///     count × (path: varint length + UTF-8, digest: 8 bytes little-endian)
///     xxHash64 of everything above (8 bytes)
///
/// The entries are in the order of their paths' UTF-8 bytes, each path after the one before
/// (checked when the table is read: one that is not is damaged). The table is kept as those
/// bytes with where each entry starts, not as a dictionary of 60,000 strings at 10,000
/// reports: a path is found by bisection, a table read beside the plan's sorted paths by one
/// walk, and the next build's table is the bytes of this one's kept entries, copied in runs,
/// with the few entries placed anew merged in (`merged`).
struct OutputTable: Equatable, Sendable {
    static let path = ".nianbao/cache/output.bin"
    /// 2: the entries in the order of their paths' bytes (format 1: of Swift's string order).
    static let format: UInt64 = 2
    private static let magic = Array("nianbao-output\n".utf8)

    /// The file's bytes, sealed.
    let data: Data
    /// Where each entry's path starts in `data`, and its length: its digest follows it.
    private let starts: [Int32]
    private let lengths: [Int32]
    /// The entries whose paths are hidden at the site's top (start with a dot: the build's own).
    let hidden: Int

    var count: Int { starts.count }
    /// The site's own files: the entries not hidden.
    var files: Int { starts.count - hidden }

    /// A table of these files.
    init(_ digests: [String: UInt64] = [:]) {
        self.init(sortedEntries: Self.sorted(digests.map { (Array($0.key.utf8), $0.value) }))
    }

    /// The table of entries already in the order of their paths' bytes, each path once.
    private init(sortedEntries entries: [(path: [UInt8], digest: UInt64)]) {
        var w = CacheWriter(magic: Self.magic, format: Self.format, capacity: entries.count * 64 + 32)
        w.uint(UInt64(entries.count))
        for e in entries {
            w.uint(UInt64(e.path.count))
            w.append(e.path)
            w.fixed(e.digest)
        }
        // Made here from sorted entries: its own bytes always read back.
        self = Self(data: BuildCache.sealed(w))!
    }

    /// The table in `data`; `nil` when it is damaged, of another format, or its paths are not
    /// each after the one before.
    init?(data: Data) {
        guard let parsed = try? BuildCache.unsealed(data, magic: Self.magic, format: Self.format, { r -> ([Int32], [Int32]) in
            let n = try r.count()
            var starts: [Int32] = [], lengths: [Int32] = []
            starts.reserveCapacity(n)
            lengths.reserveCapacity(n)
            for _ in 0..<n {
                let length = try r.count()
                let range = try r.skip(length)
                _ = try r.fixed()
                starts.append(Int32(range.lowerBound))
                lengths.append(Int32(length))
            }
            return (starts, lengths)
        }), data.count < Int(Int32.max) else { return nil }
        let (starts, lengths) = parsed
        // Strictly in byte order: a bisection finds every path, and no path is there twice.
        let hidden = data.withUnsafeBytes { raw -> Int? in
            var hidden = 0
            for i in starts.indices {
                if lengths[i] > 0, raw[Int(starts[i])] == 0x2E { hidden += 1 }
                if i > 0, Self.compare(raw, starts[i - 1], lengths[i - 1], starts[i], lengths[i]) >= 0 { return nil }
            }
            return hidden
        }
        guard let hidden else { return nil }
        self.data = data
        self.starts = starts
        self.lengths = lengths
        self.hidden = hidden
    }

    /// The table in the site at `root`, `nil` when there is none or it is damaged.
    static func read(site root: String) -> OutputTable? {
        Disk.mapped(root + "/" + path).flatMap { OutputTable(data: $0) }
    }

    /// Two tables are the same when they name the same files with the same digests: the same bytes.
    static func == (a: OutputTable, b: OutputTable) -> Bool { a.data == b.data }

    subscript(path: String) -> UInt64? { index(of: path).map(digest(at:)) }

    /// The path of entry `i`.
    func path(at i: Int) -> String {
        data.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[Int(starts[i])..<Int(starts[i] + lengths[i])]), as: UTF8.self) }
    }

    func digest(at i: Int) -> UInt64 {
        data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: Int(starts[i] + lengths[i]), as: UInt64.self)) }
    }

    /// Whether entry `i`'s path is hidden at the site's top (the build's own files).
    func isHidden(at i: Int) -> Bool {
        lengths[i] > 0 && data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in raw[Int(starts[i])] == 0x2E }
    }

    /// Every entry, decoded (a listing checked against the table, a spare made from it).
    var entries: [(path: String, digest: UInt64)] { starts.indices.map { (path(at: $0), digest(at: $0)) } }

    /// Every entry by path (tests; nothing a build does).
    var digests: [String: UInt64] { Dictionary(entries.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a }) }

    /// The index of `path`'s entry, by bisection; `nil` when the table lacks it.
    func index(of path: String) -> Int? {
        var path = path
        return path.withUTF8 { utf8 in
            data.withUnsafeBytes { raw in
                let i = lowerBound(utf8, in: raw)
                return i < starts.count && compare(raw, i, utf8) == 0 ? i : nil
            }
        }
    }

    /// The first entry whose path is not before `utf8`.
    private func lowerBound(_ utf8: UnsafeBufferPointer<UInt8>, in raw: UnsafeRawBufferPointer) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if compare(raw, mid, utf8) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The entries whose paths begin with `prefix`, in order (the search index's files under `search/`).
    func indices(withPrefix prefix: String) -> Range<Int> {
        var prefix = prefix
        return prefix.withUTF8 { utf8 in
            data.withUnsafeBytes { raw in
                let first = lowerBound(utf8, in: raw)
                var end = first
                while end < starts.count, lengths[end] >= utf8.count,
                      memcmp(raw.baseAddress! + Int(starts[end]), utf8.baseAddress!, utf8.count) == 0 { end += 1 }
                return first..<end
            }
        }
    }

    /// The index of the entry of each of `wanted`, `nil` where the table has none. For paths
    /// sorted as the table's (the plan's paths): found by walking both in order, one comparison
    /// of bytes each, not by 60,000 bisections at 10,000 reports; a path out of that order is
    /// looked for by bisection.
    func indices(ofSorted wanted: [String]) -> [Int?] {
        var found = [Int?](repeating: nil, count: wanted.count)
        data.withUnsafeBytes { raw in
            var j = 0
            for (i, path) in wanted.enumerated() {
                var path = path
                path.withUTF8 { utf8 in
                    // Behind the walk (not in the table's order): bisected, the walk left where it is.
                    if j > 0, compare(raw, j - 1, utf8) >= 0 {
                        let k = lowerBound(utf8, in: raw)
                        if k < starts.count, compare(raw, k, utf8) == 0 { found[i] = k }
                        return
                    }
                    while j < starts.count, compare(raw, j, utf8) < 0 { j += 1 }
                    if j < starts.count, compare(raw, j, utf8) == 0 {
                        found[i] = j
                        j += 1
                    }
                }
            }
        }
        return found
    }

    /// For each entry, the index of `other`'s entry with the same path and digest, -1 where
    /// `other` has none: both tables walked once, side by side (the live site's and the spare's).
    func matches(in other: OutputTable) -> [Int32] {
        var found = [Int32](repeating: -1, count: starts.count)
        data.withUnsafeBytes { a in
            other.data.withUnsafeBytes { b in
                var j = 0
                for i in starts.indices {
                    var order = 1
                    while j < other.starts.count {
                        order = Self.compare(b, other.starts[j], other.lengths[j], a, starts[i], lengths[i])
                        if order >= 0 { break }
                        j += 1
                    }
                    guard order == 0 else { continue }
                    if memcmp(a.baseAddress! + Int(starts[i] + lengths[i]), b.baseAddress! + Int(other.starts[j] + other.lengths[j]), 8) == 0 {
                        found[i] = Int32(j)
                    }
                    j += 1
                }
            }
        }
        return found
    }

    /// The digest a file is known by.
    static func digest(_ data: Data) -> UInt64 {
        var d = Digest()
        data.withUnsafeBytes { d.add(bytes: $0) }
        return d.value
    }

    /// What `merged` wrote: entries encoded one by one, runs of a previous table's entries copied.
    struct Written: Equatable, Sendable {
        var encoded = 0
        var runs = 0
    }

    /// The bytes of the table with `previous`'s entries that `kept` says (by index), and
    /// `added` (paths `previous` does not keep; any order): the kept entries are copied from
    /// `previous`'s bytes in runs, the added ones sorted and merged in where they belong, so
    /// an edit at 10,000 reports encodes a few entries and copies a few runs, not 60,000.
    /// The same bytes as `OutputTable(…).data` of the same entries.
    static func merged(_ previous: OutputTable?, kept: (Int) -> Bool, keptCount: Int, adding added: [String: UInt64],
                       written: inout Written) -> Data {
        let fresh = sorted(added.map { (Array($0.key.utf8), $0.value) })
        var out = Data(capacity: (previous?.data.count ?? 0) + fresh.count * 80 + 64)
        out.append(contentsOf: magic)
        var w = CacheWriter(capacity: 20)
        w.uint(format)
        w.uint(UInt64(keptCount + fresh.count))
        out.append(contentsOf: w.bytes)
        func encode(_ e: (path: [UInt8], digest: UInt64)) {
            var w = CacheWriter(capacity: e.path.count + 16)
            w.uint(UInt64(e.path.count))
            w.append(e.path)
            w.fixed(e.digest)
            out.append(contentsOf: w.bytes)
            written.encoded += 1
        }
        if let previous {
            previous.data.withUnsafeBytes { raw in
                // Where each added path goes among the previous entries (bisection): the runs between.
                var next = 0
                // The entry's bytes from its length's varint to the end of its digest.
                func entryStart(_ i: Int) -> Int { Int(previous.starts[i]) - varintSize(UInt64(previous.lengths[i])) }
                func entryEnd(_ i: Int) -> Int { Int(previous.starts[i] + previous.lengths[i]) + 8 }
                var run: Range<Int>?
                func flush() {
                    guard let r = run else { return }
                    out.append(raw.baseAddress!.advanced(by: entryStart(r.lowerBound)).assumingMemoryBound(to: UInt8.self),
                               count: entryEnd(r.upperBound - 1) - entryStart(r.lowerBound))
                    written.runs += 1
                    run = nil
                }
                // The previous entries up to `end`: the kept ones gathered into runs, copied at
                // each entry not kept and before each one encoded.
                func copy(upTo end: Int) {
                    while next < end {
                        if kept(next) {
                            run = run.map { $0.lowerBound..<(next + 1) } ?? next..<(next + 1)
                        } else {
                            flush()
                        }
                        next += 1
                    }
                    flush()
                }
                for e in fresh {
                    copy(upTo: e.path.withUnsafeBufferPointer { previous.lowerBound($0, in: raw) })
                    encode(e)
                }
                copy(upTo: previous.count)
            }
        } else {
            for e in fresh { encode(e) }
        }
        var d = Digest()
        out.withUnsafeBytes { d.add(bytes: $0) }
        withUnsafeBytes(of: d.value.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// The bytes of a varint of `value` (`CacheWriter.uint`).
    private static func varintSize(_ value: UInt64) -> Int {
        var n = 1, v = value
        while v >= 0x80 {
            v >>= 7
            n += 1
        }
        return n
    }

    /// Entries in the order of their paths' bytes (the table's order).
    private static func sorted(_ entries: [(path: [UInt8], digest: UInt64)]) -> [(path: [UInt8], digest: UInt64)] {
        entries.sorted { a, b in
            a.path.withUnsafeBufferPointer { x in b.path.withUnsafeBufferPointer { y in compare(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) < 0 } }
        }
    }

    /// The order of entry `i`'s path and `utf8`.
    private func compare(_ raw: UnsafeRawBufferPointer, _ i: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        Self.compare(UnsafeRawBufferPointer(rebasing: raw[Int(starts[i])..<Int(starts[i] + lengths[i])]), UnsafeRawBufferPointer(utf8))
    }

    private static func compare(_ a: UnsafeRawBufferPointer, _ aStart: Int32, _ aLength: Int32,
                                _ bStart: Int32, _ bLength: Int32) -> Int {
        compare(a, aStart, aLength, a, bStart, bLength)
    }

    private static func compare(_ a: UnsafeRawBufferPointer, _ aStart: Int32, _ aLength: Int32,
                                _ b: UnsafeRawBufferPointer, _ bStart: Int32, _ bLength: Int32) -> Int {
        compare(UnsafeRawBufferPointer(rebasing: a[Int(aStart)..<Int(aStart + aLength)]),
                UnsafeRawBufferPointer(rebasing: b[Int(bStart)..<Int(bStart + bLength)]))
    }

    /// The order of two byte strings (`memcmp`, then the shorter first): negative, 0 or positive.
    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int { Manifest.compare(a, b) }

    /// The site's own files at `root` (hidden entries at the top left out: the marker, the
    /// build's `.nianbao/`, a deploy checkout's `.git`): names only, nothing is read. A
    /// rebuild compares it with the table, so a file removed or added by hand is noticed.
    static func listing(site root: String) -> Set<String> {
        var folders: [FolderStamps.Folder] = []
        return listing(site: root, folders: &folders)
    }

    /// The same, with the stamp and names of every folder listed (`FolderStamps`), by path
    /// relative to the site ("" for the site itself).
    static func listing(site root: String, folders: inout [FolderStamps.Folder]) -> Set<String> {
        var found = Set<String>()
        func walk(_ relative: String) {
            var stamp: FileStamp?
            let entries = (try? Disk.entryKinds(root + relative, stamp: &stamp)) ?? []
            if let stamp {
                folders.append(FolderStamps.Folder(path: String(relative.dropFirst()), stamp: stamp,
                                                   names: FolderStamps.Names(entries, top: relative.isEmpty)))
            }
            for (name, isFolder) in entries where !(relative.isEmpty && name.hasPrefix(".")) {
                let rel = relative + "/" + name
                if isFolder { walk(rel) } else { found.insert(String(rel.dropFirst())) }
            }
        }
        walk("")
        return found
    }

    /// Whether every file of the table not hidden is in `found`, and no other: a listing of its site.
    func isListed(_ found: Set<String>) -> Bool {
        files == found.count && starts.indices.allSatisfy { isHidden(at: $0) || found.contains(path(at: $0)) }
    }
}
