import Foundation

/// One numeric column of the open data (CSV, the table builder, the data dictionary): one
/// field of the data contract (docs/report-json.md), named by its path in `report.json`
/// (`applications.newReceived.naturalPerson`) and by the official form's own words.
///
/// The columns are read from the forms as data (`FormRegistry`), never listed by hand: every
/// valued row × column of every era's form, one column per distinct path (a path two eras
/// share, like table 三's cells, is one column), then the legacy form's key rows. A new era
/// or a new row in `Forms` is a new column with no change here.
struct DataColumn: Sendable, Hashable, Encodable {
    /// The path in report.json: `<table>.<row>.<column>`, or `legacy.<field>`.
    let key: String
    /// The header cell of the CSV: table, row and column as the form prints them.
    let name: String
    /// `表三`, `统计表`.
    let table: String
    /// The row as the form prints it, with its numbering and the headings it sits under.
    let row: String
    /// The column as the form prints it, under its merged heading (`法人或其他组织 商业企业`); "" for the legacy form.
    let column: String
    /// The eras (`format` in report.json) whose form has this cell.
    let eras: [String]
    /// Money (万元) or 增/减: the value may be decimal or signed.
    let money: Bool
    /// Where the value is: the table kind, the row key, the column key (`nil` for the legacy
    /// form's key rows, whose `rowKey` is the field). Kept apart, not split from `key` for each
    /// of the ~230 cells of every report.
    let kind: TableKind
    let rowKey: String
    let columnKey: String?

    private enum CodingKeys: String, CodingKey { case key, name, table, row, column, eras, money }

    /// The table kind and the row and column keys.
    var parts: (table: TableKind, row: String, column: String?) { (kind, rowKey, columnKey) }

    /// The value of this cell in a report, `nil` when the report does not give it.
    func value(in report: Report) -> Decimal? {
        let (kind, row, column) = parts
        switch report.tables[kind] {
        case .stat(let table)?: return column.flatMap { table.value(row, $0) }
        case .legacy(let table)?: return LegacyKeyRow.Field(rawValue: row).flatMap { table.value(of: $0) }
        case nil: return nil
        }
    }
}

extension DataColumn {
    /// The columns of the standard forms, computed once.
    static let standard = columns(of: Forms.standard)

    /// Every valued cell of every form of `registry`, by table kind, newest era first within
    /// a kind (so a row only an older form has comes after the rows the newest form shares),
    /// then the legacy form's key rows.
    static func columns(of registry: FormRegistry) -> [DataColumn] {
        var columns: [DataColumn] = []
        var index: [String: Int] = [:]
        for kind in TableKind.allCases where kind != .legacy {
            for era in registry.eras(with: kind) {
                let form = era.tables[kind]!
                for block in form.blocks {
                    for row in block.rows where row.valued {
                        for column in block.columns {
                            let key = "\(kind.rawValue).\(row.key).\(column.key)"
                            if let i = index[key] {
                                if !columns[i].eras.contains(era.id) { columns[i] = columns[i].adding(era: era.id) }
                                continue
                            }
                            let rowName = rowPath(row, in: form)
                            let columnName = ([column.group].compactMap { $0 } + [column.label]).joined(separator: " ")
                            index[key] = columns.count
                            columns.append(DataColumn(key: key, name: "\(form.name) \(rowName) \(columnName)", table: form.name,
                                                      row: rowName, column: columnName, eras: [era.id], money: column.money,
                                                      kind: kind, rowKey: row.key, columnKey: column.key))
                        }
                    }
                }
            }
        }
        if let legacy = registry.legacyForm, let era = registry.eras.first(where: { $0.legacy != nil }) {
            for keyRow in legacy.keyRows {
                columns.append(DataColumn(key: "legacy.\(keyRow.field.rawValue)", name: "\(legacy.name) \(keyRow.labels[0])",
                                          table: legacy.name, row: keyRow.labels[0], column: "", eras: [era.id], money: false,
                                          kind: .legacy, rowKey: keyRow.field.rawValue, columnKey: nil))
            }
        }
        return columns
    }

    /// The row's printed name under the headings it sits in (`三、本年度办理结果 （三）不予公开 1.属于国家秘密`):
    /// numbered sub-rows repeat their numbers (`1.`) under several headings, so the path tells them apart.
    private static func rowPath(_ row: FormRow, in form: Form) -> String {
        var names = [(row.number ?? "") + row.label]
        var parent = row.parent
        while let p = parent, let r = form.row(p) {
            names.insert((r.number ?? "") + r.label, at: 0)
            parent = r.parent
        }
        return names.joined(separator: " ")
    }

    private func adding(era: String) -> DataColumn {
        DataColumn(key: key, name: name, table: table, row: row, column: column, eras: eras + [era], money: money,
                   kind: kind, rowKey: rowKey, columnKey: columnKey)
    }
}

extension LegacyTable {
    /// The value of one key row (report-json.md's fixed keys).
    func value(of field: LegacyKeyRow.Field) -> Decimal? {
        switch field {
        case .activeTotal: activeTotal
        case .applicationsReceived: applicationsReceived
        case .reviewCount: reviewCount
        case .litigationCount: litigationCount
        }
    }
}
