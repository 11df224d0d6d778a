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
struct OutputTable: Equatable, Sendable {
    static let path = ".nianbao/cache/output.bin"
    static let format: UInt64 = 1
    private static let magic = Array("nianbao-output\n".utf8)

    /// Changing it forgets the file's order of paths and digests (`ordered`), which then no
    /// longer says what the table holds.
    var digests: [String: UInt64] {
        didSet { if !ordered.isEmpty { ordered = [] } }
    }
    /// The paths in the order of the file the table was read from (sorted, as `data` writes
    /// them): a table made from it with a few paths changed is written in that order
    /// (`data(after:adding:)`), not sorted again. Empty for a table made in memory.
    private(set) var order: [String] = []
    /// The digests of `order`, at the same index, while `digests` is as read (`digests(ofSorted:)`).
    private var ordered: [UInt64] = []

    init(_ digests: [String: UInt64] = [:]) { self.digests = digests }

    /// Two tables are the same when they name the same files with the same digests.
    static func == (a: OutputTable, b: OutputTable) -> Bool { a.digests == b.digests }

    subscript(path: String) -> UInt64? { digests[path] }

    /// The digest of each of `wanted`, `nil` where the table has none. For paths sorted as the
    /// table's file has them (the plan's), on a table read from its file: found by walking
    /// both lists in order, one comparison of paths each, not by hashing 60,000 paths at
    /// 10,000 reports and looking each up. Otherwise (paths in another order, a table made
    /// or changed in memory), looked up one by one.
    func digests(ofSorted wanted: [String]) -> [UInt64?] {
        guard ordered.count == order.count, order.count == digests.count, !order.isEmpty else { return wanted.map { digests[$0] } }
        var found = [UInt64?](repeating: nil, count: wanted.count)
        var j = 0, sorted = true
        for (i, path) in wanted.enumerated() {
            if i > 0, !(wanted[i - 1] < path) {
                sorted = false
                break
            }
            while j < order.count, order[j] < path { j += 1 }
            if j < order.count, order[j] == path {
                found[i] = ordered[j]
                j += 1
            }
        }
        return sorted ? found : wanted.map { digests[$0] }
    }

    /// The digest a file is known by.
    static func digest(_ data: Data) -> UInt64 {
        var d = Digest()
        data.withUnsafeBytes { d.add(bytes: $0) }
        return d.value
    }

    var data: Data {
        var w = CacheWriter(magic: Self.magic, format: Self.format, capacity: digests.count * 64)
        w.uint(UInt64(digests.count))
        for (path, digest) in digests.sorted(by: { $0.key < $1.key }) {
            w.string(path)
            w.fixed(digest)
        }
        return BuildCache.sealed(w)
    }

    /// The same bytes as `data`, for a table that is `previous` (read from its file) with some
    /// digests changed, some paths removed and `added` (the paths `previous` lacks) added: the
    /// previous file's order is followed and the few added paths merged in, instead of sorting
    /// 60,000 paths again (an edit at 10,000 reports). Each path written is checked to come
    /// after the one before, and every path of the table to be written, so anything
    /// unexpected (a previous table in another order, an added path it had) gives `data`.
    func data(after previous: OutputTable, adding added: [String]) -> Data {
        guard !previous.order.isEmpty, previous.order.count == previous.digests.count else { return data }
        let fresh = added.sorted()
        var w = CacheWriter(magic: Self.magic, format: Self.format, capacity: digests.count * 64)
        w.uint(UInt64(digests.count))
        var last: String?, written = 0, next = 0
        func write(_ path: String, _ digest: UInt64?) -> Bool {
            guard let digest, last.map({ $0 < path }) ?? true else { return false }
            w.string(path)
            w.fixed(digest)
            last = path
            written += 1
            return true
        }
        for path in previous.order {
            guard let digest = digests[path] else { continue }
            while next < fresh.count, fresh[next] < path {
                guard write(fresh[next], digests[fresh[next]]) else { return data }
                next += 1
            }
            guard write(path, digest) else { return data }
        }
        while next < fresh.count {
            guard write(fresh[next], digests[fresh[next]]) else { return data }
            next += 1
        }
        guard written == digests.count else { return data }
        return BuildCache.sealed(w)
    }

    /// The table in the site at `root`, `nil` when there is none or it is damaged.
    static func read(site root: String) -> OutputTable? {
        guard let data = Disk.mapped(root + "/" + path) else { return nil }
        return try? BuildCache.unsealed(data, magic: magic, format: format) { r in
            let n = try r.count()
            var digests: [String: UInt64] = [:], order: [String] = [], ordered: [UInt64] = []
            digests.reserveCapacity(n)
            order.reserveCapacity(n)
            ordered.reserveCapacity(n)
            for _ in 0..<n {
                let path = try r.string()
                let digest = try r.fixed()
                digests[path] = digest
                order.append(path)
                ordered.append(digest)
            }
            var table = OutputTable(digests)
            table.order = order
            table.ordered = ordered
            return table
        }
    }

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
}
