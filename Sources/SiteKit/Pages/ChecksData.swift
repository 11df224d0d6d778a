import Foundation
import ReportKit

/// `checks.json` beside a report's page: every check run on the report and its result,
/// passed ones too, and every problem found (docs/checks-json.md).
struct ChecksData: Page {
    static let kind = PageKind(name: "report-checks", template: nil, inSitemap: false)
    let report: Int
    let path: String
    var reports: [Int] { [report] }

    static func pages(in plan: SitePlan) -> [ChecksData] {
        plan.summaries.indices.map { ChecksData(report: $0, path: plan.map.reportFolder[$0] + "checks.json") }
    }

    /// Nothing: the file is drawn from the report alone.
    func frame(in plan: SitePlan) -> NoFrame { NoFrame() }

    func draw(_ frame: NoFrame, reports: [ParsedDocument]) -> Drawing {
        var bytes = Self.json(reports[0].report).bytes(prettyLevels: Self.lineLevels)
        bytes.append(0x0A)
        return .data(Data(bytes))
    }

    /// The levels broken into lines: the summary's counts, then one check and one problem a
    /// line, each written compactly. Fully indented, the file was a third whitespace (30 KB a
    /// report of a 2021-form report, 343 MB at 10,000 reports), a cost of every build's write.
    static let lineLevels = 2

    static func json(_ report: Report) -> JSONValue {
        let checks = ReportChecks(report: report)
        let count = { (r: IdentityCheck.Result) in JSONValue.int(checks.checks.filter { $0.result == r }.count) }
        func subject(_ s: Diagnostic.Subject?) -> [(String, JSONValue)] {
            [("table", JSONValue(s?.table.rawValue)), ("row", JSONValue(s?.row)), ("column", JSONValue(s?.column))]
        }
        let list: [JSONValue] = checks.checks.map { c in
            .object([("code", .string(c.code.rawValue)), ("rule", .string(c.wording))] + subject(c.subject) + [
                ("result", .string(c.result.rawValue)), ("text", .string(c.plain)),
                ("line", JSONValue(c.diagnostic?.line)),
                ("cells", .array(c.cells.map { .object([("row", .string($0.row)), ("column", .string($0.column))]) })),
            ])
        }
        let problems: [JSONValue] = report.diagnostics.enumerated().map { i, d in
            .object([("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)),
                     ("message", .string(d.message)), ("text", .string(checks.plain[i])), ("line", JSONValue(d.line))]
                    + subject(d.subject) + [("check", JSONValue(checks.check[i]))])
        }
        return .object([
            ("summary", .object([("checks", .int(checks.checks.count)), ("passed", count(.passed)), ("failed", count(.failed)),
                                 ("skipped", count(.skipped)),
                                 ("problems", .int(report.diagnostics.filter { $0.severity != .info }.count))])),
            ("checks", .array(list)),
            ("problems", .array(problems)),
        ])
    }
}
