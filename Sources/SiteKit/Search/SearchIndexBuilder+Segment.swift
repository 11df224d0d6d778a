import Foundation

/// Reports added, changed and removed without touching the main shards (issue 10): a report's
/// grams reach every key file, so patching the shards in place rewrote all 512 key files and
/// renamed hundreds of set files (named by their bytes) for one report added to 10,000.
///
/// Instead, as Lucene does with segments, the reports added or changed since the main shards
/// were made go into a small *delta segment* — an index of their own, made whole each build in
/// `search/delta/<tag>-<b>.bin` (a few files, every set inline) — and the ids of the main
/// shards' reports that changed or went are listed in the manifest (`deleted`). The search
/// page reads a key in both, takes the deleted ids out of the shards' set and adds the delta's:
/// the same reports as the index made whole. Suggestion keys, which list at most 100 names,
/// cannot be patched by ids: a key that a place taken out or put in has is listed whole in the
/// delta, and the page takes the delta's list for it.
///
/// The document table stays one table (ids never move): the pages of the reports that changed
/// are made again, as are the manifest and the region files. The delta is merged into the
/// shards — the index made whole — when it holds more than a share of the reports
/// (`deltaLimit`), at a clean build, and whenever the index is made whole anyway.
extension SearchIndexBuilder {
    struct Updated {
        /// Files written again (the delta's key files, pages of the document table, the
        /// manifest and region files).
        let files: [OutputFile]
        /// Files of the previous index no longer in it: the previous delta's files, pages of the
        /// document table left empty, region files of provinces gone.
        let removed: Set<String>
        let state: SearchState
    }

    /// The delta segment as the manifest names it.
    struct Segment {
        /// Eight hex digits of a digest of the delta's files: a new delta has new names, so a
        /// browser never pairs a new manifest with an old delta file.
        let tag: String
        let space: KeySpace
        let deleted: [Int]
    }

    /// Reports in the delta and ids taken out of the shards, together, beyond which the index is
    /// made whole: a hundredth of the reports (at 10,000, a delta of 100 reports is made in a
    /// few hundredths of a second and adds one light key file to a query run), at least 8.
    static func deltaLimit(reports: Int) -> Int { max(8, reports / 100) }

    /// The index of `documents` (in plan order, with their `digests`) from the previous build's
    /// (`state`, the files under `site`): the main shards kept, the delta made again. Documents
    /// whose digest is the state's and which are not in its delta need no text. `nil` when the
    /// delta would pass `deltaLimit` or the previous document table cannot be read: the index
    /// is then made whole.
    static func updating(_ documents: [SearchDocument], digests: [UInt64], to state: SearchState, site: URL,
                         keysPerBucket: Int = 512) -> Updated? {
        let previous = SearchIDs(byFolder: state.documents.mapValues(\.id), buckets: state.buckets, letterBuckets: state.letters)
        var all = SearchIndexBuilder(previous: previous, keysPerBucket: keysPerBucket)
        all.entries = documents.map(Entry.init)
        let ids = all.assignIDs()
        var inDelta: [Int] = []
        var deleted = Set(state.deleted)
        // Ids of the shards' reports taken out by this build: their places leave the suggestions.
        var takenOut: [Int] = []
        var pages = Set<Int>()
        var present = Set<String>()
        for (i, doc) in documents.enumerated() {
            present.insert(doc.folder)
            let was = state.documents[doc.folder]
            if let was, was.digest == digests[i], was.id == ids[i] {
                if state.delta.contains(doc.folder) { inDelta.append(i) }
                continue
            }
            inDelta.append(i)
            pages.insert(page(ids[i]))
            if let was {
                pages.insert(page(was.id))
                if !state.delta.contains(doc.folder), deleted.insert(was.id).inserted { takenOut.append(was.id) }
            }
        }
        for (folder, was) in state.documents where !present.contains(folder) {
            pages.insert(page(was.id))
            if !state.delta.contains(folder), deleted.insert(was.id).inserted { takenOut.append(was.id) }
        }
        guard !pages.isEmpty, present.count == documents.count,
              inDelta.count + deleted.count <= deltaLimit(reports: documents.count) else { return nil }

        // Suggestion keys listed whole in the delta: those of every place of a report in the
        // delta or taken out of the shards since they were made (read from the previous
        // document table, which still has its row). Any other key's reports are all in the
        // shards, unchanged, and so is its list there.
        var overridden = state.overridden
        guard let oldChains = chains(of: takenOut, site: site) else { return nil }
        for chain in oldChains + inDelta.map({ documents[$0].chain }) {
            for (key, _) in suggestionLines(chain) { overridden.insert(key) }
        }
        var lines: [String: Set<String>] = [:]
        for key in overridden { lines[key] = [] }
        if !overridden.isEmpty {
            var seen = Set<[String]>()
            for doc in documents where seen.insert(doc.chain).inserted {
                for (key, line) in suggestionLines(doc.chain) where overridden.contains(key) { lines[key]!.insert(line) }
            }
        }

        // The delta: its reports added in id order, its suggestion keys the whole lists; a
        // quarter of the shards' keys a file, since a query reads one of its files beside each
        // of the shards' and its keys weigh more (every set inline, ids of several years in a
        // set, whole suggestion lists): at 512 keys, 46 reports at 10,000 gave files of 29 KB
        // where the shards' average 7 KB.
        var delta = SearchIndexBuilder(keysPerBucket: max(1, keysPerBucket / 4))
        let order = inDelta.sorted { ids[$0] < ids[$1] }
        for i in order { delta.add(documents[i]) }
        delta.suggestions = lines
        var files: [OutputFile] = []
        var segment: Segment?
        if !order.isEmpty || !deleted.isEmpty || !overridden.isEmpty {
            var space = delta.keySpace()
            space.prefix = "search/delta/"
            let made = delta.keyFiles(ids: order.map { ids[$0] }, space: space, inlineLimit: .max).sorted { $0.path < $1.path }
            var d = Digest()
            for file in made {
                d.add(file.path)
                d.add(file.data)
            }
            let tag = SetStore.name(UInt32(truncatingIfNeeded: d.value))
            files = made.map { OutputFile(path: "search/delta/\(tag)-" + $0.path.dropFirst("search/delta/".count), data: $0.data) }
            segment = Segment(tag: tag, space: space, deleted: deleted.sorted())
        }
        let deltaFiles = files.map(\.path)
        var removed = Set(state.deltaFiles).subtracting(deltaFiles)

        // The pages of the document table a report joins, changes in or leaves (one left empty
        // removed); the manifest and the region files (a province with no report left removed).
        let table = all.documentTable(ids: ids, pages: pages)
        files += table
        for page in pages.subtracting(Set(ids.map(Self.page))) { removed.insert("search/d/\(page >> 20)-\(page & 0xFFFFF).json") }
        let regions = all.regionFiles(space: KeySpace(buckets: state.buckets, letters: state.letters), segment: segment)
        files += regions
        let provinces = Set(regions.map(\.path))
        let regionFolder = site.appendingPathComponent("search/r")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: regionFolder.path)) ?? [] {
            if !provinces.contains("search/r/" + name) { removed.insert("search/r/" + name) }
        }

        var documentsNow: [String: SearchState.Document] = [:]
        for (i, doc) in documents.enumerated() { documentsNow[doc.folder] = SearchState.Document(digest: digests[i], id: ids[i]) }
        let stateNow = SearchState(buckets: state.buckets, letters: state.letters, documents: documentsNow,
                                   delta: Set(inDelta.map { documents[$0].folder }), deleted: segment?.deleted ?? [],
                                   overridden: overridden, deltaFiles: deltaFiles)
        return Updated(files: files.sorted { $0.path < $1.path }, removed: removed, state: stateNow)
    }

    /// The region chains of the reports with these ids as the previous build's document table
    /// has them (`c`), or `nil` when a row is not there.
    static func chains(of ids: [Int], site: URL) -> [[String]]? {
        var rows: [Int: [[String: Any]]] = [:]
        var out: [[String]] = []
        for id in ids {
            let page = page(id)
            if rows[page] == nil {
                let url = site.appendingPathComponent("search/d/\(page >> 20)-\(page & 0xFFFFF).json")
                guard let data = try? Data(contentsOf: url),
                      let table = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return nil }
                rows[page] = table
            }
            guard let row = rows[page]!.first(where: { $0["i"] as? Int == id & 0xFFFFF }), let chain = row["c"] as? [String] else { return nil }
            out.append(chain)
        }
        return out
    }
}

extension SearchIndexBuilder.Entry {
    init(_ doc: SearchDocument) {
        self.init(folder: doc.folder, title: doc.title, body: doc.body, year: doc.year, chain: doc.chain, codes: doc.codes,
                  code: doc.code, figures: doc.figures, source: doc.source)
    }
}
