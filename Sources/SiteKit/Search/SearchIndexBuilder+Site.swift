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
        var builder = SearchIndexBuilder(previous: previous, documents: order.count)
        var siteOrder = [Int](repeating: 0, count: order.count)
        for (k, i) in order.enumerated() { siteOrder[i] = k }
        builder.siteOrder = siteOrder
        for i in order { builder.add(document(i, in: plan)) }
        let made = builder.made(ids: order.map { ids[$0] })
        let digests = digests ?? documentDigests(for: plan)
        var documents: [String: SearchState.Document] = [:]
        for i in plan.summaries.indices { documents[plan.map.reportFolder[i]] = SearchState.Document(digest: digests[i], id: ids[i]) }
        return (made.files, SearchState(buckets: made.space.buckets, letters: made.space.letters, documents: documents))
    }

    /// The index of `plan` made from the previous build's (`state`, the live site at `site`):
    /// its main shards kept, the reports that differ in a delta segment (`updating`); `nil`
    /// when the delta would be too large, and the index is made whole.
    static func updated(for plan: SitePlan, digests: [UInt64], to state: SearchState, site: URL) -> Updated? {
        // A document kept in the shards is not cut into keys: its text is not inflated.
        let documents = plan.summaries.indices.map { i in
            let folder = plan.map.reportFolder[i]
            return document(i, in: plan, withText: state.documents[folder]?.digest != digests[i] || state.delta.contains(folder))
        }
        return updating(documents, digests: digests, to: state, site: site)
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
