import Foundation
import Testing
@testable import SiteKit

@Suite struct CSVTests {
    @Test func fieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSV.field("掌政镇") == "掌政镇")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("说\"明\"") == "\"说\"\"明\"\"\"")
        #expect(CSV.field("两\n行") == "\"两\n行\"")
        #expect(CSV.field("") == "")
    }

    /// Untrusted text never reaches a spreadsheet as a formula.
    @Test func formulasAreDefused() {
        #expect(CSV.field("=1+1") == "'=1+1")
        #expect(CSV.field("+86") == "'+86")
        #expect(CSV.field("-x") == "'-x")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        #expect(CSV.field("a=b") == "a=b")
    }

    /// A field appended to a line (`DataCSV.lines`) is the field `field` writes, whether it is
    /// appended as it is or quoted, defused or both.
    @Test func aFieldAppendedIsTheFieldWritten() {
        let fields = ["掌政镇", "a,b", "说\"明\"", "两\n行", "两\r行", "", "=1+1", "+86", "-x", "@SUM(A1)", "\tx", "\rx",
                      "=HYPERLINK(\"x\",\"y\")", "a=b", "2020", "x-"]
        for field in fields {
            var line = "a,"
            CSV.append(field, to: &line)
            #expect(line == "a," + CSV.field(field), "\(field)")
        }
    }

    @Test func theFileHasTheMarkAndCRLF() {
        let data = CSV.file(["a,b", "1,"])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "a,b\r\n1,\r\n")
    }

    @Test func parseReadsBackWhatWasWritten() {
        let rows = [["页面", "a,b", "说\"明\"", "两\r\n行", ""], ["1", "", "3", "-1.5", "x"]]
        #expect(CSV.parse(CSV.file(rows.map(CSV.line))) == [["页面", "a,b", "说\"明\"", "两\r\n行", ""], ["1", "", "3", "'-1.5", "x"]])
    }
}
