// The official forms as data: one table of rows and columns per form drives the
// parser (which row is this label?), the rules (which numbers must add up?), the renderer
// (which header cells merge?) and the docs. A new wording seen in the wild is one more string
// in `labels`; a new era is one more `FormEra` in `Forms.eras` (issue 8), not code.

/// An official table as one era prints it: a title and one or more blocks, each with its own
/// columns, and the arithmetic (勾稽关系) its numbers must satisfy.
///
/// A `StatTable` carries its form by value, so a table read with a form registered only in a
/// test (a made-up era) is checked and drawn like any other.
public struct Form: Sendable, Hashable {
    /// A stable name for the docs and tests (`applications2021`).
    public let id: String
    public let kind: TableKind
    /// How messages name the table (`表三`).
    public let name: String
    /// The caption, as the official form titles it.
    public let title: String
    /// The header cell over the row labels as printed (`信息内容`; table 三's corner cell,
    /// which states the balance), `nil` when the form prints none.
    public let labelHeading: String?
    /// The header cell over all value columns (`申请人情况`), `nil` when the form prints none.
    public let columnsHeading: String?
    public let blocks: [FormBlock]
    /// The arithmetic the form's numbers satisfy, in the order their diagnostics are listed.
    public let identities: [FormIdentity]
    /// The arithmetic between this year's table and last year's (run once the portal is parsed).
    public let acrossYears: [YearIdentity]

    public init(id: String, kind: TableKind, name: String, title: String, labelHeading: String? = nil,
                columnsHeading: String? = nil, blocks: [FormBlock], identities: [FormIdentity] = [],
                acrossYears: [YearIdentity] = []) {
        self.id = id
        self.kind = kind
        self.name = name
        self.title = title
        self.labelHeading = labelHeading
        self.columnsHeading = columnsHeading
        self.blocks = blocks
        self.identities = identities
        self.acrossYears = acrossYears
        self.allRows = blocks.flatMap(\.rows)
        var order: [String: Int] = [:]
        for (i, row) in allRows.enumerated() where order[row.key] == nil { order[row.key] = i }
        self.rowOrder = order
    }

    /// Every row of every block, in form order.
    public let allRows: [FormRow]
    /// Each row's position in `allRows` (its first, should a key repeat), computed once: the
    /// parser asks for rows by key many times per table.
    let rowOrder: [String: Int]

    /// The position of row `key` in form order, `nil` for a key the form does not have.
    func order(of key: String) -> Int? { rowOrder[key] }

    public func row(_ key: String) -> FormRow? { rowOrder[key].map { allRows[$0] } }
    public func block(containing rowKey: String) -> FormBlock? { blocks.first { $0.rows.contains { $0.key == rowKey } } }

    /// The rows directly under `key`, in form order.
    public func children(of key: String) -> [FormRow] { allRows.filter { $0.parent == key } }

    /// How messages name a row: numbered rows by number and label (`1.本机关不掌握相关政府信息`,
    /// `（七）总计`: the numbering tells them apart), others under a heading by the heading and
    /// the label (`行政诉讼 未经复议直接起诉`), the rest by the label (`规章`).
    public func printedName(of key: String) -> String {
        guard let row = row(key) else { return key }
        if let number = row.number { return number + row.label }
        if let p = row.parent, let parent = self.row(p) { return parent.label + " " + row.label }
        return row.label
    }
}

/// A block of rows sharing columns: table 二 has one per 第二十条 item; tables 三 and 四 have one.
public struct FormBlock: Sendable, Hashable {
    /// Stable key (`item1`, `item5` …; `main` for single-block forms).
    public let key: String
    /// The block heading as printed (`第二十条第（一）项`), `nil` for single-block forms.
    public let title: String?
    public let columns: [FormColumn]
    public let rows: [FormRow]

    public init(key: String, title: String?, columns: [FormColumn], rows: [FormRow]) {
        self.key = key
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// A column. `group` names the merged header above it (`法人或其他组织` over 商业企业 … 其他),
/// `nil` when the header stands alone.
public struct FormColumn: Sendable, Hashable {
    public let key: String
    public let label: String
    public let group: String?
    /// Whether values are money (万元); money and 增/减 may be decimal or signed.
    public let money: Bool

    public init(_ key: String, _ label: String, group: String? = nil, money: Bool = false) {
        self.key = key
        self.label = label
        self.group = group
        self.money = money
    }
}

/// A row. `labels[0]` is the official wording, the rest are variants seen in real reports.
/// `parent` nests the row under a heading row (（三）不予公开 over 1.属于国家秘密 …); a row
/// with `valued == false` is a heading only and carries no cells in the form.
public struct FormRow: Sendable, Hashable {
    public let key: String
    /// The numbering printed before the label in the official form (`一、`, `（三）`, `1.`).
    public let number: String?
    public let labels: [String]
    public let parent: String?
    public let valued: Bool
    /// The row is the sum of the rows under it, computed by the parser when the report prints
    /// those rows and not it (the 2021 （六）其他处理, report-json.md); never checked against them.
    public let derived: Bool
    /// The official wording (the first of `labels`); `key` is what `report.json` uses.
    public var label: String { labels[0] }

    public init(_ key: String, _ number: String?, _ labels: [String], parent: String? = nil, valued: Bool = true,
                derived: Bool = false) {
        self.key = key
        self.number = number
        self.labels = labels
        self.parent = parent
        self.valued = valued
        self.derived = derived
    }
}
