import Foundation
import Testing
import NianbaoTestSupport
@testable import ReportKit


@Suite("Parser properties")
struct PropertyTests {
    static let seedPrefixes = ["000_", "001_", "002_", "003_", "004_"]

    /// Every number in the report comes from a line that prints a digit: nothing is invented,
    /// and in particular no missing cell becomes 0.
    static func checkNoInventedNumbers(_ report: Report, lines: [SourceLine], context: String) {
        let byNumber = Dictionary(lines.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
        func hasDigit(_ line: Int?) -> Bool {
            guard let line, let text = byNumber[line] else { return false }
            return Normalizer.fold(text).contains { $0.isASCII && $0.isNumber }
        }
        for table in [report.tables.active, report.tables.applications, report.tables.review].compactMap({ $0 }) {
            for row in table.rows {
                for cell in row.cells where cell.value != nil {
                    // The 2021 （六） row is a computed sum; its addends are checked themselves.
                    if row.key == "otherHandling" && cell.text == nil { continue }
                    #expect(hasDigit(cell.line), "\(context): \(row.key).\(cell.column) = \(cell.value!) from line \(cell.line ?? -1)")
                }
            }
        }
        for row in report.tables.legacy?.rows ?? [] where row.value != nil {
            #expect(hasDigit(row.line), "\(context): legacy \(row.label)")
        }
    }

    @Test func randomBytesNeverCrashOrInventNumbers() {
        let seed = UInt64(20_261_124)
        print("PropertyTests random bytes seed: \(seed)")
        var rng = SeededGenerator(seed: seed)
        let alphabet = Array("0123456789０１２ \t\n一二三四五六七（）()、.总计自然人规章行政复议予以公开年月日/—无#*|") + ["\u{3000}", "\u{00A0}", "\r"]
        for round in 0..<200 {
            let length = Int.random(in: 0..<600, using: &rng)
            var text = ""
            for _ in 0..<length { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]) }
            let lines = SourceText.lines(text)
            let report = ReportParser().parse(lines: lines, source: "random-\(round).txt")
            Self.checkNoInventedNumbers(report, lines: lines, context: "seed \(seed) round \(round)")
        }
    }

    @Test func shuffledAndTruncatedSeedsNeverCrashOrInventNumbers() throws {
        let seed = UInt64(42)
        print("PropertyTests shuffle seed: \(seed)")
        var rng = SeededGenerator(seed: seed)
        for prefix in Self.seedPrefixes {
            let (text, _) = try ParserFixture.seed(prefix)
            let original = SourceText.lines(text)
            for round in 0..<20 {
                var lines = original
                switch round % 3 {
                case 0: lines.shuffle(using: &rng)
                case 1: lines = Array(lines.prefix(Int.random(in: 0...lines.count, using: &rng)))
                default:
                    // Cut every line at a random point.
                    lines = lines.map { l in
                        let chars = Array(l.text)
                        return SourceLine(String(chars.prefix(Int.random(in: 0...chars.count, using: &rng))), number: l.number)
                    }
                }
                let report = ReportParser().parse(lines: lines, source: "\(prefix)\(round).txt")
                Self.checkNoInventedNumbers(report, lines: lines, context: "seed \(seed) \(prefix) round \(round)")
            }
        }
    }

    @Test func textWithoutDigitsHasNoNumbers() throws {
        for prefix in Self.seedPrefixes {
            let (text, _) = try ParserFixture.seed(prefix)
            let stripped = String(text.filter { !($0.isASCII && $0.isNumber) })
            let r = ReportParser().parse(stripped, source: prefix)
            let values = [r.tables.active, r.tables.applications, r.tables.review].compactMap { $0 }.flatMap { $0.rows.flatMap(\.cells) }.compactMap(\.value)
            #expect(values.isEmpty, "\(prefix): \(values)")
            #expect(r.tables.legacy?.rows.compactMap(\.value) ?? [] == [])
        }
    }

    /// 5,000 cells where 7 are expected: the placements tried must stay few (the row is
    /// flagged, its cells left empty), or this never ends. Its time is the benchmark's.
    @Test func longLinesAndManyTokensGiveNoValues() {
        let row = "一、本年新收政府信息公开申请数量" + String(repeating: "\t1", count: 5_000)
        let text = "三、收到和处理政府信息公开申请情况\n" + row + "\n" + String(repeating: "9", count: 100_000) + "\n四、政府信息公开行政复议情况\n"
        let r = ReportParser().parse(text, source: "long.txt")
        #expect(r.row(r.tables.applications, "newReceived") == [Decimal?](repeating: nil, count: 7))
    }
}

/// A report with no consistency diagnostics satisfies every 勾稽关系, checked here by
/// independent arithmetic (not by calling the rules).
@Suite("Clean reports satisfy the rules")
struct CleanReportTests {
    static func sum(_ t: StatTable, _ rows: [String], _ c: String) -> Decimal? {
        var total = Decimal(0)
        for r in rows { guard let v = t.value(r, c) else { return nil }; total += v }
        return total
    }

    @Test(arguments: ["parser-tsv.txt", "parser-pdf.txt"])
    func cleanFixtureAddsUp(_ name: String) throws {
        let r = try ParserFixture.parse(name)
        #expect(r.diagnostics.filter { $0.severity != .info }.isEmpty)
        try Self.assertArithmetic(r)
    }

    @Test(arguments: ["001_", "003_", "004_"])
    func cleanSeedAddsUp(_ prefix: String) throws {
        let (_, r) = try ParserFixture.seed(prefix)
        #expect(r.diagnostics.filter { $0.severity != .info }.isEmpty)
        try Self.assertArithmetic(r)
    }

    static func assertArithmetic(_ r: Report) throws {
        if let t = r.tables.applications {
            let parts = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other"]
            for row in t.rows {
                if let total = row["total"]?.value, let s = sum(t, [], "x") ?? Optional(0) {
                    var parts6 = s
                    var ok = true
                    for p in parts { if let v = row[p]?.value { parts6 += v } else { ok = false } }
                    if ok { #expect(total == parts6, "\(row.key)") }
                }
            }
            for c in parts + ["total"] {
                if let a = t.value("newReceived", c), let b = t.value("carriedOver", c),
                   let rt = t.value("resultsTotal", c), let f = t.value("carriedForward", c) {
                    #expect(a + b == rt + f, "balance \(c)")
                }
            }
        }
        if let t = r.tables.review {
            for g in ["review", "litigationDirect", "litigationAfterReview"] {
                if let s = sum(t, [g], "upheld"), let c = t.value(g, "corrected"), let o = t.value(g, "other"),
                   let p = t.value(g, "pending"), let total = t.value(g, "total") {
                    #expect(s + c + o + p == total, "\(g)")
                }
            }
        }
    }
}
