import Foundation

extension SiteMap {
    /// What the site map takes of one report: every field of its summary that
    /// `init(reports:slug:)` reads (the id, for the order and the folders' numbers; the title, for
    /// a body that names no place; the body, the region and the year). Two lists of summaries
    /// with equal inputs, in the same order, have the same map (with the same `slug`): `serve`
    /// keeps the last build's map and makes it again only when a report was added, removed or
    /// moved (`WarmCache.siteMap`), not when a number or a sentence of one was edited.
    struct Input: Equatable, Sendable {
        let id: String
        let title: String?
        let body: String?
        let region: Region
        let year: Int?

        init(_ summary: ReportSummary) {
            (id, title, body, region, year) = (summary.id, summary.title, summary.body, summary.region, summary.year)
        }
    }
}
