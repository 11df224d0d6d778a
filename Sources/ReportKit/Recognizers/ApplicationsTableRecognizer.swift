import Foundation

/// Reads 表三 收到和处理政府信息公开申请情况 from the lines of its section.
///
/// Rows are recognised by label (`LabelMatcher` over the 2021 form, a superset of 2019), in
/// any layout `TokenRowReader` understands. A row with other than seven values is placed by
/// `CellPlacement` and always reported (`applications.cellCount`). The form is 2021 when
/// any （六） sub-row is printed; then `otherHandling` is the sum of its sub-rows.
public struct ApplicationsTableRecognizer: Sendable {
    static let matcher = LabelMatcher(form: Forms.applications2021)
    static let subRows = ["otherHandling.noCorrection", "otherHandling.unpaidFee", "otherHandling.other"]

    public init() {}

    public func read(_ lines: [SourceLine], grid: Bool) -> (StatTable?, [Diagnostic]) {
        var tokens: [CellToken] = []
        for line in lines where !TableRegion.isProse(line.text) {
            tokens += CellToken.tokens(of: line.text, line: line.number, grid: grid)
        }
        let sevenColumns: ((String) -> Int)? = grid ? nil : { _ in 7 }
        let found = TokenRowReader.read(tokens, matcher: Self.matcher, columns: sevenColumns,
                                        headerWords: Forms.applicantColumns.map { Normalizer.key($0.label) })
        var diagnostics: [Diagnostic] = []
        guard !found.rows.isEmpty else { return (nil, diagnostics) }
        let is2021 = found.rows.contains { Self.subRows.contains($0.key) }
        var table = StatTable(form: is2021 ? .applications2021 : .applications2019)
        let columns = Forms.applicantColumns
        for u in found.unknown {
            diagnostics.append(.warning("row.unknown",
                                        "表三 无法识别的行 “\(u.text)”" + (u.didYouMean.map { "，是否为 “\($0)”？" } ?? ""), line: u.line))
        }
        for row in found.rows where table[row: row.key] == nil {
            var tokens = row.values
            if grid && tokens.count > 7 {
                // A regular grid: the value columns are the last seven cells.
                tokens = Array(tokens.suffix(7))
            }
            let label = Self.label(row.key)
            var values = tokens.map(\.value)
            if tokens.count != 7 {
                if let split = CellPlacement.splitConcatenated(tokens.map(\.text)) {
                    // Digits run together without separators (crawler text): a layout artifact,
                    // not a row the report got wrong, so not an `applications.` code.
                    values = split
                    let shown = split.map { "\($0)" }.joined(separator: "/")
                    diagnostics.append(.info("cell.joined", "表三 \(label): 数字连在一起（“\(tokens.map(\.text).joined(separator: " "))”），按行合计唯一拆分为 \(shown)", line: row.line))
                } else {
                    diagnostics.append(.warning("applications.cellCount",
                                                "表三 \(label): \(tokens.count) 个数值，应为 7 个", line: row.line))
                    values = CellPlacement.place(values)
                }
            }
            var cells: [StatCell] = []
            var missing = MissingCells(table: "表三", row: label)
            for (c, column) in columns.enumerated() {
                let token = tokens.count == 7 ? tokens[c] : nil
                let v = values[c]
                cells.append(StatCell(column: column.key, value: v, text: token?.text ?? v.map { "\($0)" }, line: token?.line ?? row.line))
                if v == nil && (tokens.count == 7 || tokens.count == 0) { missing.add(column: column.label, text: token?.text) }
            }
            diagnostics += missing.diagnostics(line: row.line)
            table.set(StatRow(key: row.key, line: row.line, cells: cells))
        }
        if is2021, table[row: "otherHandling"] == nil {
            let subs = Self.subRows.compactMap { table[row: $0] }
            if subs.count == Self.subRows.count {
                let cells = columns.map { column -> StatCell in
                    let parts = subs.map { $0[column.key]?.value }
                    let sum: Decimal? = parts.contains { $0 == nil } ? nil : parts.reduce(Decimal(0)) { $0 + $1! }
                    return StatCell(column: column.key, value: sum, text: nil, line: subs[0].line)
                }
                table.set(StatRow(key: "otherHandling", line: subs[0].line, cells: cells))
            }
        }
        return (table, diagnostics)
    }

    /// The printed label of a row, with its numbering, for messages.
    static func label(_ key: String) -> String {
        guard let row = Forms.applications2021.row(key) else { return key }
        return (row.number ?? "") + row.label
    }
}
