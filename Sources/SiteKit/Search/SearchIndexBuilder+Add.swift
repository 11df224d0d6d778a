import Foundation

/// Reports added, changed and removed in an index without making it again (issue 10: adding
/// one report to 10,000 made the whole index again, 41 % of the rebuild; removing one still did,
/// 11 s). Ids never move, a key's file is chosen by the key alone and a set file is named by its
/// bytes, so the reports that differ change only the key files holding one of their keys (the
/// old document's or the new one's), the sets those keys refer to, their pages of the document
/// table, and the manifest and region files. Those are read back from the live site, the ids
/// taken out and put in, and written again; every other file of the index is kept.
///
/// The old version of a changed or removed document is the caller's (`SearchIndexBuilder+Site`
/// makes it from the previous build's cached record, checked against the state's digest): its
/// keys are cut again, so a key file is read only when a key in it gains or loses a report.
///
/// The result is the bytes a build of every report makes with the same previous ids
/// (`SearchIndexAddTests` compares them whole). A set name salted by a collision, a new number
/// of key files, a report that changes year (its id would move), an old document not given,
/// a file of the index missing or damaged — gives `nil`, and the index is made again.
extension SearchIndexBuilder {
    struct Updated {
        /// Files written again (key files, new set files, pages of the document table, the
        /// manifest and region files).
        let files: [OutputFile]
        /// Files of the previous index no longer in it: set files no key refers to any more,
        /// key files and pages of the document table left empty, region files of provinces gone.
        let removed: Set<String>
        let state: SearchState
    }

    /// What changes for one key: the ids it loses and the ids it gains (each sorted, disjoint).
    struct KeyChange: Equatable {
        var minus: [Int] = []
        var plus: [Int] = []
    }

    /// The index of `documents` (in plan order, with their `digests` and the `names` the plan
    /// gives their bodies) from the previous build's (`state`, the files under `site`). `old`
    /// holds, by folder, the previous version of every document of `state` that is not in
    /// `documents` with the same digest (changed or removed). The text of a document whose
    /// digest is the state's is not read (its keys are the index's already).
    static func updating(_ documents: [SearchDocument], digests: [UInt64], names: [String], to state: SearchState,
                         old: [String: SearchDocument], site: URL, keysPerBucket: Int = 512) -> Updated? {
        guard !state.salted else { return nil }
        let space = KeySpace(buckets: state.buckets, letters: state.letters)
        var builder = SearchIndexBuilder(previous: SearchIDs(byFolder: state.documents.mapValues(\.id), buckets: state.buckets,
                                                             letterBuckets: state.letters),
                                         keysPerBucket: keysPerBucket)
        // The documents that differ: their old versions cut into keys (`before`), with their old ids.
        var before = SearchIndexBuilder(keysPerBucket: keysPerBucket)
        var beforeIDs: [Int] = []
        var present = Set<String>()
        var changed = false
        for (doc, digest) in zip(documents, digests) {
            present.insert(doc.folder)
            if let was = state.documents[doc.folder] {
                if was.digest == digest {
                    builder.entries.append(Entry(doc))
                    continue
                }
                guard let oldDoc = old[doc.folder] else { return nil }
                before.add(oldDoc)
                beforeIDs.append(was.id)
            }
            changed = true
            builder.add(doc)
        }
        for (folder, was) in state.documents where !present.contains(folder) {
            guard let oldDoc = old[folder] else { return nil }
            before.add(oldDoc)
            beforeIDs.append(was.id)
            changed = true
        }
        guard changed, present.count == documents.count else { return nil }
        let ids = builder.assignIDs()
        for (i, doc) in documents.enumerated() where state.documents[doc.folder].map({ $0.id != ids[i] }) == true { return nil }

        // What changes, by key file: the ids each key loses and gains.
        var changes: [Int: [[Unicode.Scalar]: KeyChange]] = [:]
        var lines: [Int: [[Unicode.Scalar]: (gone: Set<String>, new: Set<String>)]] = [:]
        func collect(_ b: SearchIndexBuilder, _ idOf: (Int32) -> Int, into side: WritableKeyPath<KeyChange, [Int]>) {
            for (namespace, table) in [("x" as Unicode.Scalar, b.text), ("t", b.title)] {
                for (i, gram) in table.grams.enumerated() {
                    let key = [namespace] + gram.scalars
                    changes[space.file(key), default: [:]][key, default: KeyChange()][keyPath: side] =
                        table.postings.postings(Int32(i)).map(idOf).sorted()
                }
            }
            for (key, postings) in b.keyed {
                let scalars = Array(key.unicodeScalars)
                changes[space.file(scalars), default: [:]][scalars, default: KeyChange()][keyPath: side] = postings.map(idOf).sorted()
            }
        }
        collect(before, { beforeIDs[Int($0)] }, into: \.minus)
        collect(builder, { ids[Int($0)] }, into: \.plus)
        // A report changed but still holding the key: the key's reports are the same.
        for b in Array(changes.keys) {
            var fileChanges = changes[b]!
            for (key, change) in fileChanges {
                let kept = Set(change.minus).intersection(change.plus)
                if kept.isEmpty { continue }
                let c = KeyChange(minus: change.minus.filter { !kept.contains($0) }, plus: change.plus.filter { !kept.contains($0) })
                fileChanges[key] = c.minus.isEmpty && c.plus.isEmpty ? nil : c
            }
            changes[b] = fileChanges.isEmpty ? nil : fileChanges
        }
        for (key, gone) in before.suggestions {
            let scalars = Array(key.unicodeScalars)
            lines[space.file(scalars), default: [:]][scalars, default: ([], [])].gone = gone
        }
        for (key, new) in builder.suggestions {
            let scalars = Array(key.unicodeScalars)
            lines[space.file(scalars), default: [:]][scalars, default: ([], [])].new = new
        }
        for b in Array(lines.keys) {
            var fileLines = lines[b]!
            for (key, l) in fileLines {
                let gone = l.gone.subtracting(l.new), new = l.new.subtracting(l.gone)
                fileLines[key] = gone.isEmpty && new.isEmpty ? nil : (gone, new)
            }
            lines[b] = fileLines.isEmpty ? nil : fileLines
        }
        // A key losing a name: the names of that key over every document (a name may be
        // another report's too, and the 101st comes in).
        var wholeLines: [String: Set<String>] = [:]
        let losing = Set(lines.values.flatMap { $0.filter { !$0.value.gone.isEmpty }.keys }.map { String(String.UnicodeScalarView($0)) })
        if !losing.isEmpty {
            var chains = Set<[String]>()
            for doc in documents where chains.insert(doc.chain).inserted {
                for (key, line) in suggestionLines(doc.chain) where losing.contains(key) { wholeLines[key, default: []].insert(line) }
            }
        }

        var references = state.sets
        var newSets: [UInt32: [UInt8]] = [:]
        var keys = state.keys
        var letterKeys = state.letterKeys
        var files: [OutputFile] = []
        var setCache: [UInt32: [Int]] = [:]
        var emptied = Set<String>()
        func setFile(_ ref: UInt32) -> [UInt8]? {
            (try? Data(contentsOf: site.appendingPathComponent("search/s/\(SetStore.name(ref)).bin"))).map { [UInt8]($0) }
        }
        func precedes(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool { a.lexicographicallyPrecedes(b) { $0.value < $1.value } }
        for b in Set(changes.keys).union(lines.keys).sorted() {
            let keyChanges = changes[b] ?? [:], lineChanges = lines[b] ?? [:]
            // The key file as it is, in key order; a key's old reports are read only when needed.
            var old: [Bucket.Item] = []
            if let data = try? Data(contentsOf: site.appendingPathComponent(space.path(b))) {
                guard let items = Bucket.decode([UInt8](data)) else { return nil }
                old = items
            }
            var position: [[Unicode.Scalar]: Int] = [:]
            for (i, item) in old.enumerated() { position[item.key] = i }
            // A key that loses a report was in the file: otherwise the file is not the state's.
            for (key, change) in keyChanges where !change.minus.isEmpty && position[key] == nil { return nil }
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
            // A key's reports after the change (empty: the key is gone).
            var after: [[Unicode.Scalar]: [Int]] = [:]
            func newDocs(_ key: [Unicode.Scalar]) -> [Int] {
                if let docs = after[key] { return docs }
                let was = position[key].map(oldDocs) ?? []
                guard let change = keyChanges[key] else { return was }
                let minus = Set(change.minus)
                let left = was.filter { !minus.contains($0) }
                if left.count != was.count - minus.count { damaged = true }
                let docs = merged(left, change.plus)
                after[key] = docs
                return docs
            }
            func remains(_ key: [Unicode.Scalar]) -> Bool {
                guard let change = keyChanges[key] else { return position[key] != nil }
                return change.minus.isEmpty ? position[key] != nil || !change.plus.isEmpty : !newDocs(key).isEmpty
            }
            // Every key of the file after the change, in order: the old ones and the new ones merged.
            let fresh = (Array(keyChanges.filter { !$0.value.plus.isEmpty }.keys) + Array(lineChanges.filter { !$0.value.new.isEmpty }.keys))
                .filter { position[$0] == nil }.sorted(by: precedes)
            keys += fresh.count
            letterKeys += fresh.filter { KeySpace.isLetterKey($0) }.count
            var order: [(key: [Unicode.Scalar], old: Int?)] = []
            order.reserveCapacity(old.count + fresh.count)
            var f = 0
            for (i, item) in old.enumerated() {
                while f < fresh.count, precedes(fresh[f], item.key) {
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
            func drop(_ key: [Unicode.Scalar]) {
                keys -= 1
                if KeySpace.isLetterKey(key) { letterKeys -= 1 }
            }
            for (key, i) in order {
                let change = keyChanges[key]
                let payload = i.map { old[$0].payload }
                // Suggestions: names put in keep the first ones; a name that may be gone takes
                // the key's names over every document again.
                var oldNames: [String]?
                if case .names(let names)? = payload { oldNames = names }
                if oldNames != nil || lineChanges[key] != nil {
                    guard payload == nil || oldNames != nil, change == nil else { return nil }
                    guard let l = lineChanges[key] else {
                        items.append(Bucket.Item(key: key, payload: payload!))
                        continue
                    }
                    let all = l.gone.isEmpty ? Set(oldNames ?? []).union(l.new) : wholeLines[String(String.UnicodeScalarView(key))] ?? []
                    if all.isEmpty {
                        drop(key)
                    } else {
                        items.append(Bucket.Item(key: key, payload: .names(Array(all.sorted().prefix(Self.suggestionLimit)))))
                    }
                    continue
                }
                // "The same as its parent" (one scalar shorter, in this file for five or more):
                // as it was when neither changes, or both change alike from the same reports.
                let parent = Array(key.dropLast())
                let parentChange = keyChanges[parent]
                var wasSame = false
                if let i {
                    if case .parent = old[i].payload { wasSame = true }
                } else {
                    wasSame = position[parent] == nil
                }
                if !remains(key) {
                    if case .reference(let ref)? = payload { references[ref, default: 0] -= 1 }
                    drop(key)
                    continue
                }
                if key.count > Self.bucketPrefix + 1, remains(parent) {
                    let same: Bool
                    if wasSame && change == parentChange {
                        same = true
                    } else if change == nil && parentChange == nil {
                        same = false
                    } else {
                        same = newDocs(key) == newDocs(parent)
                    }
                    if same {
                        if case .reference(let ref)? = payload { references[ref, default: 0] -= 1 }
                        items.append(Bucket.Item(key: key, payload: .parent))
                        continue
                    }
                }
                // Unchanged: its reports and its bytes are the old ones.
                if change == nil, let payload, !wasSame {
                    items.append(Bucket.Item(key: key, payload: payload))
                    continue
                }
                if case .reference(let ref)? = payload { references[ref, default: 0] -= 1 }
                let bytes = DocSet.encode(newDocs(key))
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
            // A file left with no key is not in the index made whole.
            if items.isEmpty {
                if !old.isEmpty { emptied.insert(space.path(b)) }
            } else {
                files.append(OutputFile(path: space.path(b), data: Data(Bucket.encode(items))))
            }
        }
        guard references.values.allSatisfy({ $0 >= 0 }),
              KeySpace(keys: keys, letterKeys: letterKeys, perBucket: keysPerBucket, previous: builder.previous) == space else { return nil }
        for (ref, bytes) in newSets where references[ref, default: 0] > 0 {
            files.append(OutputFile(path: "search/s/\(SetStore.name(ref)).bin", data: Data(bytes)))
        }
        var removed = emptied
        for (ref, count) in references where count == 0 {
            references[ref] = nil
            if state.sets[ref] != nil { removed.insert("search/s/\(SetStore.name(ref)).bin") }
        }
        // The pages of the document table a report joins, changes in or leaves; a page left
        // empty is removed, as a province no report is in any more.
        var pages = Set(documents.indices.filter { state.documents[documents[$0].folder]?.digest != digests[$0] }.map { Self.page(ids[$0]) })
        pages.formUnion(beforeIDs.map(Self.page))
        let table = builder.documentTable(ids: ids, pages: pages)
        files += table
        for page in pages.subtracting(Set(ids.map(Self.page))) { removed.insert("search/d/\(page >> 20)-\(page & 0xFFFFF).json") }
        let regions = builder.regionFiles(space: space)
        files += regions
        let provinces = Set(regions.map(\.path))
        for doc in before.entries {
            for key in SearchKeys.regionKeys(doc.codes) where key.count == 2 && !provinces.contains("search/r/\(key).json") {
                removed.insert("search/r/\(key).json")
            }
        }
        var documentsNow: [String: SearchState.Document] = [:]
        for (i, doc) in documents.enumerated() {
            documentsNow[doc.folder] = SearchState.Document(digest: digests[i], id: ids[i], name: names[i])
        }
        let stateNow = SearchState(buckets: state.buckets, letters: state.letters, keys: keys, letterKeys: letterKeys,
                                   documents: documentsNow, sets: references, salted: false)
        return Updated(files: files.sorted { $0.path < $1.path }, removed: removed, state: stateNow)
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
