// The arithmetic a form's numbers satisfy (勾稽关系, report-formats.md), as data. Each
// identity names the code it raises when broken and the line of the form it enforces, in the
// form's own words, so the rules (`Rules/FormIdentityRule`), the cell placement of rows with
// the wrong number of cells (`CellPlacement`) and the docs all read the same statement.

/// One identity of a form.
public enum FormIdentity: Sendable, Hashable {
    /// Within each row: the total column is the sum of the others (表三 总计 = 自然人 + 法人或其他组织).
    case rowTotal(RowTotal)
    /// Within each column: a total row is the sum of the rows under a heading (（七）总计 = （一）…（六）).
    case columnTotal(ColumnTotal)
    /// Within each column: two sums of rows are equal (一 + 二 = （七） + 四).
    case balance(Balance)

    /// The code a broken instance raises.
    public var code: Diagnostic.Code {
        switch self {
        case .rowTotal(let i): i.code
        case .columnTotal(let i): i.code
        case .balance(let i): i.code
        }
    }

    /// The line the identity enforces, in Chinese, in the form's own terms.
    public var wording: String {
        switch self {
        case .rowTotal(let i): i.wording
        case .columnTotal(let i): i.wording
        case .balance(let i): i.wording
        }
    }

    /// The row identity, if this is one.
    public var rowTotal: RowTotal? {
        if case .rowTotal(let i) = self { return i }
        return nil
    }
}

/// Some cells summed under one name in a message (`法人或其他组织` for five columns).
public struct IdentityTerm: Sendable, Hashable {
    public let name: String
    /// Column keys (in a row identity) or row keys (in a balance).
    public let keys: [String]

    public init(_ name: String, _ keys: [String]) {
        self.name = name
        self.keys = keys
    }
}

/// `total` = Σ `terms`, in every row of the form that prints its cells.
///
/// Checked in every printed row (a derived row is checked through its parts); reported on the
/// line of the row's total cell, where the broken number is printed:
/// `表三 1.本机关不掌握相关政府信息: 总计 0 ≠ 自然人 3 + 法人或其他组织 0`.
public struct RowTotal: Sendable, Hashable {
    public let code: Diagnostic.Code
    public let wording: String
    /// The column holding the total.
    public let total: String
    public let terms: [IdentityTerm]
    /// Whether the message ends with the sum (`… + 尚未审结 1 = 1`); table 三's two terms read without it.
    public let showsSum: Bool

    public init(code: Diagnostic.Code, wording: String, total: String, terms: [IdentityTerm], showsSum: Bool = false) {
        self.code = code
        self.wording = wording
        self.total = total
        self.terms = terms
        self.showsSum = showsSum
    }

    /// Every column the identity adds up, in term order.
    public var parts: [String] { terms.flatMap(\.keys) }

    /// The identity over positions in `columns` (the order cells are printed in), `nil` when a
    /// column it names is not among them.
    public func positions(in columns: [String]) -> (total: Int, parts: [Int])? {
        guard let t = columns.firstIndex(of: total) else { return nil }
        var parts: [Int] = []
        for key in self.parts {
            guard let p = columns.firstIndex(of: key) else { return nil }
            parts.append(p)
        }
        return (t, parts)
    }
}

/// Row `total` = Σ the rows under heading `under`, in every column.
///
/// The parts are the valued rows under the heading (rows under a sub-heading included). A row
/// with rows under it (the 2021 （六）其他处理) stands for them when the report prints them all,
/// and for itself otherwise. Checked only when every part is printed and readable in that
/// column; reported on the total row's line: `表三 （七）总计 自然人: 0 ≠ （一）至（六）之和 3`.
public struct ColumnTotal: Sendable, Hashable {
    public let code: Diagnostic.Code
    public let wording: String
    public let total: String
    public let under: String
    /// How the message names the parts (`（一）至（六）之和`).
    public let partsName: String

    public init(code: Diagnostic.Code, wording: String, total: String, under: String, partsName: String) {
        self.code = code
        self.wording = wording
        self.total = total
        self.under = under
        self.partsName = partsName
    }
}

/// Σ `left` rows = Σ `right` rows, in every column; checked when all four are readable,
/// reported on the line of row `reportedOn`:
/// `表三 自然人: 一、本年新收 3 + 二、上年结转 0 = 3 ≠ （七）总计 0 + 四、结转下年度 0 = 0`.
public struct Balance: Sendable, Hashable {
    public let code: Diagnostic.Code
    public let wording: String
    public let left: [IdentityTerm]
    public let right: [IdentityTerm]
    public let reportedOn: String

    public init(code: Diagnostic.Code, wording: String, left: [IdentityTerm], right: [IdentityTerm], reportedOn: String) {
        self.code = code
        self.wording = wording
        self.left = left
        self.right = right
        self.reportedOn = reportedOn
    }
}

/// Arithmetic between one body's reports of consecutive years (`PortalChecks`).
public enum YearIdentity: Sendable, Hashable {
    /// This year's `row` = last year's `lastRow`, in `column` (表三 上年结转 = 去年 结转下年度).
    case carriedOver(CarriedOver)
    /// In each of `rows`: this year's `stock` = last year's `stock` + `added` − `removed`
    /// (表二 现行有效件数 = 去年现行有效件数 + 本年制发件数 − 本年废止件数).
    case stock(Stock)

    public var code: Diagnostic.Code {
        switch self {
        case .carriedOver(let i): i.code
        case .stock(let i): i.code
        }
    }

    public var wording: String {
        switch self {
        case .carriedOver(let i): i.wording
        case .stock(let i): i.wording
        }
    }
}

public struct CarriedOver: Sendable, Hashable {
    public let code: Diagnostic.Code
    public let wording: String
    /// This year's row and how messages call it (`上年结转`).
    public let row: IdentityTerm
    /// Last year's row and how messages call it (`结转下年度`).
    public let lastRow: IdentityTerm
    public let column: String

    public init(code: Diagnostic.Code, wording: String, row: IdentityTerm, lastRow: IdentityTerm, column: String) {
        self.code = code
        self.wording = wording
        self.row = row
        self.lastRow = lastRow
        self.column = column
    }
}

public struct Stock: Sendable, Hashable {
    public let code: Diagnostic.Code
    public let wording: String
    public let rows: [String]
    public let stock: String
    public let added: String
    public let removed: String

    public init(code: Diagnostic.Code, wording: String, rows: [String], stock: String, added: String, removed: String) {
        self.code = code
        self.wording = wording
        self.rows = rows
        self.stock = stock
        self.added = added
        self.removed = removed
    }
}
