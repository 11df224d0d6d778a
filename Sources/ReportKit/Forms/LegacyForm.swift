// The 2008–2018 statistics form (政府信息公开情况统计表) as data. Its row set changed between
// years, so it is not a list of rows like the later forms: rows are read as printed and keyed
// by their label, and only the few rows the portal needs (the key rows) and the arithmetic
// between rows (the breakdowns) are named here, by the words their labels contain.

/// The legacy statistics form: how its header and footer read, its key rows and breakdowns.
public struct LegacyForm: Sendable, Hashable {
    /// How messages name it (`统计表`).
    public let name: String
    /// The caption, as the form titles it.
    public let title: String
    /// The three column headers (统计指标 · 单位 · 统计数).
    public let columns: [String]
    /// The header line: one word of each group on one line (`统计指标` or `指标名称`, and
    /// `单位` or `统计数`).
    public let headerWords: [[String]]
    /// In the header, the word of the cumulative column some years add (历年累计): a flattened
    /// cell then holds this year's value and the cumulative one run together.
    public let cumulativeWord: String
    /// Lines that close the form (单位负责人 …), by their first words.
    public let footerWords: [String]
    /// Units printed after a label in flattened text (`主动公开信息数条`), longest first.
    public let unitWords: [String]
    public let keyRows: [LegacyKeyRow]
    public let breakdowns: [LegacyBreakdown]

    public init(name: String, title: String, columns: [String], headerWords: [[String]], cumulativeWord: String, footerWords: [String],
                unitWords: [String], keyRows: [LegacyKeyRow], breakdowns: [LegacyBreakdown]) {
        self.name = name
        self.title = title
        self.columns = columns
        self.headerWords = headerWords
        self.cumulativeWord = cumulativeWord
        self.footerWords = footerWords
        self.unitWords = unitWords
        self.keyRows = keyRows
        self.breakdowns = breakdowns
    }

    /// Whether a line is the form's header row.
    public func isHeader(_ text: String) -> Bool {
        isHeader(compact: Normalizer.compact(text))
    }

    /// Whether a line, its whitespace removed, is the form's header row.
    func isHeader(compact t: String) -> Bool {
        headerWords.allSatisfy { group in group.contains { UTF8Text.contains(t, $0) } }
    }

    public func keyRow(_ field: LegacyKeyRow.Field) -> LegacyKeyRow? { keyRows.first { $0.field == field } }
}

/// A row of the legacy form the portal reads (`activeTotal` …), found by the words of its label.
public struct LegacyKeyRow: Sendable, Hashable {
    /// The `LegacyTable` field the row fills (report-json.md).
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case activeTotal, applicationsReceived, reviewCount, litigationCount
    }

    public let field: Field
    /// The row's label contains one of these (matching keys), the official wording first.
    public let labels: [String]
    /// …and none of these (`其中：主动公开规范性文件数` is not the total).
    public let excluding: [String]

    public init(_ field: Field, labels: [String], excluding: [String] = []) {
        self.field = field
        self.labels = labels
        self.excluding = excluding
    }

    /// Whether a label (a matching key) names this row.
    public func matches(_ key: String) -> Bool {
        !excluding.contains { UTF8Text.contains(key, $0) } && labels.contains { UTF8Text.contains(key, $0) }
    }
}

/// A key row and the rows printed right under it that break it down, by the words of their
/// labels; the parts run until a row that neither is a part nor may be skipped.
///
///     主动公开政府信息数 665 / 其中：主动公开规范性文件数 700   → 700 > 665 breaks `eachAtMost`
///     收到申请数 3 / 当面申请数 1 / 网络申请数 1                 → 3 ≠ 1 + 1 breaks `sum`
public struct LegacyBreakdown: Sendable, Hashable {
    public enum Relation: Sendable, Hashable {
        /// No part exceeds the whole; reported on the part's line.
        case eachAtMost
        /// The whole is the sum of the parts, when at least `minimumParts` are printed and all
        /// are readable; reported on the whole's line.
        case sum(minimumParts: Int)
    }

    public let code: Diagnostic.Code
    public let wording: String
    public let whole: LegacyKeyRow.Field
    /// How messages name the whole (`主动公开政府信息数`) and the parts (`各渠道申请数之和`).
    public let wholeName: String
    public let partsName: String
    /// A part's label starts with this…
    public let partPrefix: String?
    /// …contains one of these…
    public let partWords: [String]
    /// …and ends with this.
    public let partSuffix: String?
    /// Rows between the parts that are neither (a 规范性文件 line of its own).
    public let skipping: [String]
    public let relation: Relation

    public init(code: Diagnostic.Code, wording: String, whole: LegacyKeyRow.Field, wholeName: String, partsName: String,
                partPrefix: String? = nil, partWords: [String] = [], partSuffix: String? = nil, skipping: [String] = [],
                relation: Relation) {
        self.code = code
        self.wording = wording
        self.whole = whole
        self.wholeName = wholeName
        self.partsName = partsName
        self.partPrefix = partPrefix
        self.partWords = partWords
        self.partSuffix = partSuffix
        self.skipping = skipping
        self.relation = relation
    }

    /// Whether a label (a matching key) is a part.
    public func isPart(_ key: String) -> Bool {
        (partPrefix.map { UTF8Text.hasPrefix(key, $0) } ?? true) && (partWords.isEmpty || partWords.contains { UTF8Text.contains(key, $0) })
            && (partSuffix.map { UTF8Text.hasSuffix(key, $0) } ?? true)
    }

    public func isSkipped(_ key: String) -> Bool { skipping.contains { UTF8Text.contains(key, $0) } }
}
