import Testing
import Foundation
@testable import ReportKit

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndEscapesForHTML() {
        let v = JSONValue.object([("b", .int(1)), ("a", .string("</script>\"\n")), ("n", .null), ("d", .number(Decimal(string: "461.7")!))])
        #expect(v.serialized() == #"{"b":1,"a":"\u003c/script\u003e\"\n","n":null,"d":461.7}"#)
    }

    @Test func missingCellIsNullNeverZero() {
        let table = StatTable(form: Forms.review, rows: [StatRow(key: "review", line: 3, cells: [
            StatCell(column: "upheld", value: nil, text: nil, line: 3),
            StatCell(column: "total", value: 0, text: "0", line: 3),
        ])])
        #expect(table.json.serialized() == #"{"review":{"upheld":null,"total":0}}"#)
    }

    /// The byte writer prints integers itself: the extremes and zero as `String(_:)` does.
    @Test func integersAsStringPrintsThem() {
        for i in [0, 7, -7, 10, 1_000_000, Int.max, Int.min] {
            #expect(JSONValue.int(i).serialized() == String(i))
        }
    }

    /// Pretty levels: the first levels on lines of their own, deeper ones compact on their
    /// parent's line; `.max` is `serialized(pretty: true)`.
    @Test func prettyLevelsBreakOnlyTheOuterLevels() {
        let v = JSONValue.object([("a", .array([.object([("x", .int(1)), ("y", .array([.null, .bool(true)]))]), .string("é\t")])), ("b", .object([]))])
        #expect(String(decoding: v.bytes(prettyLevels: 2), as: UTF8.self)
            == "{\n  \"a\": [\n    {\"x\":1,\"y\":[null,true]},\n    \"é\\t\"\n  ],\n  \"b\": {}\n}")
        #expect(String(decoding: v.bytes(prettyLevels: 0), as: UTF8.self) == #"{"a":[{"x":1,"y":[null,true]},"é\t"],"b":{}}"#)
        #expect(String(decoding: v.bytes(prettyLevels: .max), as: UTF8.self) == v.serialized(pretty: true))
        #expect(v.serialized(pretty: true)
            == "{\n  \"a\": [\n    {\n      \"x\": 1,\n      \"y\": [\n        null,\n        true\n      ]\n    },\n    \"é\\t\"\n  ],\n  \"b\": {}\n}")
    }
}
