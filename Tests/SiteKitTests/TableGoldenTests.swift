import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// The tables are compared whole against HTML written by hand from the official layout
/// (Golden/). A mismatch prints both; there is no recording mode — the golden files are the
/// specification, not a snapshot.
@Suite struct TableGoldenTests {
    func golden(_ name: String) throws -> String {
        try String(contentsOf: Fixture.directory().appendingPathComponent("Golden/\(name)"), encoding: .utf8)
    }

    @Test func tableThreeMatchesTheOfficialLayout() throws {
        let theme = try Theme(directory: Sample.themeDirectory)
        var placement = DiagnosticPlacement([Sample.columnTotalWarning, .warning("x.unplaced", "elsewhere", line: 99)])
        let view = ApplicationsTableBuilder(table: Sample.tableThree, prefix: "t3").build(placing: &placement)
        let html = try theme.render("table", view)
        #expect(html == (try golden("table-three.html")))
        #expect(placement.placed == [0])
    }

    @Test func tableFourMatchesTheOfficialLayout() throws {
        let theme = try Theme(directory: Sample.themeDirectory)
        var placement = DiagnosticPlacement([])
        let view = ReviewTableBuilder(table: Sample.tableFour, prefix: "t4").build(placing: &placement)
        let html = try theme.render("table", view)
        #expect(html == (try golden("table-four.html")))
    }
}
