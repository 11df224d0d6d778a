import Foundation

/// `report.json` beside a report's page: the report as data (docs/report-json.md).
struct ReportData: Page {
    static let kind = PageKind(name: "report-data", template: nil, inSitemap: false)
    let report: Int
    let path: String
    var reports: [Int] { [report] }

    static func pages(in plan: SitePlan) -> [ReportData] {
        plan.summaries.indices.map { ReportData(report: $0, path: plan.map.reportFolder[$0] + "report.json") }
    }

    /// Nothing: the file is the report alone.
    func frame(in plan: SitePlan) -> NoFrame { NoFrame() }

    func draw(_ frame: NoFrame, reports: [ParsedDocument]) -> Drawing {
        .data(Self.bytes(reports[0].report))
    }

    /// The file's bytes (also what a year's ZIP holds).
    static func bytes(_ report: Report) -> Data {
        var bytes = report.json.bytes(prettyLevels: .max)
        bytes.append(0x0A)
        return Data(bytes)
    }
}
