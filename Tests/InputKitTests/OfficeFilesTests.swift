import Testing
import Foundation
import NianbaoTestSupport
@testable import InputKit

/// Real Word and PDF files read through the reading path: the two PDFs a corpus report was
/// pasted from, against their hand-checked keys; and the files `scripts/make-office-fixtures`
/// rendered from real reports, each against the report it came from, value by value.
@Suite struct OfficeFilesTests {
    static let fixtures = Fixture.directory().appendingPathComponent("Fixtures")
    static let office = fixtures.appendingPathComponent("office")

    static func read(_ url: URL) -> ReportReader.Outcome {
        ReportReader.standard.read(fileAt: url, path: url.lastPathComponent, source: url.lastPathComponent)
    }

    /// A report's values as `extract` prints them, flattened to paths (`applications.granted.total`),
    /// without the lines and printed texts (which differ between a file and its rendition).
    static func values(_ report: Report) throws -> [String: String] {
        let json = try JSONSerialization.jsonObject(with: Data(report.json.serialized().utf8)) as! [String: Any]
        var out: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            if let d = value as? [String: Any] {
                for (k, v) in d where k != "line" && k != "text" { walk(v, path + "." + k) }
            } else if let a = value as? [Any] {
                for (i, v) in a.enumerated() { walk(v, path + "[\(i)]") }
            } else if !(value is NSNull) {
                out[path] = "\(value)"
            }
        }
        for key in ["year", "format", "published", "body", "region", "active", "applications", "review", "legacy"] {
            if let v = json[key] { walk(v, key) }
        }
        return out
    }

    // MARK: the originals

    /// Where each answer-key field is in `report.json` (as `../shared/tools/score-extract` reads
    /// it: the first path that holds a value).
    static let keyPaths: [String: [[String]]] = {
        var paths: [String: [[String]]] = [
            "body": [["body"]], "province": [["region", "province"]], "city": [["region", "city"]], "county": [["region", "county"]],
            "town": [["region", "town"]], "code": [["region", "code"]], "year": [["year"]], "format": [["format"]],
            "publish_date": [["published"]],
            "regulations_new": [["active", "regulations", "newlyMade"], ["active", "regulations", "issued"]],
            "normative_docs_new": [["active", "normativeDocuments", "newlyMade"], ["active", "normativeDocuments", "issued"]],
            "licensing_decisions": [["active", "licensing", "decisions"]], "penalty_decisions": [["active", "penalty", "decisions"]],
            "fee_amount": [["active", "fees", "amount"], ["active", "fees", "change"]],
        ]
        let applications = ["applications_new_total": ("newReceived", "total"), "natural_person_new": ("newReceived", "naturalPerson"),
                            "applications_carried_total": ("carriedOver", "total"), "granted_total": ("granted", "total"),
                            "results_total": ("resultsTotal", "total"), "carried_next_total": ("carriedForward", "total")]
        for (field, (row, column)) in applications { paths[field] = [["applications", row, column]] }
        for (field, row) in ["review_total": "review", "litigation_direct_total": "litigationDirect",
                             "litigation_after_review_total": "litigationAfterReview"] {
            paths[field] = [["review", row, "total"]]
        }
        return paths
    }()

    @Test(arguments: ["A001", "B001"])
    func theOriginalPDFsGiveEveryValueOfTheirKeys(id: String) throws {
        let outcome = Self.read(Self.fixtures.appendingPathComponent("originals/\(id).pdf"))
        let report = try #require(outcome.report)
        #expect(outcome.document.kind == .pdf)
        let keyFile = Self.fixtures.appendingPathComponent("originals/\(id).json")
        let key = try JSONSerialization.jsonObject(with: Data(contentsOf: keyFile)) as! [String: Any]
        let json = try JSONSerialization.jsonObject(with: Data(report.json.serialized().utf8)) as! [String: Any]
        var checked = 0
        for (field, want) in key where field != "inconsistencies" {
            let paths = try #require(Self.keyPaths[field], "no path for \(field)")
            let gotText = paths.lazy.compactMap { path -> String? in
                var got: Any? = json
                for step in path { got = (got as? [String: Any])?[step] }
                return got.flatMap { $0 is NSNull ? nil : "\($0)" }
            }.first
            let accepted = (want as? [Any]) ?? [want]
            let ok = accepted.contains { w in
                w is NSNull ? gotText == nil : gotText.flatMap { Decimal(string: $0) } != nil
                    ? Decimal(string: gotText!) == Decimal(string: "\(w)") : gotText == "\(w)"
            }
            #expect(ok, "\(id) \(field): want \(want), got \(gotText ?? "null")")
            checked += 1
        }
        #expect(checked == key.count - 1)
        // Both keys list broken sums in table 四 (the totals are printed as 0, or add up).
        let flagged = report.diagnostics.contains { $0.code.rawValue.hasPrefix("review.") || $0.code.rawValue.hasPrefix("applications.") }
        #expect(flagged == !((key["inconsistencies"] as? [Any]) ?? []).isEmpty)
    }

    // MARK: the round trip

    static let rendered = ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004",
                           "A001", "B001", "B014", "P003", "P004", "H003-pasted"]

    static func source(_ name: String) throws -> URL {
        let file = try FileManager.default.contentsOfDirectory(atPath: office.path).first { $0.hasPrefix(name + ".source.") }
        return office.appendingPathComponent(try #require(file))
    }

    static func differences(_ name: String, _ ext: String) throws -> [String] {
        let want = try values(try #require(read(try source(name)).report))
        let outcome = read(office.appendingPathComponent("\(name).\(ext)"))
        let got = try values(try #require(outcome.report, "\(name).\(ext): \(outcome.problems.map(\.message))"))
        return Set(want.keys).union(got.keys).sorted().filter { want[$0] != got[$0] }
            .map { "\($0): \(want[$0] ?? "nil") → \(got[$0] ?? "nil")" }
    }

    @Test(arguments: rendered)
    func everyWordFileGivesEveryValueOfItsReport(name: String) throws {
        #expect(try Self.differences(name, "docx") == [])
    }

    @Test(arguments: rendered)
    func everyPDFGivesEveryValueOfItsReport(name: String) throws {
        #expect(try Self.differences(name, "pdf") == [])
    }

    /// `pdftotext -layout` text goes through the text reader, whose table layouts are the parser's
    /// (issue 9's other half): the files it does not read yet are listed, and a file that starts
    /// to read fully fails here until it is taken off the list.
    static let layoutNotReadYet: Set<String> = ["B001"]

    @Test(arguments: rendered)
    func pdftotextLayoutTextGivesEveryValueOfItsReport(name: String) throws {
        let differences = try Self.differences(name, "layout.txt")
        if Self.layoutNotReadYet.contains(name) {
            withKnownIssue("pdftotext -layout tables are not read yet") { #expect(differences == []) }
        } else {
            #expect(differences == [])
        }
    }

    // MARK: files that cannot be read

    @Test func aScannedPDFIsOneClearError() throws {
        let outcome = Self.read(Self.office.appendingPathComponent("scanned.pdf"))
        #expect(outcome.report == nil)
        #expect(outcome.problems.map(\.code) == ["file.scanned"])
        #expect(outcome.problems.first?.message.hasPrefix("PDF 是扫描件，无法读取文字") == true)
    }

    @Test func anEncryptedPDFIsOneClearError() throws {
        let outcome = Self.read(Self.office.appendingPathComponent("encrypted.pdf"))
        #expect(outcome.problems.map(\.code) == ["file.encrypted"])
        #expect(outcome.problems.first?.severity == .error)
    }

    @Test func aCutPDFIsOneClearError() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("originals/A001.pdf"))
        let outcome = ReportReader.standard.read(data.prefix(2000), path: "a.pdf", source: "content/a.pdf")
        #expect(outcome.report == nil)
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems.first.map { ["file.damaged", "file.scanned"].contains($0.code.rawValue) } == true)
    }

    @Test func aLongPDFIsReadWhole() throws {
        // 301 pages: seed-001's report, then an appendix of tables over the rest. Every page is read
        // (the report's values are all there, and the last page's rows are in the rendition).
        let url = Self.office.appendingPathComponent("long-300.pdf")
        let outcome = Self.read(url)
        let report = try #require(outcome.report)
        #expect(outcome.document.text.contains("第 301 页\n"))
        #expect(outcome.document.text.contains("\n7120\t王岗镇关于第7120项工作的通知\t2020-05-09\n"))
        let seed = try Self.values(try #require(Self.read(try Self.source("seed-001")).report))
        let long = try Self.values(report)
        #expect(seed.filter { $0.key.hasPrefix("applications") || $0.key.hasPrefix("review") || $0.key.hasPrefix("active") }
            .allSatisfy { long[$0.key] == $0.value })
    }
}
