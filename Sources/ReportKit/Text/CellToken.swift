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
        var text = text
        text.withUTF8 { b in
            var sawText = false
            var sawValue = false
            var emptiesAfterValue = 0
            var start = 0
            for k in 0...b.count where k == b.count || b[k] == 0x09 {
                let r = UTF8Text.trimmedRange(UnsafeBufferPointer(rebasing: b[start..<k]))
                let cell = UnsafeBufferPointer(rebasing: b[(start + r.lowerBound)..<(start + r.upperBound)])
                start = k + 1
                if cell.isEmpty {
                    if grid && sawText { result.append(CellToken(kind: .value, text: "", value: nil, line: line)) }
                    if !grid && sawValue { emptiesAfterValue += 1 }
                    continue
                }
                if let v = parseFolded(cell) {
                    // Outside a grid, empty cells before the first value are merged label cells
                    // and after the last one trailing tabs; between two values they are blank
                    // cells of the row (`4\t\t\t\t\t\t4`), each a value the report left empty.
                    for _ in 0..<emptiesAfterValue { result.append(CellToken(kind: .value, text: "", value: nil, line: line)) }
                    emptiesAfterValue = 0
                    sawValue = true
                    result.append(CellToken(kind: .value, text: String(decoding: cell, as: UTF8.self), value: v, line: line))
                    continue
                }
                emptiesAfterValue = 0
                sawText = true
                // Pieces split on U+0020 only, empty pieces dropped.
                var p = 0
                for q in 0...cell.count where q == cell.count || cell[q] == 0x20 {
                    defer { p = q + 1 }
                    guard q > p else { continue }
                    let piece = UnsafeBufferPointer(rebasing: cell[p..<q])
                    if let v = parseFolded(piece) {
                        result.append(CellToken(kind: .value, text: String(decoding: piece, as: UTF8.self), value: v, line: line))
                    } else {
                        split(piece, line: line, into: &result)
                    }
                }
            }
        }
        // A grid row with no number at all is a header: its empty cells are not values.
        if grid && !result.contains(where: { $0.kind == .value && !$0.text.isEmpty }) {
            result.removeAll { $0.kind == .value && $0.text.isEmpty }
        }
        return result
    }

    /// `CellValue.parse` of bytes that may still need folding (full-width digits, spaces).
    private static func parseFolded(_ b: UnsafeBufferPointer<UInt8>) -> Decimal?? {
        var folded: [UInt8]?
        Normalizer.fold(b, into: &folded)
        if let folded { return folded.withUnsafeBufferPointer { CellValue.parse($0) } }
        return CellValue.parse(b)
    }

    /// Words after a run of digits that make it numbering, a date or a quantity word, not a value.
    static let notValueAfter: [[UInt8]] = [".", "、", ")", "年", "月", "日", "号", "届"].map { Array($0.utf8) }

    /// Splits a piece like `申请数量230` or `1.属于国家秘密` into text and value runs.
    static func split(_ piece: Substring, line: Int, into result: inout [CellToken]) {
        var s = String(piece)
        s.withUTF8 { split($0, line: line, into: &result) }
    }

    static func split(_ b: UnsafeBufferPointer<UInt8>, line: Int, into result: inout [CellToken]) {
        let n = b.count
        @inline(__always) func digit(_ k: Int) -> Bool { k < n && b[k] &- 0x30 < 10 }
        var i = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart {
                result.append(CellToken(kind: .text, text: String(decoding: UnsafeBufferPointer(rebasing: b[textStart..<end]), as: UTF8.self),
                                        value: nil, line: line))
            }
        }
        while i < n {
            let c = b[i]
            let startsNumber = digit(i) || ((c == 0x2B || c == 0x2D) && digit(i + 1) && (i == 0 || !digit(i - 1)))
            guard startsNumber else { i += 1; continue }
            var j = i + 1
            while j < n, digit(j) || (b[j] == 0x2E && digit(j + 1)) { j += 1 }
            // Numbering (`1.`, `3、`, `2)`) and dates/quantities (`2020年`) stay text.
            if j < n, notValueAfter.contains(where: { w in j + w.count <= n && b[j..<(j + w.count)].elementsEqual(w) }) {
                i = j
                continue
            }
            flushText(upTo: i)
            var k = j
            for unit in CellValue.unitBytes where k + unit.count <= n && b[k..<(k + unit.count)].elementsEqual(unit) {
                k += unit.count
                break
            }
            let run = UnsafeBufferPointer(rebasing: b[i..<j])
            result.append(CellToken(kind: .value, text: String(decoding: UnsafeBufferPointer(rebasing: b[i..<k]), as: UTF8.self),
                                    value: CellValue.number(run), line: line))
            i = k
            textStart = k
        }
        flushText(upTo: n)
    }

    static func isDigit(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return a >= 0x30 && a <= 0x39
    }
}
