// The standard tables of a report as one collection keyed by kind, so every consumer that
// walks "all the tables" (JSON, pages, headline figures, CSV, search) iterates one thing and a
// new table kind is one more case, not a fifth optional field in every switch.

/// One table as read from a report: a standard table of the 2019/2021 forms (rows × columns
/// of a `Form`), or the legacy statistics form (rows keyed by their printed label).
public enum ReportTable: Hashable, Sendable {
    case stat(StatTable)
    case legacy(LegacyTable)

    /// The standard table, `nil` for the legacy form.
    public var stat: StatTable? {
        if case .stat(let t) = self { return t }
        return nil
    }

    /// The legacy form, `nil` for a standard table.
    public var legacy: LegacyTable? {
        if case .legacy(let t) = self { return t }
        return nil
    }
}

/// The tables a report carries, at most one per `TableKind`, iterated in `TableKind` order
/// (表二, 表三, 表四, legacy form). A table the report lacks is absent, never empty.
public struct ReportTables: Hashable, Sendable, Sequence {
    private var byKind: [TableKind: ReportTable] = [:]

    public init() {}

    public init(_ tables: [TableKind: ReportTable]) {
        byKind = tables
    }

    public subscript(kind: TableKind) -> ReportTable? {
        get { byKind[kind] }
        set { byKind[kind] = newValue }
    }

    /// Whether the report carries no table at all (a prose-only report).
    public var isEmpty: Bool { byKind.isEmpty }

    /// The kinds present, in order.
    public var kinds: [TableKind] { TableKind.allCases.filter { byKind[$0] != nil } }

    public func makeIterator() -> IndexingIterator<[(kind: TableKind, table: ReportTable)]> {
        kinds.map { (kind: $0, table: byKind[$0]!) }.makeIterator()
    }

    // Typed views for code that reads one particular table (rules, headline figures).

    /// 表二 主动公开政府信息情况.
    public var active: StatTable? {
        get { byKind[.active]?.stat }
        set { byKind[.active] = newValue.map(ReportTable.stat) }
    }

    /// 表三 收到和处理政府信息公开申请情况.
    public var applications: StatTable? {
        get { byKind[.applications]?.stat }
        set { byKind[.applications] = newValue.map(ReportTable.stat) }
    }

    /// 表四 行政复议、行政诉讼.
    public var review: StatTable? {
        get { byKind[.review]?.stat }
        set { byKind[.review] = newValue.map(ReportTable.stat) }
    }

    /// The 2008–2018 statistics form.
    public var legacy: LegacyTable? {
        get { byKind[.legacy]?.legacy }
        set { byKind[.legacy] = newValue.map(ReportTable.legacy) }
    }
}
