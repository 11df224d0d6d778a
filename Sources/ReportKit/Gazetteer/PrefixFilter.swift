/// The keys of every prefix of every name, as a one-bit-per-slot filter: `contains` may say yes
/// for a prefix no name has (about 5% of the time), never no for one that some name has. A scan
/// uses it only to stop extending a candidate early, so a false yes costs one dictionary lookup.
/// It replaced a `Set<UInt64>` whose 240,000 inserts were the largest part of the load time.
struct PrefixFilter: Sendable {
    static let bits = 22
    private var words: [UInt64]

    init() {
        words = [UInt64](repeating: 0, count: (1 << Self.bits) / 64)
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    @inline(__always)
    mutating func insert(_ key: UInt64) {
        let s = Self.slot(key)
        words[s >> 6] |= 1 << UInt64(s & 63)
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let s = Self.slot(key)
        return words[s >> 6] & (1 << UInt64(s & 63)) != 0
    }
}
