/// Draws 表三 (and any single-block form whose rows nest through `parent`) in the official
/// layout: a three-level header over the applicant columns, and row labels nested in up to
/// three label columns, a heading row spanning (`rowspan`) the rows under it.
///
///     三、本年度办理结果 ┬ （一）予以公开            │ 3 │ … │
///                      ├ （三）不予公开 ┬ 1.属于国家秘密 │ — │ … │
///
/// Rows follow the form, not the report: a row the report did not print is drawn with "—"
/// in every cell, spoken 报告未列此行, and `class="absent"` on the row (a printed row with an
/// empty cell says 未填写/无法读取 instead). A row with children in the form is drawn as a heading only — in the 2021
/// form （六）其他处理 spans its three sub-rows, and the sum the parser stores for it is not
/// shown, because the report never printed it.
///
/// A row printed with more or fewer values than the form has columns is drawn as printed: one
/// cell spanning the value columns with the printed values in order (`StatRow.printed`), never
/// the values the arithmetic placed, so no zero is shown that was not printed in that column.
///
/// Every data cell's `headers` lists, in order: its column, its column group, its row, the
/// row's parent and grandparent.
struct ApplicationsTableBuilder {
    let table: StatTable
    let prefix: String

    func build(placing placement: inout DiagnosticPlacement) -> TableView {
        let form = table.form
        let block = form.blocks[0]
        let rows = block.rows
        let keys = Set(rows.map(\.key))
        var children: [String: [String]] = [:]
        for row in rows { if let p = row.parent, keys.contains(p) { children[p, default: []].append(row.key) } }
        let byKey = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0) })
        func ancestors(_ key: String) -> [String] {
            var out: [String] = []
            var current = byKey[key]?.parent
            while let p = current, keys.contains(p), out.count < 8 { out.append(p); current = byKey[p]?.parent }
            return out
        }
        let depth = rows.map { ancestors($0.key).count }.max() ?? 0
        let labelColumns = depth + 1
        let columns = block.columns
        let totalColumns = labelColumns + columns.count
        func rowID(_ key: String) -> String { "\(prefix)-r-\(TableFormatting.idPart(key))" }
        func columnID(_ key: String) -> String { "\(prefix)-c-\(TableFormatting.idPart(key))" }

        // Header: the form's corner (its 勾稽关系) · the heading over the values (申请人情况) /
        // stand-alone columns (rowspan 2) and groups / grouped columns.
        var groupIDs: [String: String] = [:]
        let corner = Attributes(("id", "\(prefix)-corner")).with("colspan", labelColumns).with("rowspan", 3)
        var row1 = [TableCellView.header(form.labelHeading ?? "", attrs: corner)]
        let values = Attributes(("id", "\(prefix)-applicant")).with("colspan", columns.count).adding("scope", "colgroup")
        row1.append(.header(form.columnsHeading ?? "", attrs: values))
        var row2: [TableCellView] = []
        var row3: [TableCellView] = []
        var i = 0
        while i < columns.count {
            let column = columns[i]
            if let group = column.group {
                var n = 0
                while i + n < columns.count, columns[i + n].group == group { n += 1 }
                let gid = "\(prefix)-g-\(groupIDs.count + 1)"
                groupIDs[group] = gid
                row2.append(.header(group, attrs: Attributes(("id", gid)).with("colspan", n).adding("scope", "colgroup")))
                for c in columns[i..<(i + n)] {
                    row3.append(.header(c.label, attrs: Attributes(("id", columnID(c.key)), ("scope", "col"))))
                }
                i += n
            } else {
                row2.append(.header(column.label, attrs: Attributes(("id", columnID(column.key))).with("rowspan", 2).adding("scope", "col")))
                i += 1
            }
        }
        let head = [TableRowView(cells: row1), TableRowView(cells: row2), TableRowView(cells: row3)]

        // Body: one <tr> per leaf row, each followed by the notes of the rules it breaks;
        // heading rows open in the first <tr> under them. The notes are placed first because a
        // heading's rowspan must cover its leaves' note rows too, and a note can only span
        // from its row's own label column (the headings' cells to its left run through it).
        let leaves = rows.filter { children[$0.key] == nil }
        var notesByLeaf: [String: [TableRowView]] = [:]
        for formRow in leaves {
            let span = labelColumns - ancestors(formRow.key).count + columns.count
            notesByLeaf[formRow.key] = placement.notes(form.kind, rows: [formRow.key], colspan: span)
        }
        func height(_ key: String) -> Int {
            guard let kids = children[key] else { return 1 + (notesByLeaf[key]?.count ?? 0) }
            return kids.reduce(0) { $0 + height($1) }
        }
        var body: [TableRowView] = []
        var opened: Set<String> = []
        for formRow in leaves {
            let printed = table[row: formRow.key]
            var cells: [TableCellView] = []
            let chain = ancestors(formRow.key)
            for heading in chain.reversed() where !opened.contains(heading) {
                opened.insert(heading)
                let h = byKey[heading]!
                cells.append(.header(label(h), attrs: Attributes(("id", rowID(heading))).with("rowspan", height(heading)).adding("scope", "rowgroup")))
            }
            let rowWarn = placement.describedBy(form.kind, row: formRow.key)
            var thAttrs = Attributes(("id", rowID(formRow.key))).with("colspan", labelColumns - chain.count).adding("scope", "row")
            thAttrs.add("aria-describedby", rowWarn)
            cells.append(.header(label(formRow), attrs: thAttrs, warn: !rowWarn.isEmpty))
            let rowHeaders = ([formRow.key] + chain).map(rowID)
            if let values = printed?.printed {
                // Printed with the wrong number of values: shown as printed, in one cell under every column.
                let headers = columns.map { columnID($0.key) } + groupIDs.values.sorted() + rowHeaders
                var attrs = Attributes(("class", "num warn misprint"), ("headers", headers.joined(separator: " ")))
                attrs.add("colspan", columns.count)
                attrs.add("aria-describedby", rowWarn)
                cells.append(.misprinted(values, columns: columns.count, attrs: attrs))
            }
            for column in columns where printed?.printed == nil {
                let cell = printed?[column.key]
                let warnIDs = placement.describedBy(form.kind, row: formRow.key, column: column.key)
                var headers = [columnID(column.key)]
                if let g = column.group, let gid = groupIDs[g] { headers.append(gid) }
                headers += rowHeaders
                var attrs = Attributes(("class", TableFormatting.cellClass(warn: !warnIDs.isEmpty)),
                                       ("headers", headers.joined(separator: " ")), ("data-label", column.label))
                attrs.add("aria-describedby", warnIDs)
                let text = TableFormatting.number(cell?.value)
                cells.append(.data(text: text, line: cell?.line, unit: column.money && text != nil ? "万元" : nil,
                                   attrs: attrs, warn: !warnIDs.isEmpty, absent: printed == nil))
            }
            let notes = notesByLeaf[formRow.key] ?? []
            let rowClass = printed == nil ? "absent" : notes.isEmpty ? "" : "warn"
            body.append(TableRowView(attrs: Attributes(("class", rowClass)).html, cells: cells))
            body += notes
        }
        return TableView(id: prefix, caption: form.title, hasHead: true, head: head, bodies: [TableBodyView(rows: body)])
    }

    private func label(_ row: FormRow) -> String { (row.number ?? "") + row.label }
}

extension Attributes {
    /// Chaining helpers for building a list in one expression.
    func with(_ name: String, _ value: Int) -> Attributes { var a = self; a.add(name, value); return a }
    func adding(_ name: String, _ value: String) -> Attributes { var a = self; a.add(name, value); return a }
}
