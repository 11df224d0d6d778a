import Foundation

/// Checks: in table 三, （七）总计 = （一）+（二）+ every row under （三）（四）（五）（六), per column.
/// Reports: `applications.resultsTotal` on the （七） line, one per column that disagrees.
/// Only when every result row of the form is printed and readable in that column.
public struct ApplicationsResultsTotalRule: ReportRule {
    public var name: String { "applications.resultsTotal" }
    public init() {}

    static func resultRows(_ form: FormID) -> [String] {
        form.definition.allRows.filter {
            $0.valued && $0.key != "resultsTotal" && $0.key != "newReceived" && $0.key != "carriedOver" && $0.key != "carriedForward"
                && !(form == .applications2021 && $0.key == "otherHandling")
        }.map(\.key)
    }

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        guard let table = report.tables.applications, let total = table[row: "resultsTotal"] else { return [] }
        var keys = Self.resultRows(table.form)
        // A 2021 report that prints （六） as one row (no sub-rows) is summed by that row.
        if table.form == .applications2021, table[row: "otherHandling.noCorrection"] == nil, table[row: "otherHandling"] != nil {
            keys = keys.filter { !$0.hasPrefix("otherHandling.") } + ["otherHandling"]
        }
        let rows = keys.compactMap { table[row: $0] }
        guard rows.count == keys.count else { return [] }
        var out: [Diagnostic] = []
        for column in Forms.applicantColumns {
            guard let t = total[column.key]?.value else { continue }
            let parts = rows.map { $0[column.key]?.value }
            guard parts.allSatisfy({ $0 != nil }) else { continue }
            let sum = parts.reduce(Decimal(0)) { $0 + $1! }
            if sum != t {
                out.append(.warning("applications.resultsTotal",
                                    "表三 （七）总计 \(column.label): \(t) ≠ （一）至（六）之和 \(sum)", line: total.line))
            }
        }
        return out
    }
}
