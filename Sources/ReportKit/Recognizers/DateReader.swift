import Foundation

/// Reads a date written as a whole piece of text: `2021年1月25日`, `2021 年 1 月 25 日`,
/// `二○一二年二月二十日`, `二〇一三年一月` (day optional).
public enum DateReader {
    public struct DateValue: Hashable, Sendable {
        public var year: Int, month: Int, day: Int?
        public var iso: String? {
            guard let day else { return nil }
            return Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        }

        /// `String(format: "%0*d")` without Foundation's formatter, which cost as much as the
        /// rest of the signature search (it runs for every date-like line read from the end).
        static func padded(_ n: Int, _ width: Int) -> String {
            guard n >= 0 else { return String(format: "%0\(width)d", n) }
            let digits = String(n)
            let count = digits.utf8.count
            return count >= width ? digits : String(repeating: "0", count: width - count) + digits
        }
    }

    static let digits: [Character: Int] = [
        "〇": 0, "○": 0, "零": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The date when `text` (spaces ignored, in brackets or not) is exactly a date, else `nil`:
    /// `2021年1月25日`, `二〇二三年一月`, or with numbers only `2023-01-20`, `2023.1.20`,
    /// `2023/1/20`.
    ///
    /// `numeric: false` accepts only dates written with 年: a number-only date beside other
    /// words on a line (`发布时间: 2014-01-22 00:00`) is a page header's, not a signature's.
    public static func date(_ text: String, numeric: Bool = true) -> DateValue? {
        guard text.utf8.count <= 120 else { return nil }
        // Every date holds 年, or is a short run of digits and separators.
        guard UTF8Text.contains(text, "年")
            || (numeric && text.utf8.count <= 48 && text.unicodeScalars.contains(where: { $0.value &- 0x30 < 10 || $0.value &- 0xFF10 < 10 }))
        else { return nil }
        var t = Array(Normalizer.compact(Normalizer.fold(text)).unicodeScalars)
        if let first = t.first, let last = t.last, "(【[".unicodeScalars.contains(first), ")】]".unicodeScalars.contains(last) {
            t = Array(t.dropFirst().dropLast())
        }
        guard t.contains("年") else { return numericDate(t) }
        guard let yi = t.firstIndex(of: "年"), let mi = t.firstIndex(of: "月"), yi < mi else { return nil }
        guard let year = number(t[..<yi], isYear: true), (1990...2100).contains(year) else { return nil }
        guard let month = number(t[(yi + 1)..<mi], isYear: false), (1...12).contains(month) else { return nil }
        let rest = t[(mi + 1)...]
        if rest.isEmpty { return DateValue(year: year, month: month, day: nil) }
        guard rest.last == "日" || rest.last == "号", let day = number(rest.dropLast(), isYear: false), (1...31).contains(day) else { return nil }
        return DateValue(year: year, month: month, day: day)
    }

    /// `2023-01-20`, `2023.1.20`, `2023/1/20`: a year, a month and a day, one separator.
    static func numericDate(_ t: [Unicode.Scalar]) -> DateValue? {
        guard t.count >= 8, t.count <= 10, let sep = t.first(where: { $0.value &- 0x30 >= 10 }), "-./".unicodeScalars.contains(sep) else { return nil }
        let parts = t.split(separator: sep, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.value &- 0x30 < 10 } }),
              let year = number(parts[0], isYear: true), let month = number(parts[1], isYear: false),
              let day = number(parts[2], isYear: false),
              (1990...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return DateValue(year: year, month: month, day: day)
    }

    static let scalarDigits: [Unicode.Scalar: Int] = Dictionary(uniqueKeysWithValues: digits.map { ($0.key.unicodeScalars.first!, $0.value) })

    /// Arabic digits, or Chinese numerals (digit by digit for years, 十-based otherwise).
    static func number(_ s: ArraySlice<Unicode.Scalar>, isYear: Bool) -> Int? {
        guard !s.isEmpty, s.count <= 4 else { return nil }
        if s.allSatisfy({ $0.value &- 0x30 < 10 }) {
            var v = 0
            for c in s { v = v * 10 + Int(c.value - 0x30) }
            return v
        }
        if isYear {
            var v = 0
            for c in s { guard let d = scalarDigits[c] else { return nil }; v = v * 10 + d }
            return s.count == 4 ? v : nil
        }
        let a = Array(s)
        if let ten = a.firstIndex(of: "十") {
            let tens = ten == 0 ? 1 : (a.count > 0 ? scalarDigits[a[0]] : nil)
            let ones = ten == a.count - 1 ? 0 : scalarDigits[a[a.count - 1]]
            guard let tens, let ones, ten <= 1, a.count - ten <= 2 else { return nil }
            return tens * 10 + ones
        }
        guard a.count == 1, let d = scalarDigits[a[0]] else { return nil }
        return d
    }
}
