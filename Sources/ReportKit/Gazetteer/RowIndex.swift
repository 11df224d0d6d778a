/// Name key → rows, storing the common case (one row) inline: a dictionary of arrays cost one
/// allocation per name, 80,000 of them at load.
struct RowIndex: Sendable {
    /// A row (≥ 0), or `-(i + 1)` for `multiple[i]`.
    private var entries: [UInt64: Int32] = [:]
    private var multiple: [[Int32]] = []

    init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
    }

    subscript(key: UInt64) -> [Int32]? {
        guard let e = entries[key] else { return nil }
        return e >= 0 ? [e] : multiple[Int(-e - 1)]
    }

    func contains(_ key: UInt64) -> Bool { entries[key] != nil }

    /// Adds a row under a key unless it is there already.
    mutating func add(_ row: Int32, for key: UInt64) {
        guard let e = entries[key] else { entries[key] = row; return }
        if e >= 0 {
            guard e != row else { return }
            multiple.append([e, row])
            entries[key] = -Int32(multiple.count)
        } else if !multiple[Int(-e - 1)].contains(row) {
            multiple[Int(-e - 1)].append(row)
        }
    }
}
