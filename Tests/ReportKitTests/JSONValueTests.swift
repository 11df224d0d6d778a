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
}
