import Foundation

/// What the search index was made from, kept beside the build cache
/// (`.nianbao/cache/search.bin`) so that the next build can add, change and remove reports
/// without making the index again (`SearchIndexBuilder.updating`): each document's digest and
/// id, the number of key files of the main shards, and the delta segment — which documents are
/// in it rather than in the main shards, which ids of the main shards are taken out, which
/// suggestion keys it lists whole, and its files (removed when it is made again or merged).
///
/// It is a pure function of the index, so two builds that make the same index write the same bytes.
struct SearchState: Equatable, Sendable {
    static let path = ".nianbao/cache/search.bin"
    /// 4: the delta segment (3 kept the set references and key counts of the patched shards).
    static let format: UInt64 = 4
    private static let magic = Array("nianbao-search\n".utf8)

    struct Document: Equatable, Sendable {
        let digest: UInt64
        let id: Int
    }

    var buckets: Int
    /// Key files of the letter space (`KeySpace`).
    var letters: Int
    /// By folder.
    var documents: [String: Document]
    /// Folders whose current version is in the delta segment, not in the main shards.
    var delta: Set<String> = []
    /// Ids of the main shards' reports taken out (changed or removed since the shards were
    /// made), sorted: the search page takes them out of every set it reads there.
    var deleted: [Int] = []
    /// Suggestion keys the delta lists whole (a place of a report taken out or put in).
    var overridden: Set<String> = []
    /// The delta segment's files.
    var deltaFiles: [String] = []

    var file: OutputFile {
        var w = CacheWriter(magic: Self.magic, format: Self.format, fingerprint: BuildFingerprint.current,
                            capacity: documents.count * 24 + deltaFiles.count * 32 + 64)
        w.int(buckets)
        w.int(letters)
        w.array(documents.sorted { $0.key < $1.key }) { w, d in
            w.string(d.key)
            w.fixed(d.value.digest)
            w.int(d.value.id)
        }
        w.array(delta.sorted()) { w, folder in w.string(folder) }
        w.array(deleted) { w, id in w.int(id) }
        w.array(overridden.sorted()) { w, key in w.string(key) }
        w.array(deltaFiles) { w, path in w.string(path) }
        return OutputFile(path: Self.path, data: BuildCache.sealed(w))
    }

    /// The state a previous build left in `site`, or `nil` (none, damaged, another program's).
    static func read(site: URL) -> SearchState? {
        (try? Data(contentsOf: site.appendingPathComponent(path))).flatMap(read(data:))
    }

    /// The state in `data`, the bytes of a state file; `nil` when damaged or another program's.
    static func read(data: Data) -> SearchState? {
        try? BuildCache.unsealed(data, magic: magic, format: format, fingerprint: BuildFingerprint.current) { r in
            let buckets = try r.int(), letters = try r.int()
            var documents: [String: Document] = [:]
            for (folder, document) in try r.array({ r in (try r.string(), Document(digest: try r.fixed(), id: try r.int())) }) {
                documents[folder] = document
            }
            let delta = Set(try r.array { r in try r.string() })
            let deleted = try r.array { r in try r.int() }
            let overridden = Set(try r.array { r in try r.string() })
            let deltaFiles = try r.array { r in try r.string() }
            return SearchState(buckets: buckets, letters: letters, documents: documents, delta: delta, deleted: deleted,
                               overridden: overridden, deltaFiles: deltaFiles)
        }
    }
}
