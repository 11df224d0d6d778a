/// The generator's only source of chance: xorshift64*, seeded, so the same seed gives the same
/// reports byte for byte on every machine (Swift's `SystemRandomNumberGenerator` cannot be seeded).
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x2545_F491_4F6C_DD1D : seed }

    /// A stream of its own for one purpose (`fork(7)` for report 7), so adding a report or a
    /// table to the templates does not shift every number after it.
    func fork(_ salt: UInt64) -> SeededRandom {
        var mixed = SeededRandom(seed: state ^ (salt &* 0x9E37_79B9_7F4A_7C15))
        _ = mixed.next()
        return mixed
    }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// Our own bounded draw (modulo; the bias is immaterial here), not `Int.random(in:using:)`,
    /// whose algorithm the standard library may change between releases.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    /// A small count, mostly 0, sometimes large: what the columns of 表三 look like.
    mutating func count(zero: Double, max top: Int) -> Int {
        chance(zero) ? 0 : int(1...Swift.max(1, chance(0.8) ? top / 4 : top))
    }

    /// Picks by weight: `[(value, weight)]`.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = int(0...(items.reduce(0) { $0 + $1.1 } - 1))
        for (value, weight) in items {
            if roll < weight { return value }
            roll -= weight
        }
        return items[items.count - 1].0
    }
}
