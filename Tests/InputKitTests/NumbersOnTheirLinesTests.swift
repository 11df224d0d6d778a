import Foundation
import NianbaoTestSupport
import ReportKit
import Testing
@testable import InputKit
import nianbao_fuzz

/// Issue 12, the number half of the property: every value the parser reports is printed, as a
/// whole number, on the line it names (`PrintedNumbers`), in every layout the repository has a
/// fixture of, in the seeds and the corpus of `../shared`, and in seeded random mutations of
/// them all. (Reports generated in every era and layout: BenchTests' `GeneratedNumbersTests`.)
@Suite struct NumbersOnTheirLinesTests {
    /// Every report input among the repository's fixtures (not the expected outputs beside them).
    static let fixtures: [URL] = {
        let root = Fixture.repositoryRoot
        let folders = ["Tests/ReportKitTests/Fixtures", "Tests/InputKitTests/Fixtures/office", "content"]
        return folders.flatMap { folder -> [URL] in
            let dir = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.sorted()
                .filter { ["txt", "md", "html", "pdf", "docx"].contains(($0 as NSString).pathExtension) }
                .filter { !$0.hasSuffix(".layout.txt") && !$0.hasSuffix(".source.txt") && !$0.hasPrefix("long-") }
                .map { dir.appendingPathComponent($0) }
        }
    }()

    /// The seeds and the corpus of real reports in `../shared`, when it is there.
    static let shared: [URL] = ["seeds", "corpus/raw"].flatMap { folder -> [URL] in
        let dir = Fixture.shared.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    @Test func theFixturesCoverEveryFileKind() {
        #expect(Set(Self.fixtures.map(\.pathExtension)) == ["txt", "md", "html", "pdf", "docx"])
    }

    /// The fixtures that are no report at all (their reading is an error): nothing to check.
    static let notReports: Set<String> = ["scanned.pdf", "encrypted.pdf"]

    @Test(arguments: fixtures) func fixtureNumbersAreOnTheirLines(url: URL) throws {
        let misses = PrintedNumbers.misses(reading: try Self.bytes(url), path: url.lastPathComponent)
        #expect((misses == nil) == Self.notReports.contains(url.lastPathComponent), "\(url.lastPathComponent)")
        #expect(misses ?? [] == [], "\(url.lastPathComponent)")
    }

    @Test func sharedNumbersAreOnTheirLines() throws {
        guard !Self.shared.isEmpty else { return }              // no ../shared: nothing to read
        for url in Self.shared {
            let misses = PrintedNumbers.misses(reading: try Self.bytes(url), path: url.lastPathComponent) ?? []
            #expect(misses == [], "\(url.path)")
        }
    }

    /// Seeded mutations (`Mutator`, as `scripts/fuzz` makes them) of every fixture, read as its
    /// own kind: a value must still be on its line, whatever was broken.
    @Test(arguments: 0..<120) func mutatedFixtureNumbersAreOnTheirLines(seed: Int) throws {
        try checkMutation(of: Self.fixtures[seed % Self.fixtures.count], seed: seed)
    }

    /// The same for the seeds and real reports of `../shared` (nothing without it).
    @Test(arguments: 0..<60) func mutatedSharedNumbersAreOnTheirLines(seed: Int) throws {
        guard !Self.shared.isEmpty else { return }
        try checkMutation(of: Self.shared[seed % Self.shared.count], seed: seed)
    }

    func checkMutation(of url: URL, seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let mutated = Mutator.mutate(try Self.bytes(url), rounds: 1 + Int(random.next() % 8), random: &random)
        let misses = PrintedNumbers.misses(reading: mutated, path: url.lastPathComponent) ?? []
        #expect(misses == [], "seed \(seed): \(url.lastPathComponent)")
    }

    @Test func aTokenIsAWholeNumber() {
        #expect(PrintedNumbers.tokens(in: "一、本年新收\t13\t0\t1,234\t461.7万元\t-2\t1.2.3") == [13, 0, 1234, Decimal(string: "461.7")!, -2])
        #expect(!PrintedNumbers.tokens(in: "13").contains(3))
    }
}
