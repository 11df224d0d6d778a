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

    /// Parses a cell. Returns `nil` when the text is not a value at all (a label);
    /// `.some(nil)` for an empty mark; `.some(x)` for a number.
    public static func parse(_ raw: String) -> Decimal?? {
        // Trims what Foundation's `.whitespaces` trims (Unicode Zs and tab), scalar by scalar:
        // `trimmingCharacters(in:)` bridges every cell through NSString and back (2 % of a
        // build, callgrind, `nianbao-bench`). Every Zs and the tab are single UTF-16 units, so
        // trimming scalars is trimming what NSString trims.
        func trim<S: StringProtocol>(_ s: S) -> String {
            func isSpace(_ c: Unicode.Scalar) -> Bool {
                switch c.value {
                case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
                default: false
                }
            }
            let scalars = s.unicodeScalars
            var start = scalars.startIndex, end = scalars.endIndex
            while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
            while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[start..<end])
            return String(out)
        }
        let text = trim(Normalizer.fold(raw))
        if text.isEmpty { return .some(nil) }
        if emptyMarks.contains(text) { return .some(nil) }
        var body = Substring(text)
        for unit in units where body.hasSuffix(unit) {
            body = body.dropLast(unit.count)
            break
        }
        body = Substring(trim(body))
        guard let number = number(body) else { return nil }
        return .some(number)
    }

    /// A plain signed decimal (`12`, `+1`, `-2`, `461.7`, `1,234`), nothing else.
    static func number(_ s: Substring) -> Decimal? {
        var digits = ""
        var sawDigit = false, sawDot = false
        for (i, c) in s.enumerated() {
            if c == "+" || c == "-" {
                guard i == 0 else { return nil }
                if c == "-" { digits.append("-") }
            } else if c == "." {
                guard sawDigit, !sawDot else { return nil }
                sawDot = true
                digits.append(".")
            } else if c == "," {
                guard sawDigit, !sawDot else { return nil }
            } else if let a = c.asciiValue, a >= 0x30, a <= 0x39 {
                sawDigit = true
                digits.append(c)
            } else {
                return nil
            }
        }
        guard sawDigit, digits.last != "." else { return nil }
        return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
    }
}
