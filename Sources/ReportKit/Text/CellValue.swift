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
        let text = Normalizer.fold(raw).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .some(nil) }
        if emptyMarks.contains(text) { return .some(nil) }
        var body = Substring(text)
        for unit in units where body.hasSuffix(unit) {
            body = body.dropLast(unit.count)
            break
        }
        body = Substring(body.trimmingCharacters(in: .whitespaces))
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
