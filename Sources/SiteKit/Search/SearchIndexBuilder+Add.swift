import Foundation

/// Reports added to an index without making it again (issue 10: adding one report to 10,000
/// made the whole index again, 41 % of the rebuild). Ids never move, a key's file is chosen by
/// the key alone and a set file is named by its bytes, so the new reports change only the key
/// files holding one of their keys, the sets those keys refer to, their pages of the document
/// table, and the manifest and region files. Those are read back from the live site, the new
/// reports' ids put in, and written again; every other file of the index is kept.
///
/// The result is the bytes a build of every report makes with the same previous ids
/// (`SearchIndexAddTests` compares them whole). Anything else than reports added — one
/// changed, moved or removed, a set name salted by a collision, a new number of key files, a
/// file of the index missing or damaged — gives `nil`, and the index is made again.
extension SearchIndexBuilder {
    struct Added {
        /// Files written again (key files, new set files, pages of the document table, the
        /// manifest and region files).
        let files: [OutputFile]
        /// Set files no key refers to any more.
        let removed: Set<String>
        let state: SearchState
    }

    /// The index of `documents` (in plan order, with their `digests`) from the previous
    /// build's (`state`, the files under `site`), when they are its documents plus new ones.
    static func adding(_ documents: [SearchDocument], digests: [UInt64], to state: SearchState, site: URL,
                       keysPerBucket: Int = 512) -> Added? {
        guard !state.salted, documents.count > state.documents.count else { return nil }
        let space = KeySpace(buckets: state.buckets, letters: state.letters)
        var builder = SearchIndexBuilder(previous: SearchIDs(byFolder: state.documents.mapValues(\.id), buckets: state.buckets,
                                                             letterBuckets: state.letters),
                                         keysPerBucket: keysPerBucket)
        var kept = 0
        for (doc, digest) in zip(documents, digests) {
            if let old = state.documents[doc.folder] {
                guard old.digest == digest else { return nil }
                kept += 1
                builder.entries.append(Entry(doc))
            } else {
                builder.add(doc)
            }
        }
        guard kept == state.documents.count else { return nil }
        let ids = builder.assignIDs()
        for (i, doc) in documents.enumerated() where state.documents[doc.folder].map({ $0.id != ids[i] }) == true { return nil }

        // The new reports' keys, by key file.
        enum Change {
            case docs([Int])
            case names(Set<String>)
        }
        var changes: [Int: [[Unicode.Scalar]: Change]] = [:]
        func idsOf(_ postings: [Int32]) -> [Int] { postings.map { ids[Int($0)] }.sorted() }
        for (namespace, table) in [("x" as Unicode.Scalar, builder.text), ("t", builder.title)] {
            for (i, gram) in table.grams.enumerated() {
                let key = [namespace] + gram.scalars
                changes[space.file(key), default: [:]][key] = .docs(idsOf(table.postings.postings(Int32(i))))
            }
        }
        for (key, postings) in builder.keyed {
            let scalars = Array(key.unicodeScalars)
            changes[space.file(scalars), default: [:]][scalars] = .docs(idsOf(postings))
        }
        for (key, lines) in builder.suggestions {
            let scalars = Array(key.unicodeScalars)
            changes[space.file(scalars), default: [:]][scalars] = .names(lines)
        }

        var references = state.sets
        var newSets: [UInt32: [UInt8]] = [:]
        var keys = state.keys
        var letterKeys = state.letterKeys
        var files: [OutputFile] = []
        var setCache: [UInt32: [Int]] = [:]
        func setFile(_ ref: UInt32) -> [UInt8]? {
            (try? Data(contentsOf: site.appendingPathComponent("search/s/\(SetStore.name(ref)).bin"))).map { [UInt8]($0) }
        }
        for b in changes.keys.sorted() {
            let adds = changes[b]!
            // The key file as it is, in key order; a key's old reports are read only when needed.
            var old: [Bucket.Item] = []
            if let data = try? Data(contentsOf: site.appendingPathComponent(space.path(b))) {
                guard let items = Bucket.decode([UInt8](data)) else { return nil }
                old = items
            }
            var position: [[Unicode.Scalar]: Int] = [:]
            for (i, item) in old.enumerated() { position[item.key] = i }
            var resolved: [Int: [Int]] = [:]
            var damaged = false
            func oldDocs(_ i: Int) -> [Int] {
                if let docs = resolved[i] { return docs }
                var docs: [Int]?
                switch old[i].payload {
                case .parent: docs = position[Array(old[i].key.dropLast())].map(oldDocs)
                case .inline(let bytes): docs = DocSet.decode(bytes)
                case .reference(let ref):
                    if setCache[ref] == nil { setCache[ref] = setFile(ref).flatMap(DocSet.decode) }
                    docs = setCache[ref]
                default: docs = nil
                }
                if docs == nil { damaged = true }
                resolved[i] = docs ?? []
                return docs ?? []
            }
            func added(_ key: [Unicode.Scalar]) -> [Int] {
                if case .docs(let docs)? = adds[key] { return docs }
                return []
            }
            // Every key of the file after the addition, in order: the old ones and the new ones merged.
            let fresh = adds.keys.filter { position[$0] == nil }.sorted { $0.lexicographicallyPrecedes($1) { $0.value < $1.value } }
            keys += fresh.count
            letterKeys += fresh.filter { KeySpace.isLetterKey($0) }.count
            var order: [(key: [Unicode.Scalar], old: Int?)] = []
            order.reserveCapacity(old.count + fresh.count)
            var f = 0
            for (i, item) in old.enumerated() {
                while f < fresh.count, fresh[f].lexicographicallyPrecedes(item.key, by: { $0.value < $1.value }) {
                    order.append((fresh[f], nil))
                    f += 1
                }
                order.append((item.key, i))
            }
            while f < fresh.count {
                order.append((fresh[f], nil))
                f += 1
            }
            var items: [Bucket.Item] = []
            items.reserveCapacity(order.count)
            for (key, i) in order {
                let change = adds[key]
                let payload = i.map { old[$0].payload }
                // Suggestions: the new reports' names put in, the first ones kept.
                var oldNames: [String]?, newNames: Set<String>?
                if case .names(let lines)? = payload { oldNames = lines }
                if case .names(let lines)? = change { newNames = lines }
                if oldNames != nil || newNames != nil {
                    guard payload == nil || oldNames != nil, change == nil || newNames != nil else { return nil }
                    if let newNames {
                        let lines = Set(oldNames ?? []).union(newNames).sorted().prefix(Self.suggestionLimit)
                        items.append(Bucket.Item(key: key, payload: .names(Array(lines))))
                    } else {
                        items.append(Bucket.Item(key: key, payload: payload!))
                    }
                    continue
                }
                // A key is "the same as its parent" when it was (or both are new) and the new
                // reports hold both or neither: a new report holding the key holds its parent.
                let parent = Array(key.dropLast())
                let wasSame: Bool
                if let i {
                    if case .parent = old[i].payload { wasSame = true } else { wasSame = false }
                } else {
                    wasSame = position[parent] == nil
                }
                if key.count > Self.bucketPrefix + 1, position[parent] != nil || adds[parent] != nil, wasSame,
                   added(key) == added(parent) {
                    items.append(Bucket.Item(key: key, payload: .parent))
                    continue
                }
                // Unchanged: its reports and its bytes are the old ones.
                if change == nil, let payload, !wasSame {
                    items.append(Bucket.Item(key: key, payload: payload))
                    continue
                }
                if case .reference(let ref)? = payload { references[ref, default: 0] -= 1 }
                let docs = merged(i.map(oldDocs) ?? [], added(key))
                let bytes = DocSet.encode(docs)
                if bytes.count <= Self.inlineLimit {
                    items.append(Bucket.Item(key: key, payload: .inline(bytes)))
                    continue
                }
                // Named by its bytes: a name already in use must hold these very bytes.
                let ref = SetStore.hash(bytes)
                if let made = newSets[ref] {
                    guard made == bytes else { return nil }
                } else if state.sets[ref] != nil {
                    guard setFile(ref) == bytes else { return nil }
                } else {
                    newSets[ref] = bytes
                }
                references[ref, default: 0] += 1
                items.append(Bucket.Item(key: key, payload: .reference(ref)))
            }
            if damaged { return nil }
            files.append(OutputFile(path: space.path(b), data: Data(Bucket.encode(items))))
        }
        guard references.values.allSatisfy({ $0 >= 0 }),
              KeySpace(keys: keys, letterKeys: letterKeys, perBucket: keysPerBucket, previous: builder.previous) == space else { return nil }
        for (ref, bytes) in newSets where references[ref, default: 0] > 0 {
            files.append(OutputFile(path: "search/s/\(SetStore.name(ref)).bin", data: Data(bytes)))
        }
        var removed = Set<String>()
        for (ref, count) in references where count == 0 {
            references[ref] = nil
            if state.sets[ref] != nil { removed.insert("search/s/\(SetStore.name(ref)).bin") }
        }
        let pages = Set(documents.indices.filter { state.documents[documents[$0].folder] == nil }.map { Self.page(ids[$0]) })
        files += builder.documentTable(ids: ids, pages: pages)
        files += builder.regionFiles(space: space)
        var documentsNow: [String: SearchState.Document] = [:]
        for (i, doc) in documents.enumerated() { documentsNow[doc.folder] = SearchState.Document(digest: digests[i], id: ids[i]) }
        let stateNow = SearchState(buckets: state.buckets, letters: state.letters, keys: keys, letterKeys: letterKeys, documents: documentsNow, sets: references, salted: false)
        return Added(files: files.sorted { $0.path < $1.path }, removed: removed, state: stateNow)
    }
}

/// Two increasing lists of ids as one, each id once.
func merged(_ a: [Int], _ b: [Int]) -> [Int] {
    if b.isEmpty { return a }
    var out: [Int] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0, j = 0
    while i < a.count || j < b.count {
        if j == b.count || (i < a.count && a[i] < b[j]) {
            out.append(a[i])
            i += 1
        } else {
            if i < a.count && a[i] == b[j] { i += 1 }
            out.append(b[j])
            j += 1
        }
    }
    return out
}

extension SearchIndexBuilder.Entry {
    init(_ doc: SearchDocument) {
        self.init(folder: doc.folder, title: doc.title, body: doc.body, year: doc.year, chain: doc.chain, codes: doc.codes,
                  code: doc.code, figures: doc.figures, source: doc.source)
    }
}

extension Bucket {
    /// A key file's items as `encode` wrote them (sets left encoded), or `nil` when the bytes are
    /// not a key file.
    static func decode(_ bytes: [UInt8]) -> [Item]? {
        guard bytes.starts(with: Array("NBK1".utf8)) else { return nil }
        var r = Varint.Reader(bytes: bytes, offset: 4)
        guard let count = r.read(), count <= bytes.count else { return nil }
        var items: [Item] = []
        items.reserveCapacity(count)
        var previous: [Unicode.Scalar] = []
        for _ in 0..<count {
            guard let shared = r.read(), shared <= previous.count, let n = r.read(), n <= bytes.count else { return nil }
            var key = Array(previous[..<shared])
            for _ in 0..<n {
                guard let v = r.read(), let s = Unicode.Scalar(UInt32(clamping: v)) else { return nil }
                key.append(s)
            }
            guard let kind = r.take(1)?.first else { return nil }
            let payload: Payload
            switch kind {
            case 0:
                payload = .parent
            case 1:
                guard let length = r.read(), let set = r.take(length) else { return nil }
                payload = .inline(Array(set))
            case 2:
                guard let b = r.take(4) else { return nil }
                payload = .reference(b.reduce(0) { $0 << 8 | UInt32($1) })
            case 3:
                guard let lines = r.read(), lines <= bytes.count else { return nil }
                var names: [String] = []
                for _ in 0..<lines {
                    guard let length = r.read(), let line = r.take(length) else { return nil }
                    names.append(String(decoding: line, as: UTF8.self))
                }
                payload = .names(names)
            default:
                return nil
            }
            items.append(Item(key: key, payload: payload))
            previous = key
        }
        return r.offset == bytes.count ? items : nil
    }
}
