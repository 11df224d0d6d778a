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
        var bytes = Array(key.utf8)
        for i in bytes.indices {
            let b = bytes[i]
            let keep = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
            if !keep { bytes[i] = 0x2D }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func cellClass(warn: Bool, numeric: Bool = true) -> String {
        [numeric ? "num" : "", warn ? "warn" : ""].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
