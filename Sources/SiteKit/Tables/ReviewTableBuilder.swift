/// Draws 表四 as the official form prints it: one data row of fifteen numbers under a
/// three-level header — 行政复议 (5) | 行政诉讼 (10: 未经复议直接起诉 5 · 复议后起诉 5) — then
/// the five result columns under each group.
///
/// The form holds the three groups as rows (`review`, `litigationDirect`,
/// `litigationAfterReview`); here they become column groups, and the heading row the two
/// litigation rows sit under (`litigation`, 行政诉讼) the header over both. The notes of the
/// whole table (a wrong count of numbers) sit under its one data row too.
struct ReviewTableBuilder {
    let table: StatTable
    let prefix: String

    func build(placing placement: inout DiagnosticPlacement) -> TableView {
        let form = table.form
        let block = form.blocks[0]
        let columns = block.columns
        let groups = block.rows.filter(\.valued)
        func groupID(_ key: String) -> String { "\(prefix)-g-\(TableFormatting.idPart(key))" }
        func leafID(_ group: String, _ column: String) -> String {
            "\(prefix)-c-\(TableFormatting.idPart(group))-\(TableFormatting.idPart(column))"
        }

        var row1: [TableCellView] = []
        var row2: [TableCellView] = []
        var row3: [TableCellView] = []
        var i = 0
        while i < groups.count {
            let group = groups[i]
            if let parent = group.parent {
                var n = 0
                while i + n < groups.count, groups[i + n].parent == parent { n += 1 }
                row1.append(.header(form.row(parent)?.label ?? parent,
                                    attrs: Attributes(("id", groupID(parent))).with("colspan", n * columns.count).adding("scope", "colgroup")))
                for g in groups[i..<(i + n)] {
                    row2.append(.header(g.label, attrs: Attributes(("id", groupID(g.key))).with("colspan", columns.count).adding("scope", "colgroup")))
                }
                i += n
            } else {
                row1.append(.header(group.label, attrs: Attributes(("id", groupID(group.key))).with("colspan", columns.count).with("rowspan", 2).adding("scope", "colgroup")))
                i += 1
            }
        }
        var cells: [TableCellView] = []
        for group in groups {
            let printed = table[row: group.key]
            for column in columns {
                row3.append(.header(column.label, attrs: Attributes(("id", leafID(group.key, column.key)), ("scope", "col"))))
                let cell = printed?[column.key]
                let warnIDs = placement.describedBy(form.kind, rows: [group.key, nil], column: column.key)
                var headers = [leafID(group.key, column.key), groupID(group.key)]
                if let p = group.parent { headers.append(groupID(p)) }
                var attrs = Attributes(("class", TableFormatting.cellClass(warn: !warnIDs.isEmpty)), ("headers", headers.joined(separator: " ")))
                attrs.add("aria-describedby", warnIDs)
                cells.append(.data(text: TableFormatting.number(cell?.value), line: cell?.line, unit: nil, attrs: attrs, warn: !warnIDs.isEmpty,
                                    absent: printed == nil))
            }
        }
        let notes = placement.notes(form.kind, rows: groups.map(\.key) + [nil], colspan: groups.count * columns.count)
        let body = [TableRowView(attrs: notes.isEmpty ? "" : Attributes(("class", "warn")).html, cells: cells)] + notes
        return TableView(id: prefix, caption: form.title, hasHead: true,
                         head: [TableRowView(cells: row1), TableRowView(cells: row2), TableRowView(cells: row3)],
                         bodies: [TableBodyView(rows: body)])
    }
}
