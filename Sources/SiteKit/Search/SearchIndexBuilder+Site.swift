import Foundation

// The one place the search index meets the page planner (issue 11). Everything else in
// Search/ takes `SearchDocument`s; when pages are planned differently, only this adapter
// changes: give the builder one `SearchDocument` per report (folder, the body's name as the
// site shows it, the raw file's name) and emit `files()` with the other output.

extension SearchIndexBuilder {
    static func files(for site: SiteContext, previous: SearchIDs) -> [OutputFile] {
        var builder = SearchIndexBuilder(previous: previous)
        for (i, d) in site.documents.enumerated() {
            let identity = site.map.identities[site.map.reportIdentity[i]]
            builder.add(SearchDocument(report: d.report, folder: site.map.reportFolder[i], name: identity.name,
                                       source: ReportPage.rawName(for: d.document.kind)))
        }
        return builder.files()
    }
}
