import Foundation
import InputKit
import NianbaoTestSupport
import ReportKit
import Testing
import nianbao_fuzz
@testable import nianbao_bench

/// Issue 12, the number half of the property, over generated reports: in every era and every
/// layout the generator writes (tab, GB18030, pipe, PDF text, crawler-flattened, HTML), and in
/// seeded mutations of them, every value the parser reports is a whole number printed on the
/// line it names (`PrintedNumbers`). The repository's fixtures, seeds and corpus:
/// InputKitTests' `NumbersOnTheirLinesTests`.
@Suite struct GeneratedNumbersTests {
    /// The generator's set (one in four with a rule broken on purpose) covers every layout of every era.
    @Test func theSetCoversEveryEraAndLayout() {
        let pairs = Set(ReportGeneratorTests.reports.map { "\($0.era.rawValue)/\($0.layout.rawValue)" })
        let expected = Set(Era.allCases.flatMap { era in
            Layout.allCases.filter { era != .legacy || ![.pdf, .flattened].contains($0) }.map { "\(era.rawValue)/\($0.rawValue)" }
        })
        #expect(pairs == expected)
    }

    @Test func generatedNumbersAreOnTheirLines() {
        for r in ReportGeneratorTests.reports {
            #expect(PrintedNumbers.misses(reading: r.bytes, path: r.fileName) == [], "\(r.fileName) (\(r.era.rawValue), \(r.layout))")
        }
    }

    /// Each generated report mutated once (`Mutator`, seeded by its index).
    @Test func mutatedGeneratedNumbersAreOnTheirLines() {
        for r in ReportGeneratorTests.reports {
            var random = SplitMix64(seed: UInt64(r.index))
            let mutated = Mutator.mutate(r.bytes, rounds: 1 + Int(random.next() % 8), random: &random)
            #expect(PrintedNumbers.misses(reading: mutated, path: r.fileName) ?? [] == [], "seed \(r.index): \(r.fileName) (\(r.era.rawValue), \(r.layout))")
        }
    }
}
