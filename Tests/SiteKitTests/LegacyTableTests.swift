import Foundation
import Testing
@testable import SiteKit

/// The legacy form: heading rows title the rows under them; they are not values left out.
@Suite struct LegacyTableTests {
    @Test func headingRowsSpanTheTableAndNameTheirRows() throws {
        let table = LegacyTable(rows: [
            LegacyRow(label: "一、主动公开情况", unit: nil, value: nil, text: nil, line: 12),
            LegacyRow(label: "（一）主动公开政府信息数", unit: "条", value: 665, text: "665", line: 13),
            LegacyRow(label: "1.政府公报公开政府信息数", unit: "条", value: nil, text: "", line: 14),
        ])
        let theme = try Theme(directory: Sample.themeDirectory)
        var placement = DiagnosticPlacement([])
        let html = try theme.render("table", LegacyTableBuilder(table: table, prefix: "tl").build(placing: &placement))
        // Written by hand from the rule: the heading is one <th> over the three columns; the
        // rows under it list it in their cells' headers; an empty 统计数 is "—", never 0.
        #expect(html.contains(#"<tr class="group"><th id="tl-r-1" colspan="3" scope="rowgroup">一、主动公开情况</th></tr>"#))
        #expect(html.contains(#"headers="tl-c-value tl-r-2 tl-r-1"><a href="source.html#L13">665</a>"#))
        #expect(html.contains(#"headers="tl-c-value tl-r-3 tl-r-1"><span aria-hidden="true">—</span>"#))
    }
}
