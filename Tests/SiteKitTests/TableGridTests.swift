import Foundation
import Testing
@testable import SiteKit

/// The drawn table must be a true grid: whatever rows carry notes, every row of the table
/// covers exactly the table's width once the rowspans above it are counted. (A note row
/// inserted under a rowspanned heading once pushed every later row one column to the left.)
@Suite struct TableGridTests {
    /// Every leaf row of the 2021 form printed on its own line, so any one can carry a note.
    static let everyRow: StatTable = {
        var table = StatTable(form: Forms.applications2021)
        for (i, row) in Forms.applications2021.allRows.enumerated() where row.valued && row.key != "otherHandling" {  // （六） in 2021 is a derived sum, drawn as a heading
            table.set(StatRow(key: row.key, line: 100 + i, cells: Forms.applications2021.blocks[0].columns.map {
                StatCell(column: $0.key, value: 0, text: "0", line: 100 + i)
            }))
        }
        return table
    }()

    static var noteLines: [[Int]] {
        let lines = everyRow.rows.map { $0.line! }
        return lines.map { [$0] } + [lines, lines.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)]
    }

    @Test(arguments: noteLines)
    func everyRowSpansTheFullWidth(_ noteLines: [Int]) throws {
        let theme = try Theme(directory: Sample.themeDirectory)
        let rowOnLine = Dictionary(uniqueKeysWithValues: Self.everyRow.rows.map { ($0.line!, $0.key) })
        var placement = DiagnosticPlacement(noteLines.map {
            .warning("x.test", "note on \($0)", line: $0, subject: Diagnostic.Subject(table: .applications, row: rowOnLine[$0]))
        })
        let view = ApplicationsTableBuilder(table: Self.everyRow, prefix: "t3").build(placing: &placement)
        let html = try theme.render("table", view)
        let widths = Self.rowWidths(html)
        #expect(!widths.isEmpty)
        #expect(widths.allSatisfy { $0 == 10 }, "row widths \(widths)")
        #expect(placement.placed.count == noteLines.count)
    }

    /// Simulates the HTML table grid: for each `<tr>`, the columns it covers, counting cells
    /// still running down from rows above (rowspan) and its own cells' colspans.
    static func rowWidths(_ html: String) -> [Int] {
        var carried: [Int] = []   // per column: rows still covered by a rowspan from above
        var widths: [Int] = []
        for rowText in html.components(separatedBy: "<tr").dropFirst() {
            let row = rowText.components(separatedBy: "</tr>")[0]
            var column = 0
            var next = carried.map { max(0, $0 - 1) }
            func skipCovered() { while column < carried.count && carried[column] > 0 { column += 1 } }
            for cell in row.components(separatedBy: "<t").dropFirst() where cell.hasPrefix("d") || cell.hasPrefix("h") {
                let tag = cell.prefix { $0 != ">" }
                func attr(_ name: String) -> Int {
                    guard let r = tag.range(of: "\(name)=\"") else { return 1 }
                    return Int(tag[r.upperBound...].prefix { $0.isNumber }) ?? 1
                }
                skipCovered()
                let span = attr("colspan"), down = attr("rowspan")
                for c in column..<(column + span) {
                    while next.count <= c { next.append(0) }
                    if down > 1 { next[c] = down - 1 }
                }
                column += span
            }
            skipCovered()
            widths.append(max(column, carried.count))
            carried = next
        }
        return widths
    }
}
