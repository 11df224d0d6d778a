import Foundation

/// Checks: in table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结 in each of the three groups.
/// Reports: `review.groupTotal` on the table 四 data line, one per group.
public struct ReviewGroupTotalRule: ReportRule {
    public var name: String { "review.groupTotal" }
    public init() {}

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        guard let table = report.tables.review else { return [] }
        var out: [Diagnostic] = []
        for (g, key) in ReviewTableRecognizer.groups.enumerated() {
            guard let row = table[row: key] else { continue }
            let v = row.cells.map(\.value)
            guard v.count == 5, v.allSatisfy({ $0 != nil }) else { continue }
            let sum = v[0]! + v[1]! + v[2]! + v[3]!
            if sum != v[4]! {
                out.append(.warning("review.groupTotal",
                                    "表四 \(ReviewTableRecognizer.groupNames[g]): 总计 \(v[4]!) ≠ 维持 \(v[0]!) + 纠正 \(v[1]!) + 其他 \(v[2]!) + 尚未审结 \(v[3]!) = \(sum)",
                                    line: row.cells[4].line ?? row.line))
            }
        }
        return out
    }
}
