/// A small seeded generator (SplitMix64): a mutation run is replayed from its seed alone.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The edits a damaged or hostile file shows: a bit flipped, a run deleted or doubled, or
/// bytes inserted that the reading path treats specially (NUL, a front matter fence, a table
/// bar, a digit, a BOM, a GB18030 lead byte, deep YAML). Shared by the property test
/// (`ReadingNeverCrashesTests`) and the mutation loop of `scripts/fuzz`.
public enum Mutator {
    static let tokens: [[UInt8]] = [[0], Array("---\n".utf8), Array("|".utf8), Array("9".utf8), [0xFE, 0xFF], [0x81],
                                    [0xEF, 0xBB, 0xBF], Array("\n\n".utf8), Array("<table><tr><td>".utf8), Array("year: [[[".utf8)]

    public static func mutate(_ input: [UInt8], rounds: Int, random: inout SplitMix64) -> [UInt8] {
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
