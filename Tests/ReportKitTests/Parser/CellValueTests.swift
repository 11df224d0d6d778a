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

    /// Table 三's row identity (总计 = the six applicant columns), read from the form.
    static let tableThree = CellPlacement.Sum(form: Forms.applications2021)

    @Test func placesRowsWithWrongCellCounts() {
        let sum = Self.tableThree
        #expect(sum == CellPlacement.Sum(form: Forms.applications2019))
        #expect(sum?.width == 7 && sum?.total == 6 && sum?.parts == [0, 1, 2, 3, 4, 5])
        // 8 numbers, only dropping the 3 adds up.
        #expect(CellPlacement.place([3, 0, 0, 0, 0, 0, 0, 0], sum: sum, columns: 7) == [0, 0, 0, 0, 0, 0, 0])
        // 6 zeros: every placement gives 0.
        #expect(CellPlacement.place([0, 0, 0, 0, 0, 0], sum: sum, columns: 7) == [0, 0, 0, 0, 0, 0, 0])
        // 6 numbers where the missing column is not determined.
        #expect(CellPlacement.place([2, 1, 0, 0, 0, 3], sum: sum, columns: 7) == [nil, nil, nil, 0, 0, nil, nil])
        // Nothing adds up: every cell unknown.
        #expect(CellPlacement.place([5, 5, 5, 5, 5, 5, 5, 5], sum: sum, columns: 7) == [Decimal?](repeating: nil, count: 7))
    }

    @Test func placesNothingWithoutARowIdentity() {
        // Table 二 has no sum between its columns: a short row cannot be placed.
        #expect(CellPlacement.Sum(form: Forms.active2021) == nil)
        #expect(CellPlacement.place([1, 2], sum: nil, columns: 3) == [nil, nil, nil])
        #expect(CellPlacement.splitConcatenated(["713000074"], sum: nil) == nil)
    }

    @Test func placesByTheIdentityOfAnyForm() {
        // Table 四 (总计 = 维持 + 纠正 + 其他 + 尚未审结): `2 0 0 0` misses one of five cells.
        // A missing 维持, 纠正, 其他 or 尚未审结 would be 0 − 2; only a missing 总计 (= 2) is ≥ 0.
        let review = CellPlacement.Sum(form: Forms.review)
        #expect(review?.width == 5 && review?.total == 4)
        #expect(CellPlacement.place([2, 0, 0, 0], sum: review, columns: 5) == [2, 0, 0, 0, 2])
        // `1 0 0 1`: every missing cell gives a row that adds up; only 其他 (0 in all five) is certain.
        #expect(CellPlacement.place([1, 0, 0, 1], sum: review, columns: 5) == [nil, nil, 0, nil, nil])
    }

    /// Issue 12: placing says which printed token each value is, so a cell keeps its line.
    @Test func placementNamesTheTokenOfEachValue() {
        let review = CellPlacement.Sum(form: Forms.review)
        // `2 0 0 0`: the four tokens in the first four columns, the total given by the identity.
        #expect(CellPlacement.placeTokens([2, 0, 0, 0], sum: review, columns: 5).map(\.token) == [0, 1, 2, 3, nil])
        // `3 0 0 0 0 0 0 0` in table 三: the 3 (token 0) is dropped, tokens 1…7 placed.
        #expect(CellPlacement.placeTokens([3, 0, 0, 0, 0, 0, 0, 0], sum: Self.tableThree, columns: 7).map(\.token)
                == [1, 2, 3, 4, 5, 6, 7])
        // `0 0 0 0 0 2` in table 三: 总计 is 2 in every placement, printed (token 5) in all but the
        // one that solves it; the printed reading is kept. The part that is missing is not known.
        let short = CellPlacement.placeTokens([0, 0, 0, 0, 0, 2], sum: Self.tableThree, columns: 7)
        #expect(short == [.init(value: nil, token: nil), .init(value: nil, token: nil), .init(value: nil, token: nil),
                          .init(value: nil, token: nil), .init(value: nil, token: nil), .init(value: nil, token: nil),
                          .init(value: 2, token: 5)])
    }

    @Test func splitsConcatenatedCellsOnlyWhenUnique() {
        let sum = Self.tableThree
        #expect(CellPlacement.splitConcatenated(["713000074"], sum: sum) == [71, 3, 0, 0, 0, 0, 74])
        #expect(CellPlacement.splitConcatenated(["0000000"], sum: sum) == [0, 0, 0, 0, 0, 0, 0])
        // No split of 1234567 into seven numbers adds up.
        #expect(CellPlacement.splitConcatenated(["1234567"], sum: sum) == nil)
    }
}
