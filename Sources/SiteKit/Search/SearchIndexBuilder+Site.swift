// The one place the search index meets the page planner (issue 11). Everything else in
// Search/ takes `SearchDocument`s: one per report, from its summary's `SearchEntry` and where
// the plan puts it.

extension SearchIndexBuilder {
    /// The index of every report of `plan`, keeping the ids of the `previous` build.
    static func files(for plan: SitePlan, previous: SearchIDs) -> [OutputFile] {
        var builder = SearchIndexBuilder(previous: previous)
        for (i, summary) in plan.summaries.enumerated() {
            builder.add(SearchDocument(entry: summary.search, folder: plan.map.reportFolder[i],
                                       name: plan.identity(ofReport: i).name, source: summary.rawName))
        }
        return builder.files()
    }

    /// A digest of every search document of `plan`, in order — all the index is made of but
    /// the previous build's ids, which a build that made this very index left as they are:
    /// the same digest as the last build's, and its index files are this build's, unchanged.
    static func digest(for plan: SitePlan) -> UInt64 {
        var d = Digest()
        d.add(plan.summaries.count)
        for (i, summary) in plan.summaries.enumerated() {
            let e = summary.search
            d.add(plan.map.reportFolder[i])
            d.add(plan.identity(ofReport: i).name)
            d.add(summary.rawName)
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
        }
        return d.value
    }
}
