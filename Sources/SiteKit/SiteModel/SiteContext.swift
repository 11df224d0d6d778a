/// Every parsed report with the site map, for the search index (`SearchIndex(site:)`), which
/// reads every report's text at once. Pages never need it: each is drawn from the plan and
/// its own reports only, so a build can load reports one at a time.
struct SiteContext {
    let documents: [ParsedDocument]
    let map: SiteMap
}
