import Foundation
import Testing
@testable import ReportKit

/// The seeds' readings: what each prints and how it is read.
@Suite("Parser seeds")
struct SeedTests {
    @Test func seed000InconsistenciesAreDiagnosedOnTheirLines() throws {
        let (_, r) = try ParserFixture.seed("000_")
        #expect(r.body == "兴庆区掌政镇人民政府")
        #expect(r.year == 2020)
        #expect(r.format == .v2019)
        #expect(r.published == "2021-01-25")
        #expect(r.codesAndLines == [
            "applications.cellCount@72", "applications.cellCount@73", "applications.cellCount@74",
            "applications.cellCount@75", "applications.cellCount@76", "applications.cellCount@77",
            "applications.cellCount@78", "applications.cellCount@92", "applications.cellCount@93",
            "applications.rowTotal@84", "applications.resultsTotal@93",
            "applications.balance@94", "applications.balance@94",
        ])
        // `(七) 总计` with 3 0 0 0 0 0 0 0 reads all 0.
        #expect(r.row(r.tables.applications, "resultsTotal") == [0, 0, 0, 0, 0, 0, 0])
        #expect(r.row(r.tables.applications, "unable.notHeld") == [3, 0, 0, 0, 0, 0, 0])
        #expect(r.diagnostics.first { $0.code == "applications.rowTotal" }?.message
                == "表三 1.本机关不掌握相关政府信息: 总计 0 ≠ 自然人 3 + 法人或其他组织 0")
    }

    @Test func seed001ReadsSignedChangesAndMoney() throws {
        let (_, r) = try ParserFixture.seed("001_")
        #expect(r.body == "南岗区王岗镇人民政府")
        #expect(r.row(r.tables.active, "penalty") == [0, 1, 3])
        #expect(r.tables.active?.value("procurement", "amount") == Decimal(string: "461.7"))
        #expect(r.row(r.tables.review, "litigationAfterReview") == [1, 0, 0, 0, 1])
    }

    @Test func seed002LegacyUsesSignatureDate() throws {
        let (_, r) = try ParserFixture.seed("002_")
        #expect(r.format == .legacy)
        #expect(r.published == "2017-01-20")
        #expect(r.tables.legacy?.activeTotal == 665)
        #expect(r.tables.legacy?.applicationsReceived == 0)
        #expect(r.diagnostics.filter { $0.severity != .info } == [])
    }

    @Test func seed003TakesBodyFromPlaceInTitle() throws {
        let (_, r) = try ParserFixture.seed("003_")
        #expect(r.body == "隆德县城关镇人民政府")
        #expect(r.format == .v2021)
        #expect(r.published == nil)
    }

    @Test func seed004ReadsPDFText() throws {
        let (_, r) = try ParserFixture.seed("004_")
        #expect(r.body == "银川市西夏区兴泾镇人民政府")
        #expect(r.year == 2020)
        #expect(r.row(r.tables.applications, "resultsTotal") == [0, 0, 0, 0, 0, 0, 0])
        #expect(r.row(r.tables.review, "review") == [0, 0, 0, 0, 0])
        #expect(r.diagnostics == [])
        // Broken prose lines are re-joined into paragraphs.
        let first = r.blocks.first { if case .paragraph = $0 { return true } else { return false } }
        if case .paragraph(let text, let line)? = first {
            #expect(line == 4)
            #expect(text.hasPrefix("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）及"))
        } else {
            Issue.record("no paragraph")
        }
    }
}
