import Foundation
import Testing
import ReportKit
import SiteKit
@testable import nianbao_bench

// The benchmark's report generator must not rot silently: a small generated set is parsed
// here as nianbao parses a content folder (decode, parse, checks across years), and every
// report must come out in the era it was written in, with warnings exactly where a rule was
// broken on purpose. A template change that trips the parser fails here, not as a quietly
// different benchmark.

@Suite struct ReportGeneratorTests {
    /// One in four reports broken, so 240 reports show every kind of break.
    static let reports: [GeneratedReport] = {
        var generator = CorpusGenerator(seed: 11)
        generator.faultShare = 0.25
        return generator.reports(count: 240)
    }()

    /// Parses the generated files as the pipeline does: each file alone, then `PortalChecks`.
    static let parsed: [Report] = {
        var parsed = reports.map { r in
            ReportReader.standard.read(Data(r.bytes), path: r.fileName, source: r.fileName).report!
        }
        for (index, extra) in PortalChecks.check(parsed) { parsed[index].diagnostics += extra }
        return parsed
    }()

    @Test func everyReportParsesInItsEra() {
        for (r, report) in zip(Self.reports, Self.parsed) {
            #expect(report.format.rawValue == r.era.rawValue, "\(r.fileName) (\(r.layout))")
            #expect(report.year == r.year, "\(r.fileName)")
        }
    }

    @Test func warningsExactlyWhereARuleWasBroken() {
        for (r, report) in zip(Self.reports, Self.parsed) {
            let codes = Set(report.diagnostics.filter { $0.severity >= .warning }.map(\.code.rawValue))
            #expect(codes == r.expectedCodes, "\(r.fileName) (\(r.era.rawValue), \(r.layout), \(r.fault?.rawValue ?? "clean"))")
        }
        let broken = zip(Self.reports, Self.parsed).filter { !$0.1.diagnostics.filter { $0.severity >= .warning }.isEmpty }
        #expect(broken.count == Self.reports.filter { $0.fault != nil }.count)
    }

    /// The set covers what the benchmark claims: three eras, six layouts, four kinds of break.
    @Test func coversEveryEraLayoutAndBreak() {
        #expect(Set(Self.reports.map(\.era)) == Set(Era.allCases))
        #expect(Set(Self.reports.map(\.layout)) == Set(Layout.allCases))
        #expect(Set(Self.reports.compactMap(\.fault)) == Set(Break.allCases))
    }

    @Test func sameSeedSameBytesAndAddingOneKeepsTheRest() {
        let a = CorpusGenerator(seed: 5).reports(count: 30)
        let b = CorpusGenerator(seed: 5).reports(count: 31)
        #expect(a.map(\.bytes) == b.prefix(30).map(\.bytes))
        #expect(a.map(\.bytes) != CorpusGenerator(seed: 6).reports(count: 30).map(\.bytes))
    }

    /// The benchmark's edit changes one number, in one report, and nothing else.
    @Test func nudgeChangesOneNumberOfOneReport() {
        let plain = CorpusGenerator(seed: 5).reports(count: 30)
        let nudged = CorpusGenerator(seed: 5).reports(count: 30, nudge: 12)
        for i in plain.indices where i != 12 { #expect(plain[i].bytes == nudged[i].bytes) }
        let before = String(decoding: plain[12].bytes, as: UTF8.self), after = String(decoding: nudged[12].bytes, as: UTF8.self)
        let changed = zip(before.split(separator: "\n", omittingEmptySubsequences: false),
                          after.split(separator: "\n", omittingEmptySubsequences: false))
            .filter { $0 != $1 }
        #expect(changed.count == 1)
    }

    /// Reports are about 10 KB, like the seeds and the corpus.
    @Test func reportsHaveRealisticLength() {
        let mean = Self.reports.reduce(0) { $0 + $1.bytes.count } / Self.reports.count
        #expect((8_000...16_000).contains(mean))
    }
}
