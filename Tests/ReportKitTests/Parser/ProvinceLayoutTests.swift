import Foundation
import Testing
@testable import ReportKit

/// Issue 9, "layouts not yet read": one synthetic fixture per layout. Every fixture but the last
/// three prints the same 2021-form report of 某某县某某镇人民政府 (`StandardReport`), each in
/// another dress, so each test asserts the values read off that report's tables.
@Suite("Parser layouts of other provinces")
struct ProvinceLayoutTests {
    /// The values of the fixtures' report, as printed in their tables 二, 三 and 四.
    enum StandardReport {
        static let body = "某某县某某镇人民政府"
        static let applications: [String: [Decimal?]] = [
            "newReceived": [4, 1, 0, 0, 0, 0, 5],
            "carriedOver": [1, 0, 0, 0, 0, 0, 1],
            "granted": [2, 1, 0, 0, 0, 0, 3],
            "partiallyGranted": [1, 0, 0, 0, 0, 0, 1],
            "denied.stateSecret": [0, 0, 0, 0, 0, 0, 0],
            "denied.administrativeQuery": [0, 0, 0, 0, 0, 0, 0],
            "unable.notHeld": [1, 0, 0, 0, 0, 0, 1],
            "notProcessed.confirmOrReissue": [0, 0, 0, 0, 0, 0, 0],
            "otherHandling.noCorrection": [0, 0, 0, 0, 0, 0, 0],
            "otherHandling.other": [0, 0, 0, 0, 0, 0, 0],
            "resultsTotal": [4, 1, 0, 0, 0, 0, 5],
            "carriedForward": [1, 0, 0, 0, 0, 0, 1],
        ]

        static func expectTables(_ r: Report, newReceived: [Decimal?] = [4, 1, 0, 0, 0, 0, 5],
                                 sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(r.format == .v2021, sourceLocation: sourceLocation)
            #expect(r.row(r.tables.active, "regulations") == [1, 0, 3], sourceLocation: sourceLocation)
            #expect(r.row(r.tables.active, "normativeDocuments") == [2, 1, 7], sourceLocation: sourceLocation)
            #expect(r.row(r.tables.active, "licensing") == [5], sourceLocation: sourceLocation)
            #expect(r.row(r.tables.active, "penalty") == [6], sourceLocation: sourceLocation)
            #expect(r.row(r.tables.active, "enforcement") == [0], sourceLocation: sourceLocation)
            #expect(r.row(r.tables.active, "fees") == [Decimal(string: "1.5")!], sourceLocation: sourceLocation)
            for (key, values) in applications {
                let want = key == "newReceived" ? newReceived : values
                #expect(r.row(r.tables.applications, key) == want, "\(key)", sourceLocation: sourceLocation)
            }
            #expect(r.row(r.tables.review, "review") == [1, 0, 0, 0, 1], sourceLocation: sourceLocation)
            #expect(r.row(r.tables.review, "litigationDirect") == [0, 0, 0, 0, 0], sourceLocation: sourceLocation)
            #expect(r.row(r.tables.review, "litigationAfterReview") == [0, 0, 0, 0, 0], sourceLocation: sourceLocation)
        }

        static func expectAll(_ r: Report, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(r.body == body, sourceLocation: sourceLocation)
            #expect(r.year == 2021, sourceLocation: sourceLocation)
            #expect(r.published == "2022-01-20", sourceLocation: sourceLocation)
            expectTables(r, sourceLocation: sourceLocation)
        }
    }

    /// Tables of Word documents pasted as text: every cell on a line of its own, or a
    /// paragraph of its own (a blank line after each), the merged cells left out.
    @Test(arguments: ["parser-cell-per-line.txt", "parser-cell-per-paragraph.txt"])
    func readsOneCellPerLineOrParagraph(_ name: String) throws {
        let r = try ParserFixture.parse(name)
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == [])
    }

    // Issue 12: a row printed one cell per line and one value short is placed by its row
    // identity. Each placed value keeps the line it is printed on (all were given the row's
    // line, found by the property test `NumbersOnTheirLinesTests`), and the total the
    // identity gives, printed nowhere, has no printed text.
    @Test func placedCellsKeepTheLinesTheyArePrintedOn() throws {
        var lines = try ParserFixture.text("parser-cell-per-line.txt").components(separatedBy: "\n")
        #expect(lines[53] == "一、本年新收政府信息公开申请数量" && lines[60] == "5")
        lines.remove(at: 60)
        let r = ReportParser().parse(lines.joined(separator: "\n"), source: "short-row.txt")
        let row = try #require(r.tables.applications?[row: "newReceived"])
        #expect(row.cells.map(\.value) == [4, 1, 0, 0, 0, 0, 5])
        #expect(row.cells.map(\.line) == [55, 56, 57, 58, 59, 60, 55])   // the total: the row's line
        #expect(row.cells.map(\.text) == ["4", "1", "0", "0", "0", "0", nil])
    }

    /// Pipe rows whose section header rows are empty cells (`| 第二十条第（一）项 |  |  |  |`),
    /// every other row with only a leading `|`, the rest with only a trailing one.
    @Test func readsPipeRowsWithEmptyHeaderCellsAndOneSidedPipes() throws {
        let r = try ParserFixture.parse("parser-pipe-empty-headers.md")
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == [])
    }

    /// Cells padded to a width with runs of spaces, merged cells left as spaces.
    @Test func readsCellsPaddedWithSpaces() throws {
        let r = try ParserFixture.parse("parser-space-padded.txt")
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == [])
    }

    /// Half-width brackets and commas in every label: `(一)予以公开`, `第二十条第(一)项`.
    @Test func readsHalfWidthBracketsInLabels() throws {
        let r = try ParserFixture.parse("parser-half-width.txt")
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == [])
    }

    /// Labels that carry an explanation: 一、 and （二） with a long bracketed note, and
    /// `（七）总计（等于本表第三项中（一）至（六）各项之和）`, read as 总计.
    @Test func readsLongExplanatoryLabels() throws {
        let r = try ParserFixture.parse("parser-long-labels.txt")
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == [])
    }

    /// `202121年` in the title: the year comes from the 统计期限 sentence, with a note.
    @Test func readsAMistypedTitleYear() throws {
        let r = try ParserFixture.parse("parser-year-typo.txt")
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == ["report.yearTypo@1"])
    }

    /// No year in the title and no form document cited: table 二's headers (本年制发件数 …)
    /// make it a 2021-form report.
    @Test func recognisesThe2021FormByItsTableHeadersAlone() throws {
        let text = try ParserFixture.text("parser-2021-by-headers.txt")
        #expect(text.hasPrefix("某某县某某镇人民政府政府信息公开工作年度报告\n") && !text.contains("公开办函"))
        let r = try ParserFixture.parse("parser-2021-by-headers.txt")
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == [])
    }

    /// No title line and no signature: the report starts at its first sentence, the body comes
    /// from `本报告由…人民政府办公室编制`, the year from 统计期限.
    @Test func readsAReportWithoutTitleOrSignature() throws {
        let r = try ParserFixture.parse("parser-no-title.txt")
        #expect(r.body == StandardReport.body)
        #expect(r.year == 2021)
        #expect(r.published == nil)
        StandardReport.expectTables(r)
        #expect(r.codesAndLines == ["report.bodyFromProse@1"])
    }

    /// Crawler text: each section on one line, heading, prose and table cells separated by
    /// single spaces; with prose before the tables and after table 四 (lines of more than 300
    /// characters), and without (a section line of table cells only).
    @Test(arguments: ["parser-flattened-prose.txt", "parser-flattened-sections.txt"])
    func readsTablesTwoAndFourOfCrawlerText(_ name: String) throws {
        let r = try ParserFixture.parse(name)
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == [])
    }

    /// PDF text: labels broken every seven characters, and a sub-row label after a merged one
    /// starting with a space (`（六）其他处理` then ` 1.申请人无正`): the rows after it are read.
    @Test func readsPDFLabelLinesThatStartWithASpace() throws {
        let r = try ParserFixture.parse("parser-pdf-spaced-labels.txt")
        StandardReport.expectAll(r)
        #expect(r.codesAndLines == [])
    }

    /// Five blank 法人或其他组织 cells between two values (`4\t\t\t\t\t\t5`, `| 4 |  | … | 5 |`)
    /// are five values the report left empty (`cell.empty`), not a row of two (`cellCount`).
    @Test(arguments: ["parser-empty-cells.txt", "parser-empty-cells.md"])
    func readsBlankCellsBetweenValuesAsEmpty(_ name: String) throws {
        let r = try ParserFixture.parse(name)
        #expect(r.body == StandardReport.body)
        StandardReport.expectTables(r, newReceived: [4, nil, nil, nil, nil, nil, 5])
        #expect(r.codesAndLines == ["cell.empty@31"])
    }

    /// Every row of table 三 prints eight values (a 小计 column after the 法人或其他组织 columns)
    /// in a report that adds up: one `table.layout` note, no `applications.` warning, and the
    /// rows read by the one column position that makes every row add up.
    @Test func aTableWhoseRowsAllHaveOneWrongCountIsALayoutNote() throws {
        let r = try ParserFixture.parse("parser-subtotal-column.txt")
        #expect(r.row(r.tables.applications, "newReceived") == [4, 1, 0, 0, 1, 0, 6])
        #expect(r.row(r.tables.applications, "granted") == [3, 1, 0, 0, 0, 0, 4])
        #expect(r.row(r.tables.applications, "partiallyGranted") == [0, 0, 0, 0, 1, 0, 1])
        #expect(r.row(r.tables.applications, "unable.notHeld") == [1, 0, 0, 0, 0, 0, 1])
        #expect(r.row(r.tables.applications, "resultsTotal") == [4, 1, 0, 0, 1, 0, 6])
        #expect(r.row(r.tables.applications, "carriedForward") == [1, 0, 0, 0, 0, 0, 1])
        #expect(r.codesAndLines == ["table.layout@31"])
        #expect(r.diagnostics.allSatisfy { $0.severity == .info })
    }

    /// The shared count decides: rows with different wrong counts stay each row's warning.
    @Test func onlyAWrongCountSharedByMostRowsIsALayout() {
        #expect(ApplicationsTableRecognizer.layoutCount([8, 8, 8, 8, 7], width: 7) == 8)
        #expect(ApplicationsTableRecognizer.layoutCount([8, 8, 7, 7, 7], width: 7) == nil)
        #expect(ApplicationsTableRecognizer.layoutCount([6, 6, 8, 8, 8], width: 7) == nil)
        #expect(ApplicationsTableRecognizer.layoutCount([8, 8], width: 7) == nil)
    }
}
