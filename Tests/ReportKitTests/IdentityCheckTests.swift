import Foundation
import Testing
@testable import ReportKit

/// `FormIdentityRule.evaluate`: every instance of the forms' identities, passed ones too, each
/// with the sentence a citizen reads; the diagnostics `check` prints are the failed ones.
@Suite struct IdentityCheckTests {
    static let columns = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total"]

    static func row(_ key: String, _ values: [Decimal?], line: Int) -> StatRow {
        StatRow(key: key, line: line, cells: zip(columns, values).map {
            StatCell(column: $0, value: $1, text: $1.map { "\($0)" }, line: line)
        })
    }

    static func report(_ rows: [StatRow]) -> Report {
        var report = Report(source: "a.txt")
        report.tables[.applications] = .stat(StatTable(form: Forms.applications2019, rows: rows))
        return report
    }

    @Test func listsPassedFailedAndSkippedInstancesInPlainWords() {
        // 一 adds up (3 = 3 + 0); （一） does not (总计 0, parts 2); 四 printed, 二 not: the balance cannot be checked.
        var misprinted = Self.row("partiallyGranted", [0, 0, 0, 0, 0, 0, 0], line: 13)
        misprinted.printed = (0..<6).map { _ in PrintedValue(text: "0", line: 13) }
        let checks = FormIdentityRule.evaluate(Self.report([
            Self.row("newReceived", [3, 0, 0, 0, 0, 0, 3], line: 10),
            Self.row("granted", [2, 0, 0, 0, 0, 0, 0], line: 12),
            misprinted,
            Self.row("carriedForward", [0, 0, 0, 0, 0, 0, 0], line: 15),
        ]))
        #expect(checks.map(\.result) == [.passed, .failed, .skipped, .passed] + Array(repeating: .skipped, count: 7))
        #expect(checks.map(\.plain).prefix(5) == [
            "本行自然人、法人或其他组织之和为 3，与总计 3 相符",
            "本行自然人、法人或其他组织之和为 2，但总计填的是 0",
            "本行印有的数字个数与表格列数不符，未核对",
            "本行自然人、法人或其他组织之和为 0，与总计 0 相符",
            "自然人一列：一、本年新收加二、上年结转加（七）总计加四、结转下年度中有未列出、空格或无法读取的格子，未核对",
        ])
        #expect(checks[1].diagnostic == .warning("applications.rowTotal", "表三 （一）予以公开: 总计 0 ≠ 自然人 2 + 法人或其他组织 0",
                                                  line: 12, subject: Diagnostic.Subject(table: .applications, row: "granted")))
        #expect(checks[1].cells.map(\.column) == ["total", "naturalPerson", "commercial", "research", "socialWelfare",
                                                   "legalService", "other"])
        #expect(checks[4].cells.map(\.row) == ["newReceived", "carriedOver", "resultsTotal", "carriedForward"])
        #expect(checks.compactMap(\.diagnostic) == FormIdentityRule().check(Self.report([
            Self.row("newReceived", [3, 0, 0, 0, 0, 0, 3], line: 10), Self.row("granted", [2, 0, 0, 0, 0, 0, 0], line: 12),
        ]), lines: []))
    }
}
