import Foundation

/// How numbers and ids look in the tables.
enum TableFormatting {
    /// `461.7`, `-2`, `3`: the value as read, never rounded.
    static func number(_ value: Decimal?) -> String? {
        guard let value else { return nil }
        return "\(value)"
    }

    /// A form key as an id part: `denied.stateSecret` → `denied-stateSecret`.
    static func idPart(_ key: String) -> String {
        String(key.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    static func cellClass(warn: Bool, numeric: Bool = true) -> String {
        [numeric ? "num" : "", warn ? "warn" : ""].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
