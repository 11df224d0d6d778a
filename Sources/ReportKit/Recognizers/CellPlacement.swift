import Foundation

/// Places the value tokens of a row that has the wrong number of cells, by the
/// form's row identity (table 三: 总计 = 自然人 + the five 法人或其他组织 columns).
///
/// Every order-preserving placement of the tokens into the columns is tried (fewer tokens
/// than columns: which columns are missing; more: which tokens are surplus). A placement is
/// kept when the identity holds, a missing column taking the value the identity gives (≥ 0)
/// when it is the only unknown. A column keeps a value only when every kept placement agrees
/// on it; otherwise it is `nil`. A form without a row identity places nothing. Never: a guess.
///
///     `3 0 0 0 0 0 0 0` (8 tokens) → only dropping the 3 adds up → all 0
///     `0 0 0 0 0 0` (6 tokens)     → every placement gives 0 → all 0
public enum CellPlacement {
    /// At most this many surplus or missing tokens are tried (bounded enumeration).
    static let maxShift = 4

    /// A row identity over cell positions: `cells[total] = Σ cells[parts]` in a row of `width` cells.
    public struct Sum: Sendable, Hashable {
        public let width: Int
        public let total: Int
        public let parts: [Int]

        /// The identity of `form`'s block of `row` over its columns, `nil` when the form has none.
        public init?(form: Form, row: String? = nil) {
            guard let block = row.flatMap({ form.block(containing: $0) }) ?? form.blocks.first else { return nil }
            let columns = block.columns.map(\.key)
            guard let p = form.identities.lazy.compactMap({ $0.rowTotal?.positions(in: columns) }).first else { return nil }
            width = columns.count
            total = p.total
            parts = p.parts
        }

        /// Whether complete values add up (a `nil` part or total: no).
        public func holds(_ row: [Decimal?]) -> Bool {
            guard row.count == width, let t = row[total] else { return false }
            var sum = Decimal(0)
            for p in parts {
                guard let v = row[p] else { return false }
                sum += v
            }
            return sum == t
        }
    }

    /// One placed column: its value, and the index of the printed token it came from — `nil`
    /// when no token was placed there (the value is then `nil`, or the one the identity gives).
    /// The reader takes the cell's printed text and line from that token: a value placed from
    /// a token on line 86 is on line 86, not on the row's first line.
    public struct Placed: Hashable, Sendable {
        public var value: Decimal?
        public var token: Int?

        public init(value: Decimal?, token: Int?) {
            self.value = value
            self.token = token
        }

        static let unknown = Placed(value: nil, token: nil)
    }

    public static func place(_ values: [Decimal?], sum: Sum?, columns: Int) -> [Decimal?] {
        placeTokens(values, sum: sum, columns: columns).map(\.value)
    }

    /// `place`, saying which token each column's value came from.
    public static func placeTokens(_ values: [Decimal?], sum: Sum?, columns: Int) -> [Placed] {
        let n = values.count
        if n == columns { return values.enumerated().map { Placed(value: $1, token: $0) } }
        let none = [Placed](repeating: .unknown, count: columns)
        guard let sum, sum.width == columns, n > 0, abs(n - columns) <= maxShift else { return none }
        var kept: [[Placed]] = []
        if n > columns {
            forEachChoice(n, columns) { chosen in
                let row = chosen.map { values[$0] }
                if row.contains(where: { $0 == nil }) { return }
                if sum.holds(row) { kept.append(chosen.map { Placed(value: values[$0], token: $0) }) }
            }
        } else {
            if values.contains(where: { $0 == nil }) { return none }
            forEachChoice(columns, n) { positions in
                if let solved = solve(spread(values, at: positions, columns: columns), sum) {
                    kept.append(placed(solved, tokensAt: positions))
                }
            }
        }
        guard let first = kept.first else { return none }
        return agreed(first, kept.dropFirst())
    }

    /// `values` put at `positions` of a row of `columns` cells, the rest `nil`.
    static func spread(_ values: [Decimal?], at positions: [Int], columns: Int) -> [Decimal?] {
        var row = [Decimal?](repeating: nil, count: columns)
        for (k, p) in positions.enumerated() { row[p] = values[k] }
        return row
    }

    /// A solved row as placed cells: token `k` at `positions[k]`, a solved value at no token.
    static func placed(_ row: [Decimal?], tokensAt positions: [Int]) -> [Placed] {
        var cells = row.map { Placed(value: $0, token: nil) }
        for (k, p) in positions.enumerated() { cells[p].token = k }
        return cells
    }

    /// The cells every placement agrees on (by value), the others unknown. An agreed value
    /// keeps the first token any placement read it from: a value one reading prints and another
    /// solves (`0 0 0 0 0 2` short of one cell: 总计 2 either way) is the printed one.
    static func agreed(_ first: [Placed], _ others: ArraySlice<[Placed]>) -> [Placed] {
        var result = first
        for other in others {
            for c in result.indices {
                if result[c].value != other[c].value { result[c] = .unknown }
                else if result[c].token == nil { result[c].token = other[c].token }
            }
        }
        return result
    }

    /// Places rows that all print the same wrong number of cells, the table's reading rather
    /// than each row's fault (a subtotal column, a column lost to a merged header): the same
    /// positions are used for every row. A choice of positions is kept when it places every row
    /// (the identity holds, or a single missing cell is solved from it); a cell keeps a value
    /// only when every kept choice agrees on it. No choice places them all: each row on its own
    /// (`place`).
    public static func placeAll(_ rows: [[Decimal?]], sum: Sum?, columns: Int) -> [[Decimal?]] {
        placeAllTokens(rows, sum: sum, columns: columns).map { $0.map(\.value) }
    }

    /// `placeAll`, saying which token each column's value came from.
    public static func placeAllTokens(_ rows: [[Decimal?]], sum: Sum?, columns: Int) -> [[Placed]] {
        guard let n = rows.first?.count, rows.allSatisfy({ $0.count == n }), let sum, sum.width == columns,
              n > 0, abs(n - columns) <= maxShift else { return rows.map { placeTokens($0, sum: sum, columns: columns) } }
        var kept: [[[Placed]]] = []
        forEachChoice(max(n, columns), min(n, columns)) { chosen in
            var placedRows: [[Placed]] = []
            for values in rows {
                if n > columns {
                    let row = chosen.map { values[$0] }
                    guard !row.contains(where: { $0 == nil }), sum.holds(row) else { return }
                    placedRows.append(chosen.map { Placed(value: values[$0], token: $0) })
                } else {
                    guard !values.contains(where: { $0 == nil }),
                          let solved = solve(spread(values, at: chosen, columns: columns), sum),
                          !solved.contains(where: { $0 == nil }) else { return }
                    placedRows.append(placed(solved, tokensAt: chosen))
                }
            }
            kept.append(placedRows)
        }
        guard let first = kept.first else { return rows.map { placeTokens($0, sum: sum, columns: columns) } }
        return first.indices.map { r in agreed(first[r], kept.dropFirst().map { $0[r] }[...]) }
    }

    /// Fills the single unknown of a row from the identity; with two or more unknowns (or one
    /// the identity does not name) the row is kept when it can still add up (unknowns stay
    /// `nil`); `nil` when it cannot.
    static func solve(_ row: [Decimal?], _ sum: Sum) -> [Decimal?]? {
        let unknown = row.indices.filter { row[$0] == nil }
        let knownParts = sum.parts.reduce(Decimal(0)) { $0 + (row[$1] ?? 0) }
        if unknown.isEmpty { return sum.holds(row) ? row : nil }
        if unknown.count == 1, unknown[0] == sum.total || sum.parts.contains(unknown[0]) {
            var r = row
            let u = unknown[0]
            let v = u == sum.total ? knownParts : row[sum.total]! - knownParts
            guard v >= 0 else { return nil }
            r[u] = v
            return r
        }
        if let total = row[sum.total], knownParts > total { return nil }
        return row
    }

    /// Calls `body` with every increasing choice of `k` indices out of `n`.
    static func forEachChoice(_ n: Int, _ k: Int, _ body: ([Int]) -> Void) {
        guard k <= n, k >= 0 else { return }
        var idx = Array(0..<k)
        var guardCount = 0
        while guardCount < 10_000 {
            guardCount += 1
            body(idx)
            var i = k - 1
            while i >= 0, idx[i] == n - k + i { i -= 1 }
            if i < 0 { return }
            idx[i] += 1
            for j in (i + 1)..<k { idx[j] = idx[j - 1] + 1 }
        }
    }

    /// Crawler text runs cells together (`713000074` = 71 3 0 0 0 0 74). Splits the digit runs
    /// into one number per column (no leading zeros) in every way, and keeps the split only
    /// when exactly one satisfies the row identity. `nil` when none or several do, the runs
    /// are too long to try, or the form has no row identity.
    public static func splitConcatenated(_ runs: [String], sum: Sum?) -> [Decimal]? {
        guard let sum else { return nil }
        let columns = sum.width
        let digits = runs.map { Array($0) }
        guard !runs.isEmpty, runs.count < columns, digits.allSatisfy({ !$0.isEmpty && $0.allSatisfy(CellToken.isDigit) }) else { return nil }
        let totalLength = digits.reduce(0) { $0 + $1.count }
        guard totalLength >= columns, totalLength <= 24 else { return nil }
        var found: [Decimal]?
        var count = 0
        var budget = 50_000
        var parts: [Decimal] = []
        func isNumber(_ p: ArraySlice<Character>) -> Bool { p.count == 1 || p.first != "0" }
        func go(_ run: Int, _ offset: Int) {
            guard budget > 0, count < 2 else { return }
            budget -= 1
            if run == digits.count {
                if parts.count == columns, sum.holds(parts) { count += 1; found = parts }
                return
            }
            let d = digits[run]
            let remainingRuns = digits.count - run - 1
            for end in (offset + 1)...d.count {
                let piece = d[offset..<end]
                guard isNumber(piece), piece.count <= 7 else { continue }
                let isLast = end == d.count
                if isLast && parts.count + 1 + remainingRuns > columns { continue }
                parts.append(Decimal(Int(String(piece))!))
                if parts.count <= columns { go(isLast ? run + 1 : run, isLast ? 0 : end) }
                parts.removeLast()
            }
        }
        go(0, 0)
        return count == 1 && budget > 0 ? found : nil
    }
}
