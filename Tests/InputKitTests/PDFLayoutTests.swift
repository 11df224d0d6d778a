import Testing
import Foundation
@testable import InputKit

/// The PDF layout on made-up pages: rules found in pixels, tables rebuilt from rules, lines and
/// paragraphs from character boxes, tables and paragraphs run over page breaks.
@Suite struct PDFLayoutTests {
    /// Characters of `text` set left to right from (x, y), each `size` points wide and high.
    static func glyphs(_ text: String, x: Double, y: Double, size: Double = 10, advance: Double? = nil) -> [PDFGlyph] {
        text.unicodeScalars.enumerated().map { i, s in
            let x0 = x + Double(i) * (advance ?? size)
            return PDFGlyph(scalar: s, x0: x0, y0: y, x1: x0 + size, y1: y + size)
        }
    }

    static func page(_ number: Int, _ glyphs: [PDFGlyph]) -> PDFPageContent {
        PDFPageContent(number: number, width: 600, height: 800, glyphs: glyphs, images: 0)
    }

    // MARK: rules

    @Test func rulesAreFoundAndCharactersAreNot() {
        // A 200 × 100 pt box split by one vertical line, drawn at 1 px/pt, with a character box
        // whose strokes (a long horizontal bar at its middle) must not become a rule.
        let w = 300, h = 200
        var ink = [UInt8](repeating: 0, count: w * h)
        for x in 50...250 { ink[50 * w + x] = 1; ink[150 * w + x] = 1 }
        for y in 50...150 { ink[y * w + 50] = 1; ink[y * w + 150] = 1; ink[y * w + 250] = 1 }
        for x in 60...90 { ink[100 * w + x] = 1 }  // inside the character box below
        let glyph = PDFGlyph(scalar: "一", x0: 60, y0: 90, x1: 90, y1: 110)
        let rules = PDFRules.find(in: PDFBitmap(width: w, height: h, scale: 1, ink: ink), glyphs: [glyph])
        let horizontal = rules.filter { $0.axis == .horizontal }.map { [$0.at, $0.from, $0.to] }
        let vertical = rules.filter { $0.axis == .vertical }.map { [$0.at, $0.from, $0.to] }
        #expect(horizontal == [[50.5, 50, 251], [150.5, 50, 251]])
        #expect(vertical == [[50.5, 50, 151], [150.5, 50, 151], [250.5, 50, 151]])
    }

    @Test func aFilledBoxGivesItsTwoEdges() {
        let w = 100, h = 40
        var ink = [UInt8](repeating: 0, count: w * h)
        for y in 10..<20 { for x in 10..<90 { ink[y * w + x] = 1 } }
        let rules = PDFRules.find(in: PDFBitmap(width: w, height: h, scale: 1, ink: ink), glyphs: [])
        #expect(rules.filter { $0.axis == .horizontal }.map(\.at) == [10, 20])
        #expect(rules.filter { $0.axis == .vertical }.map(\.at) == [10, 90])
    }

    // MARK: tables

    /// The grid of HTMLTableGrid's doc comment: 规章 spans two rows, 1 spans two columns.
    static let spannedRules: [PDFRule] = [
        PDFRule(axis: .horizontal, at: 100, from: 0, to: 300),
        PDFRule(axis: .horizontal, at: 120, from: 100, to: 300),
        PDFRule(axis: .horizontal, at: 140, from: 0, to: 300),
        PDFRule(axis: .vertical, at: 0, from: 100, to: 140),
        PDFRule(axis: .vertical, at: 100, from: 100, to: 140),
        PDFRule(axis: .vertical, at: 200, from: 120, to: 140),
        PDFRule(axis: .vertical, at: 300, from: 100, to: 140),
    ]

    @Test func mergedCellsAreLaidOutAsTheHTMLGridDoes() {
        let tables = PDFTable.find(in: Self.spannedRules)
        #expect(tables.count == 1)
        let glyphs = Self.glyphs("规章", x: 10, y: 115) + Self.glyphs("1", x: 150, y: 105) + Self.glyphs("2", x: 150, y: 125)
            + Self.glyphs("3", x: 250, y: 125)
        let rows = tables[0].textRows(glyphs)
        #expect(rows.cells == [["规章", "1", ""], ["", "2", "3"]])
        #expect(rows.rowSpans == [[2, 1, 0], [0, 1, 1]])
    }

    @Test func aLabelWrappedInItsCellStaysOneCell() {
        let rules = [
            PDFRule(axis: .horizontal, at: 0, from: 0, to: 200), PDFRule(axis: .horizontal, at: 40, from: 0, to: 200),
            PDFRule(axis: .vertical, at: 0, from: 0, to: 40), PDFRule(axis: .vertical, at: 100, from: 0, to: 40),
            PDFRule(axis: .vertical, at: 200, from: 0, to: 40),
        ]
        let glyphs = Self.glyphs("（二）部分公开", x: 5, y: 5) + Self.glyphs("（区分处理的）", x: 5, y: 20) + Self.glyphs("4", x: 150, y: 15)
        #expect(PDFTable.find(in: rules)[0].textRows(glyphs).cells == [["（二）部分公开（区分处理的）", "4"]])
    }

    @Test func aTableCutByThePageHasItsOpenSideClosed() {
        // No rule under the last row (the table goes on over the page): the verticals say where it ends.
        let rules = [
            PDFRule(axis: .horizontal, at: 0, from: 0, to: 200), PDFRule(axis: .horizontal, at: 20, from: 0, to: 200),
            PDFRule(axis: .vertical, at: 0, from: 0, to: 40), PDFRule(axis: .vertical, at: 100, from: 0, to: 40),
            PDFRule(axis: .vertical, at: 200, from: 0, to: 40),
        ]
        let glyphs = Self.glyphs("规章", x: 5, y: 5) + Self.glyphs("1", x: 150, y: 5) + Self.glyphs("行政许可", x: 5, y: 25)
            + Self.glyphs("2", x: 150, y: 25)
        #expect(PDFTable.find(in: rules)[0].textRows(glyphs).cells == [["规章", "1"], ["行政许可", "2"]])
    }

    @Test func aBoxRoundAHeadingIsNoTable() {
        // A frame round the title (four rules, one cell): its text is a line of prose.
        let rules = [
            PDFRule(axis: .horizontal, at: 90, from: 100, to: 500), PDFRule(axis: .horizontal, at: 120, from: 100, to: 500),
            PDFRule(axis: .vertical, at: 100, from: 90, to: 120), PDFRule(axis: .vertical, at: 500, from: 90, to: 120),
        ]
        let layout = PDFPageLayout(Self.page(1, Self.glyphs("年度报告", x: 250, y: 100)), rules: rules, furniture: { _ in false })
        guard case .line(let line)? = layout.blocks.first, layout.blocks.count == 1 else {
            Issue.record("expected one line, got \(layout.blocks)")
            return
        }
        #expect(line.text == "年度报告")
    }

    @Test func lonelyRulesAreNoTable() {
        // A rule under a heading and a rule beside it do not touch: no table.
        let rules = [PDFRule(axis: .horizontal, at: 50, from: 0, to: 500), PDFRule(axis: .vertical, at: 300, from: 100, to: 200)]
        #expect(PDFTable.find(in: rules).isEmpty)
    }

    // MARK: lines and paragraphs

    @Test func lineTextJoinsCJKAndSeparatesNumbersAndColumns() {
        let line = PDFTextLine(Self.glyphs("规章", x: 0, y: 0) + Self.glyphs("12", x: 60, y: 0, size: 5)
            + Self.glyphs("34", x: 72, y: 0, size: 5))
        #expect(line.text == "规章\t12 34")
        let spread = PDFTextLine(Self.glyphs("号，邮编", x: 0, y: 0, advance: 14))
        #expect(spread.text == "号，邮编")
    }

    @Test func paragraphsJoinAcrossLinesAndPagesAndStopAtIndentsAndShortLines() {
        // Page 1: an indented paragraph of two full lines and a short one; a page number.
        // Page 2: its last line runs on from page 1 without an indent; then a new indented one.
        let full = String(repeating: "字", count: 40)
        let p1 = Self.page(1, Self.glyphs(String(repeating: "甲", count: 38), x: 120, y: 100)
            + Self.glyphs(full, x: 100, y: 114) + Self.glyphs(full, x: 100, y: 128)
            + Self.glyphs("-1-", x: 290, y: 760, size: 8))
        let p2 = Self.page(2, Self.glyphs("尾。", x: 100, y: 100) + Self.glyphs(String(repeating: "乙", count: 38), x: 120, y: 114)
            + Self.glyphs("-2-", x: 290, y: 760, size: 8))
        let text = try? PDFReader.rendition([p1, p2], rules: [[], []], total: 2).get().text
        #expect(text == String(repeating: "甲", count: 38) + full + full + "尾。\n第 2 页\n"
            + String(repeating: "乙", count: 38) + "\n")
    }

    @Test func pageNumbersAndRunningHeadsAreNotText() {
        #expect(PDFFurniture.isPageNumber("- 3 -"))
        #expect(PDFFurniture.isPageNumber("第 3 页 共 12 页"))
        #expect(PDFFurniture.isPageNumber("第3页，共12页"))
        #expect(PDFFurniture.isPageNumber("3/12"))
        #expect(PDFFurniture.isPageNumber("2023年") == false)
        let head = { (n: Int) in Self.page(n, Self.glyphs("某县人民政府文件", x: 100, y: 30) + Self.glyphs("正文\(n)。", x: 100, y: 300)) }
        let text = try? PDFReader.rendition([head(1), head(2), head(3)], rules: [[], [], []], total: 3).get().text
        #expect(text == "正文1。\n第 2 页\n正文2。\n第 3 页\n正文3。\n")
    }

    @Test func radicalsReadAsTheIdeographsTheyShow() {
        #expect(PDFGlyph.unified("\u{2F8F}") == "行")   // ⾏ KANGXI RADICAL WALK ENCLOSURE
        #expect(PDFGlyph.unified("\u{F9B5}") == "例")   // 例 CJK COMPATIBILITY IDEOGRAPH
        #expect(PDFGlyph.unified("①") == "①")
        #expect(PDFGlyph.unified("７") == "７")
    }

    @Test func textWithoutAUnicodeMapIsOneClearError() {
        let page = Self.page(1, Self.glyphs("\u{E001}\u{E002}\u{E003}年", x: 100, y: 100))
        let failure = PDFReader.rendition([page], rules: [[]], total: 1).failure?.diagnostic
        #expect(failure?.code == "file.noText")
        #expect(failure?.message.contains("无法读取文字") == true)
    }

    // MARK: tables over page breaks

    static func layout(_ number: Int, _ rows: [[String]], spans: [[Int]]? = nil) -> PDFPageLayout {
        var l = PDFPageLayout(Self.page(number, []), rules: [], furniture: { _ in false })
        l.blocks = [.table(PDFTableRows(cells: rows, rowSpans: spans ?? rows.map { $0.map { $0.isEmpty ? 0 : 1 } }))]
        return l
    }

    @Test func aTableOverAPageBreakIsOneTableWithoutItsRepeatedHeader() {
        let header = ["信息内容", "本年新制作数量"]
        let text = PDFRendition.text([Self.layout(1, [header, ["规章", "1"]]), Self.layout(2, [header, ["规范性文件", "2"]])])
        #expect(text == "\n信息内容\t本年新制作数量\n规章\t1\n第 2 页\n规范性文件\t2\n")
    }

    @Test func aRowCutByThePageBreakIsJoined() {
        let a = ["（二）部分公开（区分处理的，只计这", "4", "0"], b = ["一情形，不计其他情形）", "", ""]
        let text = PDFRendition.text([Self.layout(1, [["（一）予以公开", "1", "0"], a]), Self.layout(2, [b, ["（三）不予公开", "2", "0"]])])
        #expect(text == "\n（一）予以公开\t1\t0\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t4\t0\n第 2 页\n（三）不予公开\t2\t0\n")
    }

    @Test func aMergedCellCutByThePageBreakKeepsItsWholeLabel() {
        // B001: （四）无法提供 spans three rows, one on page 4 and two on page 5.
        let p4 = Self.layout(1, [["", "（四）无", "1.本机关不掌握相关政府信息", "746"]], spans: [[0, 1, 1, 1]])
        let p5 = Self.layout(2, [["", "法提供", "2.没有现成信息需要另行制作", "11"], ["", "", "3.补正后申请内容仍不明确", "1"]],
                             spans: [[0, 2, 1, 1], [0, 0, 1, 1]])
        #expect(PDFRendition.text([p4, p5]) == "\n\t（四）无法提供\t1.本机关不掌握相关政府信息\t746\n第 2 页\n"
            + "\t\t2.没有现成信息需要另行制作\t11\n\t\t3.补正后申请内容仍不明确\t1\n")
    }

    @Test func rowsOfTheirOwnAreNotJoined() {
        #expect(PDFRendition.joinSplitRow(["行政处罚", "4"], ["行政强制", "3"]) == nil)
        #expect(PDFRendition.joinSplitRow(["二、回应解读情况", "", ""], ["(一)回应公众关注热点", "次", ""]) == nil)
        #expect(PDFRendition.joinSplitRow(["信息内容", "本年新制作数量"], ["规章", "0"]) == nil)
        #expect(PDFRendition.joinSplitRow(["4.不同意公开答复数", "件"], ["其中：涉及国家秘密", "件"]) == nil)
    }
}
