import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// Issue 8: the table of a made-up fourth era (`FourthEra`, registered only in the tests) is
/// drawn from its form with no change to the builders: the new column sits under its group,
/// the renamed row keeps its place, and notes go under the rows their subjects name.
@Suite struct FourthEraTableTests {
    static func report() throws -> Report {
        let url = Fixture.repositoryRoot.appendingPathComponent("Tests/ReportKitTests/Fixtures/era-fourth.txt")
        return ReportParser(forms: FourthEra.registry).parse(try String(contentsOf: url, encoding: .utf8), source: "era-fourth.txt")
    }

    @Test func tableThreeIsDrawnFromTheEraForm() throws {
        let report = try Self.report()
        let table = try #require(report.tables.applications)
        var placement = DiagnosticPlacement(report.diagnostics)
        let html = try Theme(directory: Sample.themeDirectory)
            .render("table", ApplicationsTableBuilder(table: table, prefix: "t3").build(placing: &placement))
        // 法人或其他组织 spans six columns now, 个体工商户 second among them.
        #expect(html.contains(#"<th id="t3-g-1" colspan="6" scope="colgroup">法人或其他组织</th>"#))
        #expect(html.contains(#"<th id="t3-applicant" colspan="8" scope="colgroup">申请人情况</th>"#))
        #expect(html.contains(#"<th id="t3-c-commercial" scope="col">商业企业</th><th id="t3-c-soleTrader" scope="col">个体工商户</th>"#))
        // Line 29: 个体工商户 1.
        #expect(html.contains(#"<td class="num" headers="t3-c-soleTrader t3-g-1 t3-r-newReceived" data-label="个体工商户"><a href="source.html#L29">1</a></td>"#))
        // The renamed row, under （四）.
        #expect(html.contains(#"<th id="t3-r-unable-stillUnclear" scope="row">3.经补正仍无法确定申请内容</th>"#))
        // Every row covers the three label columns and the eight value columns.
        let widths = TableGridTests.rowWidths(html)
        #expect(!widths.isEmpty && widths.allSatisfy { $0 == 11 }, "row widths \(widths)")
        // Its identities' notes: under 2.重复申请 and （七）总计, whose 个体工商户 cell alone is marked.
        #expect(placement.placed == [0, 1, 2])
        #expect(html.contains(#"<tr class="note"><td colspan="9" id="d2">"#))
        #expect(html.contains(#"<td class="num warn" headers="t3-c-soleTrader t3-g-1 t3-r-resultsTotal t3-r-results" data-label="个体工商户" aria-describedby="d3">"#))
        #expect(html.contains(#"<td class="num" headers="t3-c-commercial t3-g-1 t3-r-resultsTotal t3-r-results" data-label="商业企业">"#))
    }
}
