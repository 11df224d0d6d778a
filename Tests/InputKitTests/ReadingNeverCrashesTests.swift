import Foundation
import NianbaoTestSupport
import ReportKit
import Testing
@testable import InputKit

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

    @Test func theMutatorIsDeterministic() {
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        let text = Array("一、总体情况\n二、主动公开政府信息情况\n".utf8)
        #expect(Mutator.mutate(text, rounds: 5, random: &a) == Mutator.mutate(text, rounds: 5, random: &b))
        #expect(Mutator.mutate(text, rounds: 5, random: &a) != text)
    }
}

/// A small seeded generator (SplitMix64), so every case is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The edits a damaged or hostile file shows: a byte flipped, a run deleted or duplicated,
/// bytes inserted that the reader treats specially (NUL, `---`, a table bar, a digit, a
/// GB18030 lead byte, a BOM).
enum Mutator {
    static let tokens: [[UInt8]] = [[0], Array("---\n".utf8), Array("|".utf8), Array("9".utf8), [0xFE, 0xFF], [0x81],
                                    [0xEF, 0xBB, 0xBF], Array("\n\n".utf8), Array("<table><tr><td>".utf8), Array("year: [[[".utf8)]

    static func mutate(_ input: [UInt8], rounds: Int, random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<rounds {
            let at = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            let length = min(bytes.count - at, 1 + Int(random.next() % 64))
            switch random.next() % 4 {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
            case 1: bytes.removeSubrange(at..<(at + length))
            case 2: bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
            default: bytes.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))], at: at)
            }
        }
        return bytes
    }
}
