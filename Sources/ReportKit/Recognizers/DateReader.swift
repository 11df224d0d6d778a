import Foundation

/// Reads a date written as a whole piece of text: `2021年1月25日`, `2021 年 1 月 25 日`,
/// `二○一二年二月二十日`, `二〇一三年一月` (day optional).
public enum DateReader {
    public struct DateValue: Hashable, Sendable {
        public var year: Int, month: Int, day: Int?
        public var iso: String? {
            guard let day else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
    }

    static let digits: [Character: Int] = [
        "〇": 0, "○": 0, "零": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The date when `text` (spaces ignored) is exactly a date, else `nil`.
    public static func date(_ text: String) -> DateValue? {
        guard text.utf8.count <= 120, UTF8Text.contains(text, "年") else { return nil }
        let t = Array(Normalizer.compact(Normalizer.fold(text)).unicodeScalars)
        guard let yi = t.firstIndex(of: "年"), let mi = t.firstIndex(of: "月"), yi < mi else { return nil }
        guard let year = number(t[..<yi], isYear: true), (1990...2100).contains(year) else { return nil }
        guard let month = number(t[(yi + 1)..<mi], isYear: false), (1...12).contains(month) else { return nil }
        let rest = t[(mi + 1)...]
        if rest.isEmpty { return DateValue(year: year, month: month, day: nil) }
        guard rest.last == "日" || rest.last == "号", let day = number(rest.dropLast(), isYear: false), (1...31).contains(day) else { return nil }
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
