// The official forms as data (style.md §5): one table of rows and columns per form and era
// drives the parser (which row is this label?), the renderer (which header cells merge?)
// and the docs. A new wording seen in the wild is one more string in `labels`, not code.

/// Which official form a `StatTable` follows.
public enum FormID: String, Hashable, Sendable, CaseIterable {
    case active2019, active2021, applications2019, applications2021, review

    public var definition: Form {
        switch self {
        case .active2019: Forms.active2019
        case .active2021: Forms.active2021
        case .applications2019: Forms.applications2019
        case .applications2021: Forms.applications2021
        case .review: Forms.review
        }
    }
}

/// An official table: a title and one or more blocks, each with its own columns.
public struct Form: Sendable {
    public let id: FormID
    /// The caption, as the official form titles it.
    public let title: String
    public let blocks: [FormBlock]

    /// Every row of every block, in form order.
    public var allRows: [FormRow] { blocks.flatMap(\.rows) }

    public func row(_ key: String) -> FormRow? { allRows.first { $0.key == key } }
    public func block(containing rowKey: String) -> FormBlock? { blocks.first { $0.rows.contains { $0.key == rowKey } } }
}

/// A block of rows sharing columns: table 二 has one per 第二十条 item; tables 三 and 四 have one.
public struct FormBlock: Sendable {
    /// Stable key (`item1`, `item5` …; `main` for single-block forms).
    public let key: String
    /// The block heading as printed (`第二十条第（一）项`), `nil` for single-block forms.
    public let title: String?
    public let columns: [FormColumn]
    public let rows: [FormRow]
}

/// A column. `group` names the merged header above it (`法人或其他组织` over 商业企业 … 其他,
/// `行政诉讼` over the litigation groups), `nil` when the header stands alone.
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
    /// The official wording (the first of `labels`); `key` is what `report.json` uses.
    public var label: String { labels[0] }

    public init(_ key: String, _ number: String?, _ labels: [String], parent: String? = nil, valued: Bool = true) {
        self.key = key
        self.number = number
        self.labels = labels
        self.parent = parent
        self.valued = valued
    }
}
