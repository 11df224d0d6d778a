import Foundation

/// Reads 表二 主动公开政府信息情况, with the form its column headers name.
///
/// The form is the newest era's whose table 二 fingerprint headers the section prints
/// (2021: 本年制发件数 …), else the oldest era's (the 2019 form's headers are the ones PDF
/// text most often loses). Rows by label; each row's values fill its block's columns in
/// order. Fewer values than columns leave the rest `nil` with a warning, never 0; surplus
/// values are reported.
public struct ActiveTableRecognizer: Sendable {
    let forms: FormRegistry

    public init(forms: FormRegistry = Forms.standard) {
        self.forms = forms
    }

    /// The form of table 二 whose headers `sectionText` (compact) prints.
    public func form(forSection sectionText: String) -> Form? {
        let eras = forms.eras(with: .active)
        let named = eras.first { era in era.fingerprints(of: .active).contains { $0.headersPrinted(inSection: sectionText) } }
        return (named ?? eras.last)?.tables[.active]
    }

    func read(_ lines: [TextLine], grid: Bool) -> (StatTable?, [Diagnostic]) {
        var tokens: [CellToken] = []
        var headerText = ""
        var tabbed = Set<Int>()
        for line in lines where !TableRegion.isProse(line) {
            if line.hasTab || grid { tabbed.insert(line.number) }
            headerText += line.compact
            tokens += CellToken.tokens(of: line.text, line: line.number, grid: grid)
        }
        guard let form = form(forSection: headerText) else { return (nil, []) }
        let blockColumns: ((String) -> Int)? = grid ? nil : { key in form.block(containing: key)?.columns.count ?? 0 }
        var headerWords = form.blocks.flatMap { $0.columns.map { Normalizer.key($0.label) } + [Normalizer.key($0.title ?? "")] }
        headerWords += [Normalizer.key(form.labelHeading ?? "")]
        let found = TokenRowReader.read(tokens, matcher: forms.matcher(for: [form]), columns: blockColumns,
                                        headerWords: headerWords.filter { !$0.isEmpty }, form: form)
        guard !found.rows.isEmpty else { return (nil, []) }
        var diagnostics: [Diagnostic] = found.unknown.map { RowUnknown.diagnostic($0, form: form) }
        var table = StatTable(form: form)
        for row in found.rows where table[row: row.key] == nil {
            guard let block = form.block(containing: row.key) else { continue }
            let name = form.printedName(of: row.key)
            let subject = Diagnostic.Subject(table: form.kind, row: row.key)
            var values = row.values
            var cleared = false
            var asPrinted: [PrintedValue]?
            if grid { while values.count > block.columns.count, values.last?.text == "" { values.removeLast() } }
            if values.count > block.columns.count {
                diagnostics.append(.warning("active.cellCount", "\(form.name) \(name): \(values.count) 个数值，应为 \(block.columns.count) 个",
                                            line: row.line, subject: subject))
                asPrinted = values.map { PrintedValue(text: $0.text, line: $0.line) }
            } else if values.count < block.columns.count && !values.allSatisfy({ tabbed.contains($0.line) }) {
                // Without cell separators the missing cells cannot be told from the present ones
                // (`规范性文件898989` may be 89/89/89): every cell is unknown.
                let digits = values.map(\.text).joined(separator: " ")
                diagnostics.append(.warning("cell.joined", "\(form.name) \(name): 数字连在一起（\(digits)），应为 \(block.columns.count) 列，无法确定各列，留空",
                                            line: row.line, subject: subject))
                values = []
                cleared = true
            }
            var cells: [StatCell] = []
            var missing = MissingCells(form: form, row: row.key)
            for (c, column) in block.columns.enumerated() {
                let token = c < values.count ? values[c] : nil
                cells.append(StatCell(column: column.key, value: token?.value, text: token?.text, line: token?.line ?? row.line))
                if token?.value == nil && !cleared { missing.add(column: column, text: token?.text) }
            }
            diagnostics += missing.diagnostics(line: row.line)
            table.set(StatRow(key: row.key, line: row.line, cells: cells, printed: asPrinted))
        }
        return (table, diagnostics)
    }
}
