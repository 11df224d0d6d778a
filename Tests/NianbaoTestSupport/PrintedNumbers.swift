import Foundation
import ReportKit

/// Issue 12's property: every number the parser reports is printed on the line it names — as a
/// whole numeric token of that line, not as "some digit" (`3` does not match inside `13`).
///
/// The lines are the parser's input (`ParseInput.lines`): for a text file its own lines, for an
/// HTML page, a PDF or a Word file the decoded lines (a table row as tab-separated cells), which
/// carry the number of the source line where their text begins; several decoded lines can share
/// a number, and a value may be on any of them. Lines are folded as the parser folds them
/// (`Normalizer.fold`: `１２` → `12`) before they are cut into tokens.
///
/// A token is a maximal run `digit ([0-9,.]* digit)?` — so `1,234` is 1234 and `461.7 万元` is
/// 461.7 — with a `-` just before it taken as its sign; a run with two dots is no number.
///
/// Checked: every `StatCell` value, every `PrintedValue` and every legacy row value. Three
/// readings the parser documents give values that are not a whole token, and each is checked
/// exactly instead:
/// - a cell with no printed text (`text == nil`) is computed: the cells of a form's `derived`
///   row the report did not print (`fillDerivedRows`), or the one missing cell of a row printed
///   short that its row identity gives (`CellPlacement`): that row's cells must then add up;
/// - a row of table 三 whose digits ran together (`cell.joined`, `713000074` → 71 3 0 0 0 0 74):
///   its values, written out and joined, must be exactly whole digit runs of its line, in order;
/// - a legacy row whose two columns ran together (`728` → this year 7, cumulative 28): its text
///   must be a token of its line, and the value that run's prefix with a cumulative rest ≥ it.
public enum PrintedNumbers {
    /// A value reported on a line that does not print it.
    public struct Miss: Hashable, CustomStringConvertible, Sendable {
        public var place: String
        public var value: Decimal
        public var line: Int?
        public var lineText: String

        public var description: String { "\(place) = \(value) @\(line.map(String.init) ?? "nil"): «\(lineText.prefix(200))»" }
    }

    /// The values of `report` that are not printed where it says.
    public static func misses(in report: Report, lines: [SourceLine]) -> [Miss] {
        var byNumber: [Int: [String]] = [:]
        for line in lines { byNumber[line.number, default: []].append(Normalizer.fold(line.text)) }
        func texts(_ line: Int?) -> [String] { line.flatMap { byNumber[$0] } ?? [] }
        var misses: [Miss] = []
        func miss(_ place: String, _ value: Decimal, _ line: Int?) {
            misses.append(Miss(place: place, value: value, line: line, lineText: texts(line).joined(separator: " ⏎ ")))
        }
        func check(_ place: @autoclosure () -> String, _ value: Decimal?, line: Int?) {
            guard let value else { return }
            if !texts(line).contains(where: { tokens(in: $0).contains(value) }) { miss(place(), value, line) }
        }
        let joined = Set(report.diagnostics.filter { $0.code == "cell.joined" }.compactMap { $0.subject?.row })
        for (kind, table) in report.tables {
            if let stat = table.stat {
                for row in stat.rows {
                    let place = "\(kind).\(row.key)"
                    let computed = row.cells.filter { $0.value != nil && $0.text == nil }
                    if !computed.isEmpty {
                        // Computed cells: a derived row the report did not print, or a row whose
                        // identity gave its one missing cell.
                        let derived = stat.form.row(row.key)?.derived == true && row.cells.allSatisfy { $0.text == nil }
                        let sum = CellPlacement.Sum(form: stat.form, row: row.key)
                        if !derived && !(computed.count == 1 && sum?.holds(row.cells.map(\.value)) == true) {
                            for cell in computed { miss("\(place).\(cell.column) (computed)", cell.value!, cell.line) }
                        }
                    }
                    if kind == .applications && joined.contains(row.key) {
                        let digits = row.cells.map { $0.value.map { "\($0)" } ?? "?" }.joined()
                        if !texts(row.line).contains(where: { runsJoin(in: $0, to: digits) }) {
                            miss("\(place) (joined digits \(digits))", 0, row.line)
                        }
                        continue
                    }
                    for cell in row.cells where cell.text != nil {
                        check("\(place).\(cell.column)", cell.value, line: cell.line)
                    }
                    for (i, p) in (row.printed ?? []).enumerated() {
                        check("\(place).printed[\(i)]", CellValue.parse(p.text) ?? nil, line: p.line)
                    }
                }
            }
            if let legacy = table.legacy {
                for row in legacy.rows {
                    guard let value = row.value else { continue }
                    if texts(row.line).contains(where: { tokens(in: $0).contains(value) }) { continue }
                    // This year's value split from a run holding both columns (`728` → 7 | 28).
                    let run = row.text.map(Normalizer.fold) ?? ""
                    let head = "\(value)"
                    let rest = run.hasPrefix(head) ? Decimal(string: String(run.dropFirst(head.count))) : nil
                    let onLine = texts(row.line).contains { line in tokens(in: line).contains { "\($0)" == run } }
                    if !(onLine && rest.map { $0 >= value } == true) { miss("legacy.\(row.label)", value, row.line) }
                }
            }
        }
        return misses
    }

    /// Whether some consecutive whole digit runs of `text`, joined, are exactly `digits`.
    static func runsJoin(in text: String, to digits: String) -> Bool {
        let runs = text.split { !$0.isASCII || !$0.isNumber }.map(String.init)
        for start in runs.indices {
            var joined = ""
            for run in runs[start...] {
                joined += run
                if joined == digits { return true }
                if !digits.hasPrefix(joined) { break }
            }
        }
        return false
    }

    /// The numbers printed in a folded line, as the tokens defined above.
    public static func tokens(in text: String) -> Set<Decimal> {
        let b = Array(text.utf8)
        var out: Set<Decimal> = []
        var i = 0
        func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        while i < b.count {
            guard isDigit(b[i]), i == 0 || !isDigit(b[i - 1]) else { i += 1; continue }
            var end = i + 1
            while end < b.count {
                if isDigit(b[end]) { end += 1 }
                else if (b[end] == 0x2C || b[end] == 0x2E), end + 1 < b.count, isDigit(b[end + 1]) { end += 2 }
                else { break }
            }
            let run = b[i..<end]
            if run.filter({ $0 == 0x2E }).count <= 1,
               let value = Decimal(string: String(decoding: run.filter { $0 != 0x2C }, as: UTF8.self), locale: Locale(identifier: "en_US_POSIX")) {
                out.insert(i > 0 && b[i - 1] == 0x2D ? -value : value)
            }
            i = end
        }
        return out
    }
}
