import Foundation

/// What one printed cell means: a number, or a mark that says "nothing here".
///
/// `0` → 0, `+1` → 1, `-2` → -2, `461.7 万元` → 461.7, `１２` → 12; `/`, `—`, `无`, `-` and
/// empty → `nil`. Never 0 for missing: the JSON contract and the pages rely on the difference.
public enum CellValue {
    /// Units a report prints after a number inside one cell.
    static let units: [String] = ["万元", "元", "件", "条", "个", "项", "次", "篇", "人次", "人", "起", "份"]
    /// Marks that stand for an empty cell.
    static let emptyMarks: Set<String> = ["/", "—", "——", "-", "--", "无", "一", "\\", "–", "－", "/ /"]

    /// The empty marks and units as UTF-8 bytes, for the byte-level parse.
    static let emptyMarkBytes: [[UInt8]] = emptyMarks.sorted().map { Array($0.utf8) }
    static let unitBytes: [[UInt8]] = units.map { Array($0.utf8) }
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses a cell. Returns `nil` when the text is not a value at all (a label);
    /// `.some(nil)` for an empty mark; `.some(x)` for a number.
    ///
    /// On UTF-8 bytes: every mark, unit and digit it knows is a fixed byte sequence, and a
    /// number is ASCII only.
    public static func parse(_ raw: String) -> Decimal?? {
        var text = Normalizer.fold(raw)
        return text.withUTF8 { parse($0) }
    }

    /// `parse` of folded bytes.
    static func parse(_ all: UnsafeBufferPointer<UInt8>) -> Decimal?? {
        let r = UTF8Text.trimmedRange(all)
        if r.isEmpty { return .some(nil) }
        let b = UnsafeBufferPointer(rebasing: all[r])
        for mark in emptyMarkBytes where mark.count == b.count && mark.elementsEqual(b) { return .some(nil) }
        var end = b.count
        for unit in unitBytes where unit.count <= end && b[(end - unit.count)..<end].elementsEqual(unit) {
            end -= unit.count
            break
        }
        let body = UnsafeBufferPointer(rebasing: b[UTF8Text.trimmedRange(UnsafeBufferPointer(rebasing: b[0..<end]))])
        guard let number = number(body) else { return nil }
        return .some(number)
    }

    /// A plain signed decimal (`12`, `+1`, `-2`, `461.7`, `1,234`), nothing else.
    static func number(_ s: Substring) -> Decimal? {
        var s = String(s)
        return s.withUTF8 { number($0) }
    }

    static func number(_ s: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var sawDigit = false, sawDot = false, negative = false
        var value: Int64 = 0
        var count = 0
        for (i, c) in s.enumerated() {
            if c == 0x2B || c == 0x2D {                                  // + -
                guard i == 0 else { return nil }
                if c == 0x2D { negative = true }
            } else if c == 0x2E {                                        // .
                guard sawDigit, !sawDot else { return nil }
                sawDot = true
            } else if c == 0x2C {                                        // ,
                guard sawDigit, !sawDot else { return nil }
            } else if c &- 0x30 < 10 {
                sawDigit = true
                if count < 18 { value = value * 10 + Int64(c - 0x30) }
                count += 1
            } else {
                return nil
            }
        }
        // A comma never follows the dot, so a number ending in its dot ends the bytes with it.
        guard sawDigit, s.last != 0x2E else { return nil }
        // Whole numbers as integers (the same Decimal, bit for bit, as parsing the string).
        if !sawDot, count <= 18, !(negative && value == 0) { return Decimal(negative ? -value : value) }
        // The rare rest (a fraction, -0, more than 18 digits): the digits, sign and dot as text.
        var digits: [UInt8] = []
        digits.reserveCapacity(s.count)
        for c in s where c != 0x2B && c != 0x2C { digits.append(c) }
        return Decimal(string: String(decoding: digits, as: UTF8.self), locale: posix)
    }
}
