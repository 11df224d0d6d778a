import Foundation

/// Reads 表四 行政复议、行政诉讼: fifteen numbers in one printed row, held as three rows of
/// five (行政复议, 未经复议直接起诉, 复议后起诉).
///
/// The header is all text (in PDF text broken into single characters 结/果/维/持), so the
/// values are simply the value tokens of the section, in order. Anything but fifteen is
/// reported (`review.cellCount`) and read as `nil`: fifteen cells cannot be placed by
/// arithmetic the way table 三's can.
public struct ReviewTableRecognizer: Sendable {
    static let groups = ["review", "litigationDirect", "litigationAfterReview"]
    static let groupNames = ["行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉"]

    public init() {}

    static func groupsAddUp(_ v: [Decimal?]) -> Bool {
        guard v.count == 15, v.allSatisfy({ $0 != nil }) else { return false }
        return (0..<3).allSatisfy { g in v[g * 5]! + v[g * 5 + 1]! + v[g * 5 + 2]! + v[g * 5 + 3]! == v[g * 5 + 4]! }
    }

    public func read(_ lines: [SourceLine], grid: Bool) -> (StatTable?, [Diagnostic]) {
        var values: [CellToken] = []
        var runs = 0
        var lastWasValue = false
        for line in lines where !TableRegion.isProse(line.text) {
            let tokens = CellToken.tokens(of: line.text, line: line.number, grid: grid)
            let lineValues = tokens.filter { $0.kind == .value }
            // In a grid, a header row's empty cells are not values; only rows with a number count.
            if grid && !lineValues.contains(where: { $0.value != nil }) { continue }
            for t in tokens {
                if t.kind == .value { if !lastWasValue { runs += 1 }; lastWasValue = true } else { lastWasValue = false }
            }
            values += lineValues
        }
        guard !values.isEmpty else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        // PDF text may emit the fifteen cells out of order, in runs split by header words.
        // Read in order only when that is plausible: few runs, or the group sums hold.
        if !grid && values.count == 15 && runs > 2 && !Self.groupsAddUp(values.map(\.value)) {
            return (nil, [.warning("report.tableUnreadable",
                                   "表四: 15 个数值被表头文字分成 \(runs) 段，顺序无法确定，未读取", line: values[0].line)])
        }
        let columns = Forms.review.blocks[0].columns
        if values.count > 15 && grid { values = Array(values.suffix(15)) }
        let ok = values.count == 15
        if !ok {
            diagnostics.append(.warning("review.cellCount", "表四: \(values.count) 个数值，应为 15 个", line: values[0].line))
        }
        var table = StatTable(form: .review)
        for (g, key) in Self.groups.enumerated() {
            var cells: [StatCell] = []
            var missing = MissingCells(table: "表四", row: Self.groupNames[g])
            for (c, column) in columns.enumerated() {
                let token = ok ? values[g * 5 + c] : nil
                cells.append(StatCell(column: column.key, value: token?.value, text: token?.text, line: token?.line ?? values[0].line))
                if ok, token?.value == nil { missing.add(column: column.label, text: token?.text) }
            }
            diagnostics += missing.diagnostics(line: ok ? values[g * 5].line : values[0].line)
            table.set(StatRow(key: key, line: ok ? values[g * 5].line : values[0].line, cells: cells))
        }
        return (table, diagnostics)
    }
}
