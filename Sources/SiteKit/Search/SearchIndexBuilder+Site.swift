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
}
