import Foundation

extension SiteMap {
    /// A digest of what the site map takes of each report, in order: every field of its
    /// summary that `init(reports:slug:)` reads (the id, for the order and the folders'
    /// numbers; the title, for a body that names no place; the body, the region and the year),
    /// and what `slug` makes of a few names. Two lists of summaries with the same digest have
    /// the same map: a build takes the last build's (`StoredSiteMap`) and makes it again only
    /// when a report was added, removed or moved, not when a number or a sentence of one was edited.
    static func inputs(of summaries: [ReportSummary], slug: (String) -> String) -> UInt64 {
        var d = Digest()
        for name in ["宁夏回族自治区", "银川市兴庆区", "掌政镇人民政府"] { d.add(slug(name)) }
        d.add(summaries.count)
        for s in summaries {
            d.add(s.id); d.add(s.title); d.add(s.body); d.add(s.year)
            let r = s.region
            d.add(r.province); d.add(r.city); d.add(r.county); d.add(r.town); d.add(r.code)
            d.add(r.codes.province); d.add(r.codes.city); d.add(r.codes.county); d.add(r.codes.town)
        }
        return d.value
    }
}
