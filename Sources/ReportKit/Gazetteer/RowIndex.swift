/// Name key → rows, storing the common case (one row) inline: a dictionary of arrays cost one
/// allocation per name, 80,000 of them at load.
///
/// An open-addressing table of its own rather than a `Dictionary`: the keys are already hashes
/// (`NameKey`), so a multiply picks the slot, where a `Dictionary` runs SipHash on each of the
/// 95,000 keys a load adds (issue 10: the gazetteer's load was ~3 % of an edit build's CPU,
/// most of it here). Rows come back in the order they were added, as before.
struct RowIndex: Sendable {
    /// The slot's key, meaningful where `values` is not `empty`.
    private var keys: [UInt64]
    /// A row (≥ 0), `-(i + 1)` for `multiple[i]`, or `empty`.
    private var values: [Int32]
    private var multiple: [[Int32]] = []
    /// Keys held; the table doubles before it is half full.
    private(set) var count = 0
    private var shift: UInt64

    private static let empty = Int32.min

    init(capacity: Int = 0) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Int32](repeating: Self.empty, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        let mask = values.count - 1
        var s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while values[s] != Self.empty && keys[s] != key { s = (s + 1) & mask }
        return s
    }

    subscript(key: UInt64) -> [Int32]? {
        let e = values[slot(key)]
        guard e != Self.empty else { return nil }
        return e >= 0 ? [e] : multiple[Int(-e - 1)]
    }

    func contains(_ key: UInt64) -> Bool { values[slot(key)] != Self.empty }

    /// Adds a row under a key unless it is there already.
    mutating func add(_ row: Int32, for key: UInt64) {
        let s = slot(key)
        let e = values[s]
        if e == Self.empty {
            keys[s] = key
            values[s] = row
            count += 1
            if count * 2 > values.count { grow() }
        } else if e >= 0 {
            guard e != row else { return }
            multiple.append([e, row])
            values[s] = -Int32(multiple.count)
        } else if !multiple[Int(-e - 1)].contains(row) {
            multiple[Int(-e - 1)].append(row)
        }
    }

    /// Twice the slots, every key placed again.
    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldValues.count * 2)
        values = [Int32](repeating: Self.empty, count: oldValues.count * 2)
        shift -= 1
        for i in oldValues.indices where oldValues[i] != Self.empty {
            let s = slot(oldKeys[i])
            keys[s] = oldKeys[i]
            values[s] = oldValues[i]
        }
    }
}
