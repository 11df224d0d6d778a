import Foundation

/// The open data as CSV, one row per report and one column per field of the data contract
/// (`DataRow.fields`, then `DataColumn.standard`), for the whole portal (`data/reports.csv`),
/// each year (`years/2020/reports.csv`) and each county (`<county>/reports.csv`). Drawn from
/// the reports' summaries (`ReportSummary.data`) alone.
struct DataCSV: Page {
    static let kind = PageKind(name: "data-csv", template: nil, inSitemap: false)
    let path: String
    let summaries: [Int]?

    static let name = "reports.csv"
    static let sitePath = "data/" + name

    static func pages(in plan: SitePlan) -> [DataCSV] {
        [DataCSV(path: sitePath, summaries: nil)]
            + plan.years.map { DataCSV(path: yearPath($0.key), summaries: $0.reports.sorted()) }
            + plan.map.counties.map { DataCSV(path: plan.map.nodes[$0].folder + name, summaries: plan.reports(under: $0)) }
    }

    static func yearPath(_ key: String) -> String { "years/\(key)/" + name }

    /// The lines: the header, then one per report, ordered by the report's folder.
    func frame(in plan: SitePlan) -> [String] { Self.lines(plan, summaries ?? Array(plan.summaries.indices)) }

    func draw(_ frame: [String], reports: [ParsedDocument]) -> Drawing { .data(CSV.file(frame)) }

    /// The header and rows of `reports`. The first column is the report's page, relative to
    /// the site root, so a row leads back to the report it was read from.
    ///
    /// Each row is written field by field into one string (`CSV.append`): the same bytes as
    /// `CSV.line` of its fields, without an array and a string for each field.
    static func lines(_ plan: SitePlan, _ reports: [Int]) -> [String] {
        let folder = plan.map.reportFolder
        var lines = [header]
        lines.reserveCapacity(reports.count + 1)
        for i in reports.sorted(by: { folder[$0] < folder[$1] }) {
            let data = plan.summaries[i].data
            var line = ""
            line.reserveCapacity(folder[i].utf8.count + data.text.reduce(0) { $0 + $1.utf8.count + 1 } + data.numbers.utf8.count + 1)
            CSV.append(folder[i], to: &line)
            for field in data.text {
                line += ","
                CSV.append(field, to: &line)
            }
            line += ","
            line += data.numbers
            lines.append(line)
        }
        return lines
    }

    static let header = CSV.line(["报告页面"] + DataRow.fields.map(\.name) + DataColumn.standard.map(\.name))
}
