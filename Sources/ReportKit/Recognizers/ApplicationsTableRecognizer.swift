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

    public func read(_ lines: [SourceLine], grid: Bool) -> (StatTable?, [Diagnostic]) {
        var tokens: [CellToken] = []
        var sectionText = ""
        for line in lines where !TableRegion.isProse(line.text) {
            sectionText += Normalizer.compact(line.text)
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
        for row in found.rows where table[row: row.key] == nil && form.row(row.key) != nil {
            var tokens = row.values
            if grid && tokens.count > width {
                // A regular grid: the value columns are the last cells.
                tokens = Array(tokens.suffix(width))
            }
            let name = "\(form.name) \(form.printedName(of: row.key))"
            let subject = Diagnostic.Subject(table: form.kind, row: row.key)
            var values = tokens.map(\.value)
            var asPrinted: [PrintedValue]?
            if tokens.count != width {
                if let split = CellPlacement.splitConcatenated(tokens.map(\.text), sum: sum) {
                    // Digits run together without separators (crawler text): a layout artifact,
                    // not a row the report got wrong, so not an `applications.` code.
                    values = split
                    let shown = split.map { "\($0)" }.joined(separator: "/")
                    let digits = tokens.map(\.text).joined(separator: " ")
                    diagnostics.append(.info("cell.joined", "\(name): 数字连在一起（“\(digits)”），按行合计唯一拆分为 \(shown)",
                                             line: row.line, subject: subject))
                } else {
                    diagnostics.append(.warning("applications.cellCount", "\(name): \(tokens.count) 个数值，应为 \(width) 个",
                                                line: row.line, subject: subject))
                    values = CellPlacement.place(values, sum: sum, columns: width)
                    asPrinted = tokens.map { PrintedValue(text: $0.text, line: $0.line) }
                }
            }
            var cells: [StatCell] = []
            var missing = MissingCells(form: form, row: row.key)
            for (c, column) in columns.enumerated() {
                let token = tokens.count == width ? tokens[c] : nil
                let v = values[c]
                cells.append(StatCell(column: column.key, value: v, text: token?.text ?? v.map { "\($0)" }, line: token?.line ?? row.line))
                if v == nil && (tokens.count == width || tokens.count == 0) { missing.add(column: column, text: token?.text) }
            }
            diagnostics += missing.diagnostics(line: row.line)
            table.set(StatRow(key: row.key, line: row.line, cells: cells, printed: asPrinted))
        }
        return (table, diagnostics)
    }
}
