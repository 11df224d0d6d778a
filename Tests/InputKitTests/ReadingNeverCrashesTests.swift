import Foundation
import NianbaoTestSupport
import ReportKit
import Testing
@testable import InputKit
@testable import nianbao_fuzz

/// Issue 12, part B: whatever the bytes, `ReportReader` returns — a report, or no report and
/// exactly one error saying why — and never crashes. Random bytes and seeded random mutations
/// of the seed reports; the seed of each case is in its name, so a failure is replayed by
/// running that case (`scripts/fuzz` runs the same mutations without end).
@Suite struct ReadingNeverCrashesTests {
    static let seeds: [String] = (try? FileManager.default.contentsOfDirectory(atPath: Fixture.seeds.path).sorted()) ?? []

    func check(_ bytes: [UInt8], path: String) {
        let outcome = ReportReader().read(Data(bytes), path: path, source: "content/\(path)")
        if let report = outcome.report {
            #expect(outcome.problems.isEmpty)
            for d in report.diagnostics {
                #expect(DiagnosticCatalogue.entry(d.code) != nil, "uncatalogued \(d.code)")
                #expect(d.line.map { $0 >= 1 } ?? true)
            }
        } else {
            #expect(outcome.problems.count == 1)
            #expect(outcome.problems.first?.severity == .error)
            #expect(outcome.problems.first.map { DiagnosticCatalogue.entry($0.code) != nil } == true)
        }
    }

    @Test(arguments: 0..<40) func randomBytes(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let count = Int(random.next() % 4096)
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        for ext in ["txt", "md", "html", "pdf", "docx"] { check(bytes, path: "r.\(ext)") }
    }

    @Test(arguments: 0..<60) func mutatedSeeds(seed: Int) throws {
        guard !Self.seeds.isEmpty else { return }
        var random = SplitMix64(seed: UInt64(seed))
        let name = Self.seeds[seed % Self.seeds.count]
        let original = [UInt8](try Data(contentsOf: Fixture.seeds.appendingPathComponent(name)))
        let mutated = Mutator.mutate(original, rounds: 1 + Int(random.next() % 8), random: &random)
        check(mutated, path: seed % 3 == 0 ? "m.html" : "m.txt")
    }

    /// `scripts/fuzz` seeds: the opening and each section alone, tagged with the kind byte
    /// (0 = txt), cut at a line end under the limit; a Word file kept whole (tag 4).
    @Test func seedsAreCutAtSectionsAndLineEnds() {
        let text = Array("标题\n一、总体\nabc\n二、主动\n表1\nx\n".utf8)
        #expect(SeedCutter.pieces(of: text, fileExtension: "txt", max: 64).map { String(decoding: $0.dropFirst(), as: UTF8.self) }
                == ["标题\n一、总体\nabc\n二、主动\n表1\nx\n", "一、总体\nabc\n二、主动\n表1\nx\n", "二、主动\n表1\nx\n", "表1\nx\n"])
        #expect(SeedCutter.pieces(of: text, fileExtension: "txt", max: 64).map(\.first) == [0, 0, 0, 0])
        #expect(SeedCutter.pieces(of: text, fileExtension: "txt", max: 20).map { String(decoding: $0.dropFirst(), as: UTF8.self) }
                == ["标题\n", "一、总体\nabc\n", "二、主动\n表1\n", "表1\nx\n"])
        #expect(SeedCutter.pieces(of: [0x50, 0x4B], fileExtension: "docx", max: 1) == [[4, 0x50, 0x4B]])
    }

    @Test func theMutatorIsDeterministic() {
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        let text = Array("一、总体情况\n二、主动公开政府信息情况\n".utf8)
        #expect(Mutator.mutate(text, rounds: 5, random: &a) == Mutator.mutate(text, rounds: 5, random: &b))
        #expect(Mutator.mutate(text, rounds: 5, random: &a) != text)
    }
}
