import Foundation

/// A piece of a table line: label text, or a value cell (number or empty mark).
///
/// Tables reach the parser in many layouts (tab rows, pipe rows, PDF text with one cell per
/// line, crawler text with spaces collapsed); all of them become one stream of tokens, so
/// the table recognisers read rows by label whatever the layout.
public struct CellToken: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case text, value }
    public var kind: Kind
    /// The text as printed (folded).
    public var text: String
    /// The number for a value token; `nil` for an empty mark or a text token.
    public var value: Decimal?
    public var line: Int

    /// Splits one normalised line into tokens.
    ///
    /// Cells are separated by tabs; inside a cell, pieces by spaces; inside a piece, a run
    /// of digits is a value unless it is numbering (`1.属于…`, `3、`) or part of a date or
    /// quantity word (`2020年`). In a regular grid (`grid`, an HTML table) an empty cell
    /// after the label is a real empty value.
    public static func tokens(of text: String, line: Int, grid: Bool = false) -> [CellToken] {
        var result: [CellToken] = []
        let cells = text.split(separator: "\t", omittingEmptySubsequences: false)
        var sawText = false
        for cell in cells {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if grid && sawText { result.append(CellToken(kind: .value, text: "", value: nil, line: line)) }
                continue
            }
            if let v = CellValue.parse(trimmed) {
                result.append(CellToken(kind: .value, text: trimmed, value: v, line: line))
                continue
            }
            sawText = true
            for piece in trimmed.split(separator: " ") {
                if let v = CellValue.parse(String(piece)) {
                    result.append(CellToken(kind: .value, text: String(piece), value: v, line: line))
                } else {
                    split(piece, line: line, into: &result)
                }
            }
        }
        // A grid row with no number at all is a header: its empty cells are not values.
        if grid && !result.contains(where: { $0.kind == .value && !$0.text.isEmpty }) {
            result.removeAll { $0.kind == .value && $0.text.isEmpty }
        }
        return result
    }

    /// Splits a piece like `申请数量230` or `1.属于国家秘密` into text and value runs.
    static func split(_ piece: Substring, line: Int, into result: inout [CellToken]) {
        let chars = Array(piece)
        var i = 0
        var text = ""
        func flushText() {
            if !text.isEmpty { result.append(CellToken(kind: .text, text: text, value: nil, line: line)); text = "" }
        }
        while i < chars.count {
            let c = chars[i]
            let startsNumber = isDigit(c) || ((c == "+" || c == "-") && i + 1 < chars.count && isDigit(chars[i + 1]) && (i == 0 || !isDigit(chars[i - 1])))
            guard startsNumber else { text.append(c); i += 1; continue }
            var j = i + 1
            while j < chars.count, isDigit(chars[j]) || (chars[j] == "." && j + 1 < chars.count && isDigit(chars[j + 1])) { j += 1 }
            let run = String(chars[i..<j])
            let next: Character? = j < chars.count ? chars[j] : nil
            // Numbering (`1.`, `3、`, `2)`) and dates/quantities (`2020年`) stay text.
            if let n = next, ".、)年月日号届".contains(n) || (n == "." && j + 1 < chars.count) {
                text += run
                i = j
                continue
            }
            flushText()
            var tokenText = run
            var k = j
            for unit in CellValue.units {
                let u = Array(unit)
                if k + u.count <= chars.count, Array(chars[k..<(k + u.count)]) == u {
                    tokenText += unit
                    k += u.count
                    break
                }
            }
            result.append(CellToken(kind: .value, text: tokenText, value: CellValue.number(Substring(run)), line: line))
            i = k
        }
        flushText()
    }

    static func isDigit(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return a >= 0x30 && a <= 0x39
    }
}
