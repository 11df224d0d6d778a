/// Draws the 2008–2018 statistics form: 统计指标 | 单位 | 统计数, one row per printed row,
/// in the order printed (the legacy row set changed between years, so there is no form to follow).
/// The caption and column headers are the form's (`Forms.legacy`); a row is named by its label.
struct LegacyTableBuilder {
    let table: LegacyTable
    let prefix: String
    var form: LegacyForm = Forms.legacy

    func build(placing placement: inout DiagnosticPlacement) -> TableView {
        let c = (label: "\(prefix)-c-label", unit: "\(prefix)-c-unit", value: "\(prefix)-c-value")
        let head = TableRowView(cells: zip([c.label, c.unit, c.value], form.columns).map { id, label in
            .header(label, attrs: Attributes(("id", id), ("scope", "col")))
        })
        var rows: [TableRowView] = []
        var group: String?
        for (n, row) in table.rows.enumerated() {
            let rid = "\(prefix)-r-\(n + 1)"
            // A heading row (二、回应解读情况) has no unit and no value: it titles the rows
            // under it, and a "—" there would read as a number left out.
            if row.unit == nil && row.value == nil && (row.text ?? "").isEmpty {
                rows.append(TableRowView(attrs: Attributes(("class", "group")).html, cells: [
                    .header(row.label, attrs: Attributes(("id", rid), ("colspan", "3"), ("scope", "rowgroup"))),
                ]))
                rows += placement.notes(.legacy, rows: [row.label], colspan: 3)
                group = rid
                continue
            }
            let rowHeaders = ([rid] + (group.map { [$0] } ?? [])).joined(separator: " ")
            let warnIDs = placement.describedBy(.legacy, row: row.label)
            var thAttrs = Attributes(("id", rid), ("scope", "row"))
            thAttrs.add("aria-describedby", warnIDs)
            let unitCell = TableCellView.data(text: row.unit ?? "", line: nil, unit: nil,
                                              attrs: Attributes(("class", "unit"), ("headers", "\(c.unit) \(rowHeaders)")), warn: false)
            var valueAttrs = Attributes(("class", TableFormatting.cellClass(warn: !warnIDs.isEmpty)), ("headers", "\(c.value) \(rowHeaders)"))
            valueAttrs.add("aria-describedby", warnIDs)
            let value = TableCellView.data(text: TableFormatting.number(row.value), line: row.line,
                                           unit: nil, attrs: valueAttrs, warn: !warnIDs.isEmpty)
            let notes = placement.notes(.legacy, rows: [row.label], colspan: 3)
            rows.append(TableRowView(attrs: notes.isEmpty ? "" : Attributes(("class", "warn")).html,
                                     cells: [.header(row.label, attrs: thAttrs, warn: !warnIDs.isEmpty), unitCell, value]))
            rows += notes
        }
        return TableView(id: prefix, caption: form.title, hasHead: true, head: [head], bodies: [TableBodyView(rows: rows)])
    }
}
