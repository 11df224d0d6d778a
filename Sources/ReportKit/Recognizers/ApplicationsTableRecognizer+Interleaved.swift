import Foundation

extension ApplicationsTableRecognizer {
    /// PDF text in reading order can print two rows' cells in pairs, column by column
    /// (`（六）其他处理` and `（七）总计`: `0 21 0 0 … 0 21` under the second label), so a row shows
    /// twice its width. Which half is the row's is not in the text; the table's balance
    /// (一 + 二 = 七 + 四, column by column) says it, when every other term of the balance was
    /// read whole. Of the four ways to take `width` tokens from `2 × width` (first half, second
    /// half, even places, odd places), the reading is kept only when exactly one gives the values
    /// the balance asks for and adds up across its row; else the row stays reported as printed.
    ///
    /// Reading by the balance means that row can no longer break it, so the reading is always
    /// told to the reader (`table.layout`).
    static func interleavedReading(of row: TokenRow, rows: [TokenRow], form: Form, width: Int,
                                   sum: CellPlacement.Sum?) -> [Int]? {
        guard row.values.count == 2 * width, width > 0 else { return nil }
        for case .balance(let balance) in form.identities {
            let onLeft = balance.left.contains { $0.keys == [row.key] }
            let onRight = balance.right.contains { $0.keys == [row.key] }
            guard onLeft != onRight else { continue }
            // The row = (the other side) − (the rest of its own side), column by column.
            var expected = [Decimal](repeating: 0, count: width)
            func add(_ terms: [IdentityTerm], sign: Decimal) -> Bool {
                for term in terms where term.keys != [row.key] {
                    for key in term.keys {
                        guard let other = rows.first(where: { $0.key == key }), other.values.count == width else { return false }
                        for c in 0..<width {
                            guard let v = other.values[c].value else { return false }
                            expected[c] += sign * v
                        }
                    }
                }
                return true
            }
            guard add(onRight ? balance.left : balance.right, sign: 1),
                  add(onRight ? balance.right : balance.left, sign: -1) else { continue }
            let ways: [[Int]] = [Array(0..<width), Array(width..<(2 * width)),
                                 (0..<width).map { 2 * $0 }, (0..<width).map { 2 * $0 + 1 }]
            let fitting = ways.filter { way in
                let values = way.map { row.values[$0].value }
                return values == expected.map { Optional($0) } && (sum.map { $0.holds(values) } ?? true)
            }
            return fitting.count == 1 ? fitting[0] : nil
        }
        return nil
    }
}
