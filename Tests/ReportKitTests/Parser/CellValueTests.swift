import Foundation
import Testing
@testable import ReportKit

struct CellCase: Sendable, CustomTestStringConvertible {
    let id: String
    let text: String
    let expected: Decimal??
    var testDescription: String { id }
}

let cellCases: [CellCase] = [
    CellCase(id: "zero", text: "0", expected: .some(0)),
    CellCase(id: "plus sign", text: "+1", expected: .some(1)),
    CellCase(id: "minus sign", text: "-2", expected: .some(-2)),
    CellCase(id: "money with unit", text: "461.7 万元", expected: .some(Decimal(string: "461.7")!)),
    CellCase(id: "yuan unit", text: "75394432.52元", expected: .some(Decimal(string: "75394432.52")!)),
    CellCase(id: "full-width digits", text: "１２", expected: .some(12)),
    CellCase(id: "slash", text: "/", expected: .some(nil)),
    CellCase(id: "full-width slash", text: "／", expected: .some(nil)),
    CellCase(id: "em dash", text: "—", expected: .some(nil)),
    CellCase(id: "none", text: "无", expected: .some(nil)),
    CellCase(id: "empty", text: "", expected: .some(nil)),
    CellCase(id: "ideographic space", text: "\u{3000}", expected: .some(nil)),
    CellCase(id: "label is not a value", text: "规章", expected: nil),
    CellCase(id: "numbering is not a value", text: "1.", expected: nil),
]

@Suite("Cell values")
struct CellValueTests {
    @Test(arguments: cellCases)
    func readsCell(_ c: CellCase) {
        #expect(CellValue.parse(c.text) == c.expected)
    }

    @Test func tokenisesLabelsAndValuesInOnePiece() {
        let tokens = CellToken.tokens(of: "1.属于国家秘密 0 0 12", line: 7)
        #expect(tokens.map(\.kind) == [.text, .value, .value, .value])
        #expect(tokens.map(\.text) == ["1.属于国家秘密", "0", "0", "12"])
        #expect(tokens.allSatisfy { $0.line == 7 })
    }

    @Test func splitsDigitsRunTogetherWithALabel() {
        let tokens = CellToken.tokens(of: "申请数量230", line: 1)
        #expect(tokens.map(\.text) == ["申请数量", "230"])
    }

    @Test func placesRowsWithWrongCellCounts() {
        // policy.md: 8 numbers, only dropping the 3 adds up.
        #expect(CellPlacement.place([3, 0, 0, 0, 0, 0, 0, 0]) == [0, 0, 0, 0, 0, 0, 0])
        // 6 zeros: every placement gives 0.
        #expect(CellPlacement.place([0, 0, 0, 0, 0, 0]) == [0, 0, 0, 0, 0, 0, 0])
        // 6 numbers where the missing column is not determined.
        #expect(CellPlacement.place([2, 1, 0, 0, 0, 3]) == [nil, nil, nil, 0, 0, nil, nil])
        // Nothing adds up: every cell unknown.
        #expect(CellPlacement.place([5, 5, 5, 5, 5, 5, 5, 5]) == [Decimal?](repeating: nil, count: 7))
    }

    @Test func splitsConcatenatedCellsOnlyWhenUnique() {
        #expect(CellPlacement.splitConcatenated(["713000074"]) == [71, 3, 0, 0, 0, 0, 74])
        #expect(CellPlacement.splitConcatenated(["0000000"]) == [0, 0, 0, 0, 0, 0, 0])
        // No split of 1234567 into seven numbers adds up.
        #expect(CellPlacement.splitConcatenated(["1234567"]) == nil)
    }
}
