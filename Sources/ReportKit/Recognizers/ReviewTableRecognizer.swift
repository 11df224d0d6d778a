import Foundation

/// Reads 表四 行政复议、行政诉讼: one printed row of numbers, held as one row per group of the
/// form (行政复议, 未经复议直接起诉, 复议后起诉: three groups of five).
///
/// The header is all text (in PDF text broken into single characters 结/果/维/持), so the
/// values are simply the value tokens of the section, in order. Anything but one value per
/// cell is reported (`review.cellCount`) and read as `nil`: fifteen cells cannot be placed by
/// arithmetic the way table 三's can.
public struct ReviewTableRecognizer: Sendable {
    let forms: FormRegistry

    public init(forms: FormRegistry = Forms.standard) {
        self.forms = forms
    }

    /// The groups (the form's valued rows) and the columns of each.
    static func layout(_ form: Form) -> (groups: [FormRow], columns: [FormColumn]) {
        let block = form.blocks.first
        return (block?.rows.filter(\.valued) ?? [], block?.columns ?? [])
    }

    /// Whether the values, read in order, satisfy the form's row identity in every group.
    static func groupsAddUp(_ v: [Decimal?], form: Form) -> Bool {
        let (groups, columns) = layout(form)
        guard let sum = CellPlacement.Sum(form: form), v.count == groups.count * columns.count else { return false }
        return groups.indices.allSatisfy { g in sum.holds(Array(v[(g * columns.count)..<((g + 1) * columns.count)])) }
    }

    func read(_ lines: [TextLine], grid: Bool) -> (StatTable?, [Diagnostic]) {
        var values: [CellToken] = []
        var runs = 0
        var lastWasValue = false
        for line in lines where !TableRegion.isProse(line) {
            let tokens = CellToken.tokens(of: line.text, line: line.number, grid: grid)
            let lineValues = tokens.filter { $0.kind == .value }
            // In a grid, a header row's empty cells are not values; only rows with a number count.
            if grid && !lineValues.contains(where: { $0.value != nil }) { continue }
            for t in tokens {
                if t.kind == .value { if !lastWasValue { runs += 1 }; lastWasValue = true } else { lastWasValue = false }
            }
            values += lineValues
        }
        // Table 四 has not changed between eras; should one change it, the newest form is read.
        guard !values.isEmpty, let form = forms.eras(with: .review).first?.tables[.review] else { return (nil, []) }
        let (groups, columns) = Self.layout(form)
        let width = columns.count
        let count = groups.count * width
        var diagnostics: [Diagnostic] = []
        // PDF text may emit the fifteen cells out of order, in runs split by header words.
        // Read in order only when that is plausible: few runs, or the group sums hold.
        if !grid && values.count == count && runs > 2 && !Self.groupsAddUp(values.map(\.value), form: form) {
            return (nil, [.warning("report.tableUnreadable",
                                   "\(form.name): \(count) 个数值被表头文字分成 \(runs) 段，顺序无法确定，未读取", line: values[0].line,
                                   subject: Diagnostic.Subject(table: form.kind))])
        }
        if values.count > count && grid { values = Array(values.suffix(count)) }
        let ok = values.count == count
        if !ok {
            diagnostics.append(.warning("review.cellCount", "\(form.name): \(values.count) 个数值，应为 \(count) 个", line: values[0].line,
                                        subject: Diagnostic.Subject(table: form.kind)))
        }
        var table = StatTable(form: form)
        for (g, group) in groups.enumerated() {
            var cells: [StatCell] = []
            var missing = MissingCells(form: form, row: group.key)
            for (c, column) in columns.enumerated() {
                let token = ok ? values[g * width + c] : nil
                cells.append(StatCell(column: column.key, value: token?.value, text: token?.text, line: token?.line ?? values[0].line))
                if ok, token?.value == nil { missing.add(column: column, text: token?.text) }
            }
            diagnostics += missing.diagnostics(line: ok ? values[g * width].line : values[0].line)
            table.set(StatRow(key: group.key, line: ok ? values[g * width].line : values[0].line, cells: cells))
        }
        return (table, diagnostics)
    }
}
