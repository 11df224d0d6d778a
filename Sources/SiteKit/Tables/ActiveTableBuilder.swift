/// Draws 表二 as the official form prints it: one section per 第二十条 item, each with its
/// own column headers (the blocks have different columns, so each section is a `<tbody>`
/// led by its title row and its header row; the last cell of a narrower block spans the rest).
///
/// Every data cell's `headers` lists its column, its block and its row.
struct ActiveTableBuilder {
    let table: StatTable
    let prefix: String

    func build(placing placement: inout DiagnosticPlacement) -> TableView {
        let form = table.form
        let width = 1 + (form.blocks.map(\.columns.count).max() ?? 0)
        var bodies: [TableBodyView] = []
        for block in form.blocks {
            let b = "\(prefix)-\(TableFormatting.idPart(block.key))"
            var rows: [TableRowView] = []
            rows.append(TableRowView(cells: [.header(block.title ?? "", attrs: Attributes(("id", b)).with("colspan", width).adding("scope", "rowgroup"))]))
            var headerCells = [TableCellView.header(form.labelHeading ?? "", attrs: Attributes(("id", "\(b)-label"), ("scope", "col")))]
            for (n, column) in block.columns.enumerated() {
                let span = n == block.columns.count - 1 ? width - block.columns.count : 1
                headerCells.append(.header(column.label, attrs: Attributes(("id", "\(b)-c-\(TableFormatting.idPart(column.key))")).with("colspan", span).adding("scope", "col")))
            }
            rows.append(TableRowView(cells: headerCells))
            for formRow in block.rows {
                let printed = table[row: formRow.key]
                let rid = "\(b)-r-\(TableFormatting.idPart(formRow.key))"
                let rowWarn = placement.describedBy(form.kind, row: formRow.key)
                var thAttrs = Attributes(("id", rid), ("scope", "row"))
                thAttrs.add("aria-describedby", rowWarn)
                var cells = [TableCellView.header(formRow.label, attrs: thAttrs, warn: !rowWarn.isEmpty)]
                if let values = printed?.printed {
                    // More values than columns: shown as printed, in one cell under every column.
                    let headers = block.columns.map { "\(b)-c-\(TableFormatting.idPart($0.key))" } + [b, rid]
                    var attrs = Attributes(("class", "num warn misprint"), ("headers", headers.joined(separator: " ")))
                    attrs.add("colspan", width - 1)
                    attrs.add("aria-describedby", rowWarn)
                    cells.append(.misprinted(values, columns: block.columns.count, attrs: attrs))
                }
                for (n, column) in block.columns.enumerated() where printed?.printed == nil {
                    let cell = printed?[column.key]
                    let warnIDs = placement.describedBy(form.kind, row: formRow.key, column: column.key)
                    var attrs = Attributes(("class", TableFormatting.cellClass(warn: !warnIDs.isEmpty)))
                    attrs.add("colspan", n == block.columns.count - 1 ? width - block.columns.count : 1)
                    attrs.add("headers", ["\(b)-c-\(TableFormatting.idPart(column.key))", b, rid].joined(separator: " "))
                    attrs.add("aria-describedby", warnIDs)
                    let text = TableFormatting.number(cell?.value)
                    cells.append(.data(text: text, line: cell?.line, unit: column.money && text != nil ? "万元" : nil,
                                       attrs: attrs, warn: !warnIDs.isEmpty, absent: printed == nil))
                }
                let notes = placement.notes(form.kind, rows: [formRow.key], colspan: width)
                let rowClass = printed == nil ? "absent" : notes.isEmpty ? "" : "warn"
                rows.append(TableRowView(attrs: Attributes(("class", rowClass)).html, cells: cells))
                rows += notes
            }
            bodies.append(TableBodyView(rows: rows))
        }
        return TableView(id: prefix, caption: form.title, hasHead: false, head: [], bodies: bodies)
    }
}
