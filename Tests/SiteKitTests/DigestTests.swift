import Foundation
import Testing
@testable import SiteKit

@Suite struct DigestTests {
    /// Reference values from the xxHash library (`xxhash.xxh64(data, seed=0)`, python-xxhash 4.1.0).
    static let vectors: [(Data, String)] = [
        (Data(), "ef46db3751d8e999"),
        (Data("a".utf8), "d24ec4f1a98c6e5b"),
        (Data("abc".utf8), "44bc2cf5ad770999"),
        (Data("Nobody inspects the spammish repetition".utf8), "fbcea83c8a378bf1"),
        (Data((0..<3).flatMap { _ in (0...255).map { UInt8($0) } } + Array("xyz".utf8)), "e921a1b45bd779f8"),
    ]

    @Test func matchesXXH64() {
        for (data, hex) in Self.vectors { #expect(Digest.hex(of: data) == hex, "\(data.count) bytes") }
    }

    @Test func feedingInPiecesGivesTheSameDigest() {
        let (data, hex) = Self.vectors[4]
        for step in [1, 3, 7, 31, 32, 33, 100] {
            var d = Digest()
            var i = 0
            while i < data.count {
                let j = min(i + step, data.count)
                data[i..<j].withUnsafeBytes { d.add(bytes: $0) }
                i = j
            }
            #expect(d.hex == hex, "step \(step)")
        }
    }

    @Test func stringsAreFedWithTheirLength() {
        var ab = Digest(), a = Digest()
        ab.add("ab"); ab.add("c")
        a.add("a"); a.add("bc")
        #expect(ab.hex != a.hex)
    }

    struct Pair: Encodable { let a: [[String]]; let b: String }
    struct Numbers: Encodable { let small: UInt8; let float: Float; let decimal: Decimal? }

    @Test func encodedTreesDigestByShape() {
        let digests = [
            Pair(a: [["x"], ["y"]], b: ""), Pair(a: [["x", "y"]], b: ""), Pair(a: [["x"], [], ["y"]], b: ""),
            Pair(a: [["x"]], b: "y"), Pair(a: [], b: "xy"),
        ].map { DigestEncoder.digest($0).hex }
        #expect(Set(digests).count == digests.count)
        #expect(DigestEncoder.digest(Pair(a: [["x"]], b: "y")).hex == DigestEncoder.digest(Pair(a: [["x"]], b: "y")).hex)
    }

    /// Strings encoded one by one through an unkeyed container: what an array of strings
    /// did before `DigestEncoder.Node.lines` fed it directly.
    struct Strings: Encodable {
        let strings: [String]
        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            for s in strings { try c.encode(s) }
        }
    }
    struct Nested: Encodable { let lines: Strings; let more: [Strings] }
    struct NestedArrays: Encodable { let lines: [String]; let more: [[String]] }

    /// The fast path for `[String]` (a CSV frame) feeds what its container fed: frame digests
    /// in pages.bin and the manifest keep their values.
    @Test func anArrayOfStringsDigestsAsItsContainerDid() {
        let lines = (0..<12).map { "line \($0),\u{4e00}" }
        #expect(DigestEncoder.digest(lines).hex == DigestEncoder.digest(Strings(strings: lines)).hex)
        #expect(DigestEncoder.digest([String]()).hex == DigestEncoder.digest(Strings(strings: [])).hex)
        let nested = NestedArrays(lines: lines, more: [["a"], [], lines])
        let slow = Nested(lines: Strings(strings: lines), more: [Strings(strings: ["a"]), Strings(strings: []), Strings(strings: lines)])
        #expect(DigestEncoder.digest(nested).hex == DigestEncoder.digest(slow).hex)
        #expect(DigestEncoder.digest(lines).hex != DigestEncoder.digest(Array(lines.reversed())).hex)
    }

    @Test func everyKindOfNumberCounts() {
        let digests = [
            Numbers(small: 1, float: 1, decimal: 1), Numbers(small: 2, float: 1, decimal: 1),
            Numbers(small: 1, float: 1.5, decimal: 1), Numbers(small: 1, float: 1, decimal: nil),
        ].map { DigestEncoder.digest($0).hex }
        #expect(Set(digests).count == digests.count)
    }
}
