import Foundation
import NianbaoTestSupport
@testable import SiteKit

/// Hand-built reports (the parser is written elsewhere; these tests never depend on it).
enum Sample {
    static let themeDirectory = Fixture.repositoryRoot.appendingPathComponent("themes/default")

    static func config() -> SiteConfig { SiteConfig(title: "测试门户", themeDirectory: themeDirectory) }

    static let applicantColumns = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total"]

    /// A row of table 三 read from one tab-separated line; `nil` is a cell left empty.
    static func row(_ key: String, line: Int, _ values: [Int?], columns: [String] = applicantColumns) -> StatRow {
        StatRow(key: key, line: line, cells: zip(columns, values).map { column, v in
            StatCell(column: column, value: v.map { Decimal($0) }, text: v.map(String.init), line: line)
        })
    }

    /// Table 三 of the golden file: （七）总计 breaks the column rule (3 ≠ 2 + 0) and
    /// 1.属于国家秘密 has an empty 自然人 cell.
    static let tableThree = StatTable(form: Forms.applications2019, rows: [
        row("newReceived", line: 10, [3, 0, 0, 0, 0, 0, 3]),
        row("granted", line: 12, [2, 0, 0, 0, 0, 0, 2]),
        row("denied.stateSecret", line: 13, [nil, 0, 0, 0, 0, 0, 0]),
        row("resultsTotal", line: 14, [2, 0, 0, 0, 0, 0, 3]),
        row("carriedForward", line: 15, [1, 0, 0, 0, 0, 0, 1]),
    ])

    static let columnTotalWarning = Diagnostic.warning(
        "applications.columnTotal", "表三 （七）总计：总计 3 ≠ 自然人 2 + 法人或其他组织 0", line: 14,
        subject: Diagnostic.Subject(table: .applications, row: "resultsTotal"))

    static let reviewColumns = ["upheld", "corrected", "other", "pending", "total"]

    /// Table 四 printed on one line (20); 复议后起诉 尚未审结 left empty.
    static let tableFour = StatTable(form: Forms.review, rows: [
        row("review", line: 20, [1, 0, 0, 0, 1], columns: reviewColumns),
        row("litigationDirect", line: 20, [0, 0, 0, 0, 0], columns: reviewColumns),
        row("litigationAfterReview", line: 20, [0, 0, 0, nil, 0], columns: reviewColumns),
    ])

    static let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"

    static func report(source: String, title: String? = nil, body: String?, region: Region, year: Int?,
                       applications: StatTable? = nil, review: StatTable? = nil, extraText: String = "",
                       diagnostics: [Diagnostic] = []) -> Report {
        var blocks: [Block] = [
            .heading(text: "一、总体情况", level: 2, section: 1, line: 3),
            .paragraph(text: "本年共收到申请 **3** 件。" + extraText, line: 4),
        ]
        if applications != nil { blocks.append(.table(.applications, line: 9)) }
        if review != nil { blocks.append(.table(.review, line: 19)) }
        var tables = ReportTables()
        tables.applications = applications
        tables.review = review
        return Report(source: source, title: title, body: body, region: region, year: year, format: .v2019,
                      published: year.map { "\($0 + 1)-01-25" }, tables: tables,
                      blocks: blocks, diagnostics: diagnostics)
    }

    static func document(_ report: Report, kind: SourceKind = .text, text: String? = nil) -> ParsedDocument {
        let body = text ?? (1...20).map { "第 \($0) 行 \(report.body ?? "")" }.joined(separator: "\n")
        return ParsedDocument(document: SourceDocument(path: report.source, kind: kind, bytes: Data(body.utf8), text: body, encoding: "UTF-8"),
                              report: report)
    }
}

extension SiteMap {
    /// The map of hand-built reports (each as `Sample.document` publishes it).
    init(reports: [Report], slug: (String) -> String) {
        self.init(reports: reports.map { ReportSummary(Sample.document($0)) }, slug: slug)
    }
}
