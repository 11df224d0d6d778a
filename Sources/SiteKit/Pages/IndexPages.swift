import Foundation

// View models of the listing pages: a body (all its years), a year, a county, the lists of
// years and counties, and the home page (the region pages are in RegionPages.swift). Plain values; links are worked out by the caller.

/// A body's page: where it sits, its reports by year and the headline figures side by side.
struct BodyPageView {
    let name: String
    let crumbs: [CrumbView]
    /// Where it sits and its division code: `宁夏回族自治区 › 银川市 › 兴庆区 › 掌政镇（640104100000）`.
    let chain: String
    let hasChain: Bool
    let history: BodyHistoryView
}

/// A body's reports and headline figures: on its own page, and on its place's page for the
/// government of a province, city or county.
struct BodyHistoryView {
    let name: String
    /// 历年报告 on the body's page, 本级（兴庆区人民政府）历年报告 on its place's page.
    let reportsTitle: String
    let figuresTitle: String
    let reports: [ReportLinkView]
    let years: [String]
    let figures: [FigureRowView]
    let hasFigures: Bool
}

struct ReportLinkView {
    let year: String
    let title: String
    let href: String
    let problems: Int
    let hasProblems: Bool
}

/// One headline figure across the years; "—" where the report does not tell (never 0).
struct FigureRowView {
    let label: String
    let cells: [FigureCellView]
}

struct FigureCellView {
    let text: String
    let known: Bool
}

/// The headline figures of one report, from the 2019/2021 tables or the legacy form.
struct HeadlineFigures {
    static let labels = ["本年新收申请", "予以公开", "结转下年度", "行政复议", "行政诉讼"]

    static func values(_ r: Report) -> [Decimal?] {
        let a = r.tables.applications
        let received = a?.value("newReceived", "total") ?? r.tables.legacy?.applicationsReceived
        let granted = a?.value("granted", "total")
        let forward = a?.value("carriedForward", "total")
        let review = r.tables.review?.value("review", "total") ?? r.tables.legacy?.reviewCount
        var litigation: Decimal?
        if let d = r.tables.review?.value("litigationDirect", "total"), let ar = r.tables.review?.value("litigationAfterReview", "total") {
            litigation = d + ar
        } else if r.tables.review == nil {
            litigation = r.tables.legacy?.litigationCount
        }
        return [received, granted, forward, review, litigation]
    }
}

/// A year's page: the reports of that year, grouped by county (or city, province: where the body sits).
struct YearPageView {
    let year: String
    let crumbs: [CrumbView]
    let count: Int
    let groups: [GroupView]
}

struct GroupView {
    let name: String
    let href: String
    let hasHref: Bool
    let items: [ItemView]
}

/// A body in a list, with a link to its page and to each of its years.
struct ItemView {
    let name: String
    let href: String
    let years: [YearLinkView]
}

struct YearLinkView {
    let year: String
    let href: String
}

struct YearsPageView {
    let crumbs: [CrumbView]
    let years: [YearCountView]
}

struct YearCountView {
    let year: String
    let href: String
    let count: Int
}

struct CountiesPageView {
    let crumbs: [CrumbView]
    let counties: [CountyLinkView]
    let regionsHref: String
    let others: [ItemView]
    let hasOthers: Bool
}

struct CountyLinkView {
    let name: String
    let parents: String
    let href: String
    let bodies: Int
    let reports: Int
}

struct HomePageView {
    let title: String
    let reports: Int
    let bodies: Int
    let counties: Int
    let yearCount: Int
    let years: [YearCountView]
    let regionsHref: String
    let yearsHref: String
    let countiesHref: String
    let searchHref: String
    /// The provinces (top of the tree), each linking to its page.
    let provinces: [PlaceView]
    let hasProvinces: Bool
}

struct SearchPageView {
    /// `search/index.json`, the index's manifest, from the search page.
    let indexHref: String
    /// The site root, to which report folders in the index are relative.
    let rootHref: String
    let regionsHref: String
    let yearsHref: String
    let countiesHref: String
}
