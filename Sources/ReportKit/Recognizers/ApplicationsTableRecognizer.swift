import Foundation

/// Reads 表三 收到和处理政府信息公开申请情况 from the lines of its section.
///
/// Which form: an era whose table 三 fingerprint headers the section prints decides; else the
/// labels are matched against every remaining era's form at once (the 2019 and 2021 forms
/// differ only in rows), and the printed rows decide: the newest era whose fingerprint rows
/// were printed (2021: any （六） sub-row), else the oldest. Forms told apart by rows share
/// their columns, so the rows are read before the form is known.
///
/// Rows are recognised in any layout `TokenRowReader` understands. A row with other than one
/// value per column is placed by `CellPlacement` (by the form's row identity) and always
/// reported (`applications.cellCount`).
public struct ApplicationsTableRecognizer: Sendable {
    let forms: FormRegistry

    public init(forms: FormRegistry = Forms.standard) {
        self.forms = forms
    }

    func read(_ lines: [TextLine], grid: Bool) -> (StatTable?, [Diagnostic]) {
        var tokens: [CellToken] = []
        var sectionText = ""
        for line in lines where !TableRegion.isProse(line) {
            sectionText += line.compact
            tokens += CellToken.tokens(of: line.text, line: line.number, grid: grid)
        }
        let eras = forms.eras(with: .applications)
        let named = eras.first { era in era.fingerprints(of: .applications).contains { $0.headersPrinted(inSection: sectionText) } }
        var candidates = named.map { [$0] } ?? eras.filter { era in era.fingerprints(of: .applications).allSatisfy(\.headers.isEmpty) }
        if candidates.isEmpty { candidates = eras }
        guard let reading = candidates.first?.tables[.applications], let columns = reading.blocks.first?.columns else { return (nil, []) }
        let width = columns.count
        let sum = CellPlacement.Sum(form: reading)

        let found = TokenRowReader.read(tokens, matcher: forms.matcher(for: candidates.compactMap { $0.tables[.applications] }),
                                        columns: grid ? nil : { _ in width },
                                        headerWords: columns.map { Normalizer.key($0.label) }, form: reading)
        guard !found.rows.isEmpty else { return (nil, []) }
        let printed = Set(found.rows.map(\.key))
        let era = candidates.first { era in
            era.fingerprints(of: .applications).contains { !Set($0.rows).isDisjoint(with: printed) }
        } ?? candidates[candidates.count - 1]
        guard let form = era.tables[.applications] else { return (nil, []) }

        var diagnostics: [Diagnostic] = found.unknown.map { RowUnknown.diagnostic($0, form: form) }
        var table = StatTable(form: form)
        var rows: [TokenRow] = []
        for row in found.rows where !rows.contains(where: { $0.key == row.key }) && form.row(row.key) != nil {
            var row = row
            // A regular grid: the value columns are the last cells.
            if grid && row.values.count > width { row.values = Array(row.values.suffix(width)) }
            rows.append(row)
        }
        // Run-together digits that split uniquely are read as such (`cell.joined`), not counted.
        var splits: [String: [Decimal]] = [:]
        for row in rows where row.values.count != width {
            if let split = CellPlacement.splitConcatenated(row.values.map(\.text), sum: sum) { splits[row.key] = split }
        }
        let layout = Self.layoutCount(rows.filter { splits[$0.key] == nil }.map(\.values.count), width: width)
        var placedByLayout: [String: [CellPlacement.Placed]] = [:]
        if let layout {
            let wrong = rows.filter { $0.values.count == layout && splits[$0.key] == nil }
            let placed = CellPlacement.placeAllTokens(wrong.map { $0.values.map(\.value) }, sum: sum, columns: width)
            for (row, values) in zip(wrong, placed) { placedByLayout[row.key] = values }
            diagnostics.append(.info("table.layout", "\(form.name): 各行都是 \(layout) 个数值（应为 \(width) 个），是表格排版"
                                     + "（合并的表头、空列或多出的小计列），不是报告数字有误；按各行一致的列位置读取", line: wrong[0].line,
                                     subject: Diagnostic.Subject(table: form.kind)))
        }
        for row in rows {
            let tokens = row.values
            let name = "\(form.name) \(form.printedName(of: row.key))"
            let subject = Diagnostic.Subject(table: form.kind, row: row.key)
            // Each column's value and the token it was printed as (none for a value the row
            // identity gives, or a piece of digits run together).
            var placed = tokens.enumerated().map { CellPlacement.Placed(value: $1.value, token: $0) }
            var isSplit = false
            var asPrinted: [PrintedValue]?
            if let byLayout = placedByLayout[row.key] {
                placed = byLayout
            } else if splits[row.key] == nil, let way = Self.interleavedReading(of: row, rows: rows, form: form, width: width, sum: sum) {
                placed = way.map { CellPlacement.Placed(value: tokens[$0].value, token: $0) }
                let taken = way.map { tokens[$0].text }.joined(separator: " ")
                diagnostics.append(.info("table.layout", "\(name): 印出 \(tokens.count) 个数值，是与相邻一行的数字成对交错排列（PDF 文字的阅读顺序），"
                                         + "不是报告数字有误；按本表勾稽关系（一加二等于三的总计加四）唯一相符的一组读取：\(taken)",
                                         line: row.line, subject: subject))
            } else if tokens.count != width {
                if let split = splits[row.key] {
                    // Digits run together without separators (crawler text): a layout artifact,
                    // not a row the report got wrong, so not an `applications.` code.
                    placed = split.map { CellPlacement.Placed(value: $0, token: nil) }
                    isSplit = true
                    let shown = split.map { "\($0)" }.joined(separator: "/")
                    let digits = tokens.map(\.text).joined(separator: " ")
                    diagnostics.append(.info("cell.joined", "\(name): 数字连在一起（“\(digits)”），按行合计唯一拆分为 \(shown)",
                                             line: row.line, subject: subject))
                } else {
                    diagnostics.append(.warning("applications.cellCount", "\(name): \(tokens.count) 个数值，应为 \(width) 个",
                                                line: row.line, subject: subject))
                    placed = CellPlacement.placeTokens(tokens.map(\.value), sum: sum, columns: width)
                    asPrinted = tokens.map { PrintedValue(text: $0.text, line: $0.line) }
                }
            }
            var cells: [StatCell] = []
            var missing = MissingCells(form: form, row: row.key)
            for (c, column) in columns.enumerated() {
                let v = placed[c].value
                // A placed value keeps its token's text and line (issue 12: a value is on the line
                // it names); a split piece is printed inside its run (`713000074` → 71); a value
                // the row identity gave was not printed, so it has no text.
                let token = placed[c].token.map { tokens[$0] }
                let text = token?.text ?? (isSplit ? v.map { "\($0)" } : nil)
                cells.append(StatCell(column: column.key, value: v, text: text, line: token?.line ?? row.line))
                if v == nil && (tokens.count == width || tokens.count == 0) { missing.add(column: column, text: token?.text) }
            }
            diagnostics += missing.diagnostics(line: row.line)
            table.set(StatRow(key: row.key, line: row.line, cells: cells, printed: asPrinted))
        }
        return (table, diagnostics)
    }

    /// Rows needed before a shared wrong count is the table's layout rather than the rows' fault.
    static let layoutRows = 3

    /// The cell count every row with the wrong count shares, when at least `layoutRows` rows and
    /// most rows print it: the header read is not the one printed (a subtotal column, a blank
    /// column, a column lost to a merged header), so it is one note about the table, never a
    /// warning per row that the report contradicts itself (`applications.` codes claim that).
    static func layoutCount(_ counts: [Int], width: Int) -> Int? {
        let wrong = counts.filter { $0 != width }
        guard wrong.count >= layoutRows, wrong.count * 2 > counts.count, let n = wrong.first,
              wrong.allSatisfy({ $0 == n }), n > 0 else { return nil }
        return n
    }
}
