import Foundation

/// The headline figures of one report, from the 2019/2021 tables or the legacy form: what a
/// body's page and its place's page show across the years.
enum HeadlineFigures {
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
