import Foundation

/// Checks: in table 三, every printed row's 总计 = 自然人 + the five 法人或其他组织 columns.
/// Reports: `applications.rowTotal` on the row's line, naming the numbers. Skips rows with a
/// `nil` cell and the computed 2021 `otherHandling` row (its sub-rows are checked).
public struct ApplicationsRowTotalRule: ReportRule {
    public var name: String { "applications.rowTotal" }
    public init() {}

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        guard let table = report.tables.applications else { return [] }
        var out: [Diagnostic] = []
        for row in table.rows where !(row.key == "otherHandling" && table.form == .applications2021 && row.cells.allSatisfy { $0.text == nil }) {
            let values = row.cells.map(\.value)
            guard values.count == 7, values.allSatisfy({ $0 != nil }) else { continue }
            let person = values[0]!
            let orgs = values[1..<6].reduce(Decimal(0)) { $0 + $1! }
            let total = values[6]!
            if total != person + orgs {
                out.append(.warning("applications.rowTotal",
                                    "表三 \(ApplicationsTableRecognizer.label(row.key)): 总计 \(total) ≠ 自然人 \(person) + 法人或其他组织 \(orgs)",
                                    line: row.line))
            }
        }
        return out
    }
}
