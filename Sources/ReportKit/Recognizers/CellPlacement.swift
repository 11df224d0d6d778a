import Foundation

/// Places the value tokens of a table 三 row that has the wrong number of cells (policy.md).
///
/// Every order-preserving placement of the tokens into the seven columns is tried (fewer
/// than seven: which columns are missing; more: which tokens are surplus). A placement is
/// kept when 总计 = 自然人 + the five 法人或其他组织 columns holds, a missing column taking
/// the value the equation gives (≥ 0) when it is the only unknown. A column keeps a value
/// only when every kept placement agrees on it; otherwise it is `nil`. Never: a guess.
///
///     `3 0 0 0 0 0 0 0` (8 tokens) → only dropping the 3 adds up → all 0
///     `0 0 0 0 0 0` (6 tokens)     → every placement gives 0 → all 0
public enum CellPlacement {
    /// At most this many surplus or missing tokens are tried (bounded enumeration).
    static let maxShift = 4

    public static func place(_ values: [Decimal?], columns: Int = 7) -> [Decimal?] {
        let n = values.count
        if n == columns { return values }
        guard n > 0, abs(n - columns) <= maxShift, columns == 7 else { return Array(repeating: nil, count: columns) }
        var kept: [[Decimal?]] = []
        if n > columns {
            forEachChoice(n, columns) { chosen in
                let row = chosen.map { values[$0] }
                if row.contains(where: { $0 == nil }) { return }
                if sums(row) { kept.append(row) }
            }
        } else {
            if values.contains(where: { $0 == nil }) { return Array(repeating: nil, count: columns) }
            forEachChoice(columns, n) { positions in
                var row = [Decimal?](repeating: nil, count: columns)
                for (k, p) in positions.enumerated() { row[p] = values[k] }
                if let solved = solve(row) { kept.append(solved) }
            }
        }
        guard var result = kept.first else { return Array(repeating: nil, count: columns) }
        for other in kept.dropFirst() {
            for c in 0..<columns where result[c] != other[c] { result[c] = nil }
        }
        return result
    }

    /// Whether a complete row adds up.
    static func sums(_ row: [Decimal?]) -> Bool {
        let parts = row[0..<6].reduce(Decimal(0)) { $0 + ($1 ?? 0) }
        return row[6] == parts
    }

    /// Fills the single unknown of a row from the equation; with two or more unknowns the row
    /// is kept when it can still add up (unknowns stay `nil`); `nil` when it cannot.
    static func solve(_ row: [Decimal?]) -> [Decimal?]? {
        let unknown = row.indices.filter { row[$0] == nil }
        let knownParts = (0..<6).reduce(Decimal(0)) { $0 + (row[$1] ?? 0) }
        if unknown.isEmpty { return sums(row) ? row : nil }
        if unknown.count == 1 {
            var r = row
            let u = unknown[0]
            let v = u == 6 ? knownParts : row[6]! - knownParts
            guard v >= 0 else { return nil }
            r[u] = v
            return r
        }
        if let total = row[6], knownParts > total { return nil }
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
    /// into seven numbers (no leading zeros) in every way, and keeps the split only when
    /// exactly one adds up. `nil` when none or several do, or the runs are too long to try.
    public static func splitConcatenated(_ runs: [String], columns: Int = 7) -> [Decimal]? {
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
                if parts.count == columns, parts[0..<6].reduce(0, +) == parts[6] { count += 1; found = parts }
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
