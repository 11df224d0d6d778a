import Foundation

// The one place the search index meets the page planner (issue 11). Everything else in
// Search/ takes `SearchDocument`s: one per report, from its summary's `SearchEntry` and where
// the plan puts it.

extension SearchIndexBuilder {
    /// The index of every report of `plan`, keeping the ids of the `previous` build.
    static func files(for plan: SitePlan, previous: SearchIDs) -> [OutputFile] { made(for: plan, previous: previous).files }

    /// The index of every report of `plan` and its `SearchState`, keeping the ids of the `previous` build.
    /// `digests` are `documentDigests(for: plan)` when the caller has them already.
    static func made(for plan: SitePlan, previous: SearchIDs, digests: [UInt64]? = nil) -> (files: [OutputFile], state: SearchState) {
        // Ids first (they depend on the folders and years alone), then the reports added in id
        // order: every posting list comes out in id order, and no set is sorted again (at 1,000
        // reports those sorts were a tenth of the index's work).
        let ids = assignIDs(plan.summaries.indices.map { (plan.map.reportFolder[$0], plan.summaries[$0].search.year) },
                            previous: previous)
        let order = plan.summaries.indices.sorted { ids[$0] < ids[$1] }
        var builder = SearchIndexBuilder(previous: previous)
        var siteOrder = [Int](repeating: 0, count: order.count)
        for (k, i) in order.enumerated() { siteOrder[i] = k }
        builder.siteOrder = siteOrder
        for i in order { builder.add(document(i, in: plan)) }
        let made = builder.made(ids: order.map { ids[$0] })
        let digests = digests ?? documentDigests(for: plan)
        var documents: [String: SearchState.Document] = [:]
        for i in plan.summaries.indices {
            documents[plan.map.reportFolder[i]] = SearchState.Document(digest: digests[i], id: ids[i], name: plan.identity(ofReport: i).name)
        }
        return (made.files, SearchState(buckets: made.space.buckets, letters: made.space.letters, keys: made.keys, letterKeys: made.space.letterKeys, documents: documents, sets: made.sets,
                                        salted: made.salted))
    }

    /// The index of `plan` made from the previous build's (`state`, the live site at `site`) by
    /// taking out and putting in only the reports that differ (`updating`); `nil` when it cannot.
    /// `previous` gives the summaries' search entries of the last build that this plan does not
    /// have as they were (files changed or gone, with their raw files' names): a changed or
    /// removed document is made again from the one whose digest, under its folder and name, is
    /// the state's.
    static func updated(for plan: SitePlan, digests: [UInt64], to state: SearchState, site: URL,
                        previous: () -> [(rawName: String, entry: SearchEntry)]) -> Updated? {
        var now: [String: UInt64] = [:]
        for i in plan.summaries.indices { now[plan.map.reportFolder[i]] = digests[i] }
        let gone = state.documents.filter { now[$0.key] != $0.value.digest }
        var old: [String: SearchDocument] = [:]
        if !gone.isEmpty {
            let candidates = previous()
            // Each candidate digested under each folder: bounded, or the index is made whole.
            guard gone.count * candidates.count <= 4096 else { return nil }
            for (folder, was) in gone {
                guard let c = candidates.first(where: { documentDigest(folder: folder, name: was.name, rawName: $0.rawName, entry: $0.entry) == was.digest })
                else { return nil }
                old[folder] = SearchDocument(entry: c.entry, folder: folder, name: was.name, source: c.rawName)
            }
        }
        // An unchanged document's keys are kept as they are: its text is not inflated.
        let documents = plan.summaries.indices.map { i in
            document(i, in: plan, withText: state.documents[plan.map.reportFolder[i]]?.digest != digests[i])
        }
        return updating(documents, digests: digests,
                        names: plan.summaries.indices.map { plan.identity(ofReport: $0).name }, to: state, old: old, site: site)
    }

    static func document(_ i: Int, in plan: SitePlan, withText: Bool = true) -> SearchDocument {
        SearchDocument(entry: plan.summaries[i].search, folder: plan.map.reportFolder[i], name: plan.identity(ofReport: i).name,
                       source: plan.summaries[i].rawName, withText: withText)
    }

    /// Each search document's digest, in plan order (`SearchState`): what `digest(of:)` is made from.
    static func documentDigests(for plan: SitePlan) -> [UInt64] {
        plan.summaries.indices.map { i in
            documentDigest(folder: plan.map.reportFolder[i], name: plan.identity(ofReport: i).name, rawName: plan.summaries[i].rawName,
                           entry: plan.summaries[i].search)
        }
    }

    /// A digest of every search document, from their `documentDigests`, in order — all the
    /// index is made of but the previous build's ids, which a build that made this very index
    /// left as they are: the same digest as the last build's, and its index files are this
    /// build's, unchanged.
    static func digest(of documents: [UInt64]) -> UInt64 {
        var d = Digest()
        d.add(documents.count)
        for document in documents { d.add(document) }
        return d.value
    }

    /// What the digests take of one search document: where the plan puts it (`folder`, the
    /// body's `name`, the raw file's name) and what the report says for the index.
    static func documentDigest(folder: String, name: String, rawName: String, entry e: SearchEntry) -> UInt64 {
        var d = Digest()
        d.add(folder)
        d.add(name)
        d.add(rawName)
        d.add(e.title)
        d.add(e.body)
        d.add(e.year)
        d.add(e.chain.count)
        for name in e.chain { d.add(name) }
        d.add(e.codes.count)
        for code in e.codes { d.add(code) }
        d.add(e.code)
        d.add(e.figures.count)
        for f in e.figures {
            d.add(f.label)
            d.add(f.value)
        }
        e.packed.add(to: &d)
        return d.value
    }
}
