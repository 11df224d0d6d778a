import Foundation

/// Reads 表二 主动公开政府信息情况 (2019 or 2021 form, told apart by its column headers).
///
/// Rows by label; each row's values fill its block's columns in order. Fewer values than
/// columns leave the rest `nil` with a warning, never 0; surplus values are reported.
public struct ActiveTableRecognizer: Sendable {
    static let matcher2019 = LabelMatcher(form: Forms.active2019)
    static let matcher2021 = LabelMatcher(form: Forms.active2021)

    public init() {}

    /// Whether the section's headers are the 2021 form's.
    public static func is2021(_ text: String) -> Bool {
        Normalizer.contains(text, "本年制发件数") || Normalizer.contains(text, "本年废止件数") || Normalizer.contains(text, "现行有效件数")
            || Normalizer.contains(text, "本年处理决定数量") || Normalizer.contains(text, "本年收费金额")
    }

    public func read(_ lines: [SourceLine], grid: Bool) -> (StatTable?, [Diagnostic]) {
        var tokens: [CellToken] = []
        var headerText = ""
        var tabbed = Set<Int>()
        for line in lines where !TableRegion.isProse(line.text) {
            if line.text.contains("\t") || grid { tabbed.insert(line.number) }
            headerText += Normalizer.compact(line.text)
            tokens += CellToken.tokens(of: line.text, line: line.number, grid: grid)
        }
        let v2021 = Self.is2021(headerText)
        let form = v2021 ? Forms.active2021 : Forms.active2019
        let blockColumns: ((String) -> Int)? = grid ? nil : { key in form.block(containing: key)?.columns.count ?? 0 }
        let headerWords = form.blocks.flatMap { $0.columns.map { Normalizer.key($0.label) } + [Normalizer.key($0.title ?? "")] } + ["信息内容"]
        let found = TokenRowReader.read(tokens, matcher: v2021 ? Self.matcher2021 : Self.matcher2019, columns: blockColumns,
                                        headerWords: headerWords.filter { !$0.isEmpty })
        guard !found.rows.isEmpty else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        for u in found.unknown {
            diagnostics.append(.warning("row.unknown",
                                        "表二 无法识别的行 “\(u.text)”" + (u.didYouMean.map { "，是否为 “\($0)”？" } ?? ""), line: u.line))
        }
        var table = StatTable(form: form.id)
        for row in found.rows where table[row: row.key] == nil {
            guard let block = form.block(containing: row.key), let formRow = form.row(row.key) else { continue }
            var values = row.values
            var cleared = false
            if grid { while values.count > block.columns.count, values.last?.text == "" { values.removeLast() } }
            if values.count > block.columns.count {
                diagnostics.append(.warning("active.cellCount", "表二 \(formRow.label): \(values.count) 个数值，应为 \(block.columns.count) 个", line: row.line))
            } else if values.count < block.columns.count && !values.allSatisfy({ tabbed.contains($0.line) }) {
                // Without cell separators the missing cells cannot be told from the present ones
                // (`规范性文件898989` may be 89/89/89): every cell is unknown.
                diagnostics.append(.warning("cell.joined", "表二 \(formRow.label): 数字连在一起（\(values.map(\.text).joined(separator: " "))），应为 \(block.columns.count) 列，无法确定各列，留空", line: row.line))
                values = []
                cleared = true
            }
            var cells: [StatCell] = []
            var missing = MissingCells(table: "表二", row: formRow.label)
            for (c, column) in block.columns.enumerated() {
                let token = c < values.count ? values[c] : nil
                cells.append(StatCell(column: column.key, value: token?.value, text: token?.text, line: token?.line ?? row.line))
                if token?.value == nil && !cleared { missing.add(column: column.label, text: token?.text) }
            }
            diagnostics += missing.diagnostics(line: row.line)
            table.set(StatRow(key: row.key, line: row.line, cells: cells))
        }
        return (table, diagnostics)
    }
}
