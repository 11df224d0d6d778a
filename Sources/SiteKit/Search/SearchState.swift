import Foundation

/// What the search index was made from and what its files share, kept beside the build cache
/// (`.nianbao/cache/search.bin`) so that the next build can add, change and remove reports in
/// the index without making it again (`SearchIndexBuilder.updating`): each document's digest,
/// id and body name (with its cached record, what makes a changed or removed document's old
/// version again), the number of keys (which decides the number of key files), and how many
/// keys refer to each set file (a set file no key refers to any more is removed).
///
/// It is a pure function of the index, so an incremental build and a clean build of the same
/// reports over the same previous site write the same bytes.
struct SearchState: Equatable, Sendable {
    static let path = ".nianbao/cache/search.bin"
    static let format: UInt64 = 3
    private static let magic = Array("nianbao-search\n".utf8)

    struct Document: Equatable, Sendable {
        let digest: UInt64
        let id: Int
        /// The body's name as the plan gave it (`SitePlan.identity(ofReport:)`): with the
        /// report's cached record, what makes its old document again when it changes or goes.
        let name: String
    }

    var buckets: Int
    /// Key files of the letter space (`KeySpace`), and its keys.
    var letters: Int
    var keys: Int
    var letterKeys: Int
    /// By folder.
    var documents: [String: Document]
    /// Keys referring to each set file, by its number (`SetStore.name`).
    var sets: [UInt32: Int]
    /// Whether a set file's name is not the plain hash of its bytes (two sets collided): then
    /// which set took which name depends on the whole index, and it is made again.
    var salted: Bool

    var file: OutputFile {
        var w = CacheWriter(magic: Self.magic, format: Self.format, fingerprint: BuildFingerprint.current,
                            capacity: documents.count * 24 + sets.count * 8 + 64)
        w.int(buckets)
        w.int(letters)
        w.int(keys)
        w.int(letterKeys)
        w.bool(salted)
        w.array(documents.sorted { $0.key < $1.key }) { w, d in
            w.string(d.key)
            w.fixed(d.value.digest)
            w.int(d.value.id)
            w.string(d.value.name)
        }
        w.array(sets.sorted { $0.key < $1.key }) { w, s in
            w.uint(UInt64(s.key))
            w.int(s.value)
        }
        return OutputFile(path: Self.path, data: BuildCache.sealed(w))
    }

    /// The state a previous build left in `site`, or `nil` (none, damaged, another program's).
    static func read(site: URL) -> SearchState? {
        guard let data = try? Data(contentsOf: site.appendingPathComponent(path)) else { return nil }
        return try? BuildCache.unsealed(data, magic: magic, format: format, fingerprint: BuildFingerprint.current) { r in
            let buckets = try r.int(), letters = try r.int(), keys = try r.int(), letterKeys = try r.int(), salted = try r.bool()
            var documents: [String: Document] = [:]
            for (folder, document) in try r.array({ r in (try r.string(), Document(digest: try r.fixed(), id: try r.int(), name: try r.string())) }) {
                documents[folder] = document
            }
            var sets: [UInt32: Int] = [:]
            for (name, count) in try r.array({ r in (try r.uint(), try r.int()) }) {
                guard name <= UInt64(UInt32.max) else { throw CacheReader.Damaged() }
                sets[UInt32(name)] = count
            }
            return SearchState(buckets: buckets, letters: letters, keys: keys, letterKeys: letterKeys, documents: documents, sets: sets,
                               salted: salted)
        }
    }
}
