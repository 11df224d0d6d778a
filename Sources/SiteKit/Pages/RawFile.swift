import Foundation

/// The report's file as it was given, published beside its page under a name that a browser
/// shows as text and never runs (`source.txt`, `source.md`, `source.html.txt`).
struct RawFile: Page {
    static let kind = PageKind(name: "raw", template: nil, inSitemap: false)
    let report: Int
    let path: String
    var reports: [Int] { [report] }

    static func pages(in plan: SitePlan) -> [RawFile] {
        plan.summaries.indices.map { RawFile(report: $0, path: plan.map.reportFolder[$0] + plan.summaries[$0].rawName) }
    }

    /// Nothing: the file is the report's bytes alone.
    func frame(in plan: SitePlan) -> NoFrame { NoFrame() }

    func draw(_ frame: NoFrame, reports: [ParsedDocument]) -> Drawing { .data(reports[0].document.bytes) }
}
