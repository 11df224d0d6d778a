import Foundation
import Testing
import ReportKit
import NianbaoTestSupport

// Golden tests: every seed in `content/` and every synthetic layout fixture in
// `Fixtures/layout-*` is parsed and compared with a hand-written `Golden/….json`.
//
// The golden files were written by reading each input value by value, never recorded from a
// parser: they are how the parser is checked. Comparison is structural: both sides go through
// `JSONSerialization`, object keys are compared as sets, numbers as decimals (`461.7` in a
// golden file equals `Decimal(string: "461.7")`), and `diagnostics` as an order-independent
// multiset of {severity, code, line, subject}.
//
// Recording is loud: when a golden file is missing, or NIANBAO_RECORD=1 is set, the test writes
// the parser's output to the golden path AND fails, so a recorded file can never pass unseen.
// A recorded file must be read against its input before it is committed.

/// One input file and its golden JSON.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let input: URL
    /// The `source` the report must carry (`content/000_….txt`, `Tests/ReportKitTests/Fixtures/layout-….txt`).
    let source: String
    let golden: URL

    var testDescription: String { source }

    static let testsDirectory = Fixture.directory()
    static let goldenDirectory = testsDirectory.appendingPathComponent("Golden")

    /// The seeds: `content/NNN_<hash>.txt` ↔ `Golden/seeds/NNN.json`. Only names of that shape,
    /// so reports added to `content/` later for the site do not become golden cases.
    static let seeds: [GoldenCase] = files(in: Fixture.repositoryRoot.appendingPathComponent("content"))
        .filter { url in
            let parts = url.deletingPathExtension().lastPathComponent.split(separator: "_")
            return url.pathExtension == "txt" && parts.count == 2 && parts[0].count == 3 && parts[0].allSatisfy(\.isNumber)
        }
        .map { url in
            let name = url.lastPathComponent
            let number = name.split(separator: "_").first.map(String.init) ?? url.deletingPathExtension().lastPathComponent
            return GoldenCase(input: url, source: "content/\(name)",
                              golden: goldenDirectory.appendingPathComponent("seeds/\(number).json"))
        }

    /// The layout fixtures: `Fixtures/layout-<name>.<ext>` ↔ `Golden/layout-<name>.json`.
    static let layouts: [GoldenCase] = files(in: testsDirectory.appendingPathComponent("Fixtures"))
        .filter { $0.lastPathComponent.hasPrefix("layout-") }
        .map { url in
            GoldenCase(input: url, source: "Tests/ReportKitTests/Fixtures/\(url.lastPathComponent)",
                       golden: goldenDirectory.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".json"))
        }

    static let all: [GoldenCase] = seeds + layouts

    private static func files(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }
    }
}

@Suite struct GoldenTests {
    /// Guards against a parameterised test that silently runs zero cases (a moved folder).
    @Test func findsEveryGoldenInput() {
        #expect(GoldenCase.seeds.count >= 5)
        #expect(GoldenCase.layouts.count >= 10)
        for c in GoldenCase.all where !FileManager.default.fileExists(atPath: c.golden.path) {
            Issue.record("no golden file for \(c.source) at \(c.golden.path)")
        }
    }

    @Test(arguments: GoldenCase.all)
    func parsesAsTheGoldenFileSays(_ c: GoldenCase) throws {
        let report = GoldenSupport.report(forFile: c.input, source: c.source)
        let actualJSON = GoldenSupport.comparable(report)
        let record = ProcessInfo.processInfo.environment["NIANBAO_RECORD"] == "1"

        guard !record, FileManager.default.fileExists(atPath: c.golden.path) else {
            try FileManager.default.createDirectory(at: c.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((actualJSON.serialized(pretty: true) + "\n").utf8).write(to: c.golden)
            Issue.record("recorded \(c.golden.path) from the parser's output: read it against \(c.source) value by value before committing")
            return
        }

        let golden = try GoldenJSON.canonical(JSONSerialization.jsonObject(with: Data(contentsOf: c.golden)))
        let actual = try GoldenJSON.canonical(JSONSerialization.jsonObject(with: Data(actualJSON.serialized().utf8)))
        if golden != actual {
            let diff = GoldenJSON.lineDiff(expected: golden.serialized(pretty: true), actual: actual.serialized(pretty: true))
            Issue.record("\(c.source) differs from \(c.golden.lastPathComponent) (- golden, + parsed):\n\(diff)")
        }
    }
}

/// Canonical form and readable diff for the golden comparison.
enum GoldenJSON {
    struct Unsupported: Error { let value: String }

    /// Objects with keys sorted, numbers as `Decimal`, `diagnostics` arrays sorted (a multiset).
    static func canonical(_ any: Any, key: String? = nil) throws -> JSONValue {
        switch any {
        case is NSNull:
            return .null
        case let s as String:
            return .string(s)
        case let n as NSNumber:
            // The contract has no booleans; every NSNumber is a number. Through `Double`'s
            // shortest round-trip spelling so `461.7` becomes exactly Decimal 461.7.
            let d = n.doubleValue
            if d == d.rounded(), abs(d) < 1e15 { return .number(Decimal(Int64(d))) }
            return .number(Decimal(string: "\(d)") ?? Decimal(d))
        case let a as [Any]:
            let items = try a.map { try canonical($0) }
            if key == "diagnostics" { return .array(items.sorted { $0.serialized() < $1.serialized() }) }
            return .array(items)
        case let o as [String: Any]:
            return .object(try o.keys.sorted().map { k in (k, try canonical(o[k]!, key: k)) })
        default:
            throw Unsupported(value: "\(type(of: any))")
        }
    }

    /// The differing lines of two texts (longest common subsequence), each with its line number
    /// in the golden (`-`) or parsed (`+`) text.
    static func lineDiff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        // Longest common subsequence lengths from the end; golden files are a few hundred lines.
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                out.append("+\(j + 1): \(b[j])"); j += 1
            } else {
                out.append("-\(i + 1): \(a[i])"); i += 1
            }
        }
        return out.joined(separator: "\n")
    }
}

/// Checks of the golden files themselves, which pass before any parser exists: they catch a
/// slip of the hand (a wrong key order, a total typed wrong) and pin the comparison helpers.
@Suite struct GoldenFileTests {
    static let contractKeys = ["source", "body", "region", "year", "format", "published",
                               "active", "applications", "review", "legacy", "diagnostics"]

    /// Each golden file is valid JSON with the contract's top-level keys in the contract's order
    /// and the `source` of its input.
    @Test(arguments: GoldenCase.all)
    func goldenFileHasTheContractShape(_ c: GoldenCase) throws {
        let text = try String(contentsOf: c.golden, encoding: .utf8)
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(Self.contractKeys))
        let offsets = Self.contractKeys.compactMap { text.range(of: "\n  \"\($0)\":")?.lowerBound }
        #expect(offsets.count == Self.contractKeys.count && offsets == offsets.sorted())
        #expect(object["source"] as? String == c.source)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        for d in diagnostics {
            #expect(Set(d.keys) == ["severity", "code", "line", "subject"])
            if let subject = d["subject"] as? [String: Any] {
                #expect(Set(subject.keys) == ["table", "row", "column"])
                #expect(TableKind(rawValue: subject["table"] as? String ?? "") != nil, "\(c.source): \(subject)")
            } else {
                #expect(d["subject"] is NSNull, "\(c.source): subject must be an object or null")
            }
        }
    }

    /// The arithmetic in each golden agrees with the diagnostics it expects: one
    /// `applications.rowTotal` per row, one `resultsTotal`/`balance` per column and one
    /// `review.groupTotal` per group that breaks its rule (operands that are null are not
    /// checked), and in the 2021 form `otherHandling` is the sum of its three sub-rows.
    @Test(arguments: GoldenCase.all)
    func goldenArithmeticMatchesItsDiagnostics(_ c: GoldenCase) throws {
        let object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: c.golden)) as? [String: Any])
        let diagnostics = (object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        func count(_ code: String) -> Int { diagnostics.filter { $0 == code }.count }
        var expected: [String: Int] = [:]

        if let apps = object["applications"] as? [String: [String: Any]] {
            let columns = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total"]
            func value(_ row: String, _ col: String) -> Decimal? {
                (apps[row]?[col] as? NSNumber).map { Decimal(string: "\($0.doubleValue)") ?? 0 }
            }
            func sum(_ rows: [String], _ col: String) -> Decimal? {
                var s: Decimal = 0
                for r in rows where apps[r] != nil { guard let v = value(r, col) else { return nil }; s += v }
                return s
            }
            for row in apps.keys {
                let parts = columns.dropLast().map { value(row, $0) }
                if let total = value(row, "total"), !parts.contains(where: { $0 == nil }),
                   parts.reduce(Decimal(0), { $0 + $1! }) != total {
                    expected["applications.rowTotal", default: 0] += 1
                }
            }
            let is2021 = object["format"] as? String == "2021"
            let resultRows = apps.keys.filter { k in
                k == "granted" || k == "partiallyGranted" || k.hasPrefix("denied.") || k.hasPrefix("unable.")
                    || k.hasPrefix("notProcessed.") || (is2021 ? k.hasPrefix("otherHandling.") : k == "otherHandling")
            }
            for col in columns {
                if let t = value("resultsTotal", col), let s = sum(resultRows, col), t != s {
                    expected["applications.resultsTotal", default: 0] += 1
                }
                if apps["newReceived"] != nil, apps["resultsTotal"] != nil,
                   let l = sum(["newReceived", "carriedOver"], col), let r = sum(["resultsTotal", "carriedForward"], col), l != r {
                    expected["applications.balance", default: 0] += 1
                }
                if is2021, apps["otherHandling"] != nil {
                    let subs = ["otherHandling.noCorrection", "otherHandling.unpaidFee", "otherHandling.other"]
                    #expect(value("otherHandling", col) == sum(subs, col), "otherHandling.\(col) is not the sum of its sub-rows")
                }
            }
        }
        if let review = object["review"] as? [String: [String: Any]] {
            for group in review.values {
                let v = ["upheld", "corrected", "other", "pending", "total"].map { (group[$0] as? NSNumber)?.intValue }
                if !v.contains(where: { $0 == nil }), v[0]! + v[1]! + v[2]! + v[3]! != v[4]! {
                    expected["review.groupTotal", default: 0] += 1
                }
            }
        }
        for code in ["applications.rowTotal", "applications.resultsTotal", "applications.balance", "review.groupTotal"] {
            #expect(count(code) == expected[code, default: 0], "\(c.source): \(code)")
        }
    }

    @Test func comparisonIgnoresKeyOrderAndDiagnosticOrderAndComparesNumbersAsDecimals() throws {
        let golden = #"{"b": 461.7, "a": 3, "diagnostics": [{"line": 9, "code": "x"}, {"line": 20, "code": "x"}]}"#
        let parsed = JSONValue.object([
            ("a", .int(3)), ("b", .number(Decimal(string: "461.7")!)),
            ("diagnostics", .array([.object([("code", .string("x")), ("line", .int(20))]),
                                    .object([("code", .string("x")), ("line", .int(9))])])),
        ])
        let g = try GoldenJSON.canonical(JSONSerialization.jsonObject(with: Data(golden.utf8)))
        let p = try GoldenJSON.canonical(JSONSerialization.jsonObject(with: Data(parsed.serialized().utf8)))
        #expect(g == p)
        let other = try GoldenJSON.canonical(JSONSerialization.jsonObject(with: Data(#"{"a": 3, "b": 461.8, "diagnostics": []}"#.utf8)))
        #expect(g != other)
    }

    @Test func lineDiffNamesTheChangedLines() {
        #expect(GoldenJSON.lineDiff(expected: "a\nb\nc", actual: "a\nB\nc") == "+2: B\n-2: b")
        #expect(GoldenJSON.lineDiff(expected: "a", actual: "a") == "")
    }
}
