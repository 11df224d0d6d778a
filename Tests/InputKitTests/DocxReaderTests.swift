import Testing
import Foundation
import ZIPFoundation
@testable import InputKit

/// Word files made here: a ZIP holding `word/document.xml` (and whatever else a test needs).
enum WordFile {
    static func zip(_ entries: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in entries.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static func docx(body: String, parts: [String: String] = [:]) throws -> Data {
        try zip(["[Content_Types].xml": "<Types/>", "word/document.xml": document(body)].merging(parts) { a, _ in a })
    }

    static func document(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
            + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"# + body + "</w:body></w:document>"
    }

    static func p(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    static func tc(_ text: String, props: String = "") -> String {
        "<w:tc><w:tcPr>\(props)</w:tcPr>\(p(text))</w:tc>"
    }
}

@Suite struct DocxReaderTests {
    func rendition(_ body: String) throws -> String {
        try DocxReader().decode([UInt8](WordFile.docx(body: body))).get().text
    }

    @Test func paragraphsAreLinesAndTheirRunsOneText() throws {
        let body = #"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>"#
            + "<w:r><w:t>一、总体</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>情况</w:t></w:r></w:p>"
            + "<w:p/>"
            + #"<w:p><w:r><w:t xml:space="preserve">  本年</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"#
            + "<w:r><w:fldChar/><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>收到申请3件。</w:t></w:r>"
            + "<w:r><w:br/><w:t>第二行</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>签名</w:t><w:tab/><w:tab/><w:t>2021年1月</w:t></w:r></w:p>"
        #expect(try rendition(body) == "一、总体情况\n本年收到申请3件。\n第二行\n签名\t2021年1月\n")
    }

    @Test func tablesAreLaidOnTheHTMLGrid() throws {
        // 规章 merged over two rows (vMerge), 1 over two columns (gridSpan), one cell left out
        // in front of the last row (gridBefore), a nested table and two paragraphs in one cell.
        let body = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr>" + WordFile.tc("规章", props: #"<w:vMerge w:val="restart"/>"#)
            + WordFile.tc("1", props: #"<w:gridSpan w:val="2"/>"#) + "</w:tr>"
            + "<w:tr>" + WordFile.tc("", props: "<w:vMerge/>") + WordFile.tc("2") + WordFile.tc("3") + "</w:tr>"
            + "<w:tr>" + WordFile.tc("") + WordFile.tc("") + WordFile.tc("") + "</w:tr>"
            + #"<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>"# + "<w:tc>" + WordFile.p("（二）部分公开") + WordFile.p("（区分处理的）") + "</w:tc>"
            + "<w:tc><w:tbl><w:tr>" + WordFile.tc("内") + WordFile.tc("表") + "</w:tr></w:tbl><w:p/></w:tc></w:tr>"
            + "</w:tbl>" + WordFile.p("表后")
        #expect(try rendition(WordFile.p("表前") + body) == "表前\n\n规章\t1\t\n\t2\t3\n\t（二）部分公开 （区分处理的）\t内 表\n\n表后\n")
    }

    @Test func wordsOwnNumberingIsPutBack() throws {
        // List 1: 一、 at level 0, （一） at level 1; list 2 shares it and starts again at 三;
        // the style 标题2 is numbered by list 1 at level 0; list 3 is bullets.
        let numbering = #"<w:numbering xmlns:w="w">"#
            + #"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>"#
            + #"<w:lvlText w:val="%1、"/></w:lvl>"#
            + #"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>"#
            + #"<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>"#
            + #"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>"#
            + "</w:abstractNum>"
            + #"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
            + #"<w:num w:numId="2"><w:abstractNumId w:val="0"/>"#
            + #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>"#
            + #"<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
        let styles = #"<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="2"><w:pPr><w:numPr><w:numId w:val="1"/>"#
            + #"</w:numPr></w:pPr></w:style></w:styles>"#
        func numbered(_ text: String, list: String, level: Int) -> String {
            #"<w:p><w:pPr><w:numPr><w:ilvl w:val="\#(level)"/><w:numId w:val="\#(list)"/></w:numPr></w:pPr>"#
                + "<w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body = numbered("总体情况", list: "1", level: 0) + numbered("主动公开", list: "1", level: 1)
            + numbered("依申请公开", list: "1", level: 1) + #"<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>主动公开政府信息情况</w:t></w:r></w:p>"#
            + numbered("收到和处理政府信息公开申请情况", list: "2", level: 0) + numbered("要点", list: "3", level: 0)
            + numbered("第十二项", list: "1", level: 1)
        let data = try WordFile.docx(body: body, parts: ["word/numbering.xml": numbering, "word/styles.xml": styles])
        #expect(try DocxReader().decode([UInt8](data)).get().text
            == "一、总体情况\n（一）主动公开\n（二）依申请公开\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n要点\n（一）第十二项\n")
        #expect(DocxNumbering.format(12, "chineseCounting") == "十二")
        #expect(DocxNumbering.format(20, "chineseCounting") == "二十")
        #expect(DocxNumbering.format(3, "decimalEnclosedCircle") == "③")
        #expect(DocxNumbering.format(4, "upperRoman") == "IV")
    }

    @Test func aOneColumnTableIsAFrameNotATable() throws {
        // The whole report laid in a one-cell table, its table 二 inside it.
        let inner = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr>" + WordFile.tc("规章") + WordFile.tc("1") + "</w:tr></w:tbl>"
        let body = "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>" + WordFile.p("二、主动公开政府信息情况") + inner
            + WordFile.p("三、收到和处理政府信息公开申请情况") + "</w:tc></w:tr></w:tbl>"
        #expect(try rendition(body) == "二、主动公开政府信息情况\n\n规章\t1\n\n三、收到和处理政府信息公开申请情况\n")
    }

    @Test func aTextBoxIsReadOnceNotAlsoItsFallback() throws {
        let box = "<w:txbxContent>" + WordFile.p("某某镇人民政府") + "</w:txbxContent>"
        let body = "<w:p><w:r><mc:AlternateContent><mc:Choice>\(box)</mc:Choice>"
            + "<mc:Fallback>\(box)</mc:Fallback></mc:AlternateContent></w:r>"
            + "<w:r><w:t>正文</w:t></w:r></w:p>"
        #expect(try rendition(body) == "某某镇人民政府\n正文\n")
    }

    @Test func brokenPackagesAreOneClearError() throws {
        let reader = DocxReader()
        let notZip = reader.decode(Array("PK\u{3}\u{4} not really a zip".utf8))
        #expect(notZip.failure?.diagnostic.code == "file.damaged")
        var cut = [UInt8](try WordFile.docx(body: WordFile.p("正文")))
        cut.removeLast(cut.count / 2)
        #expect(reader.decode(cut).failure?.diagnostic.code == "file.damaged")
        let noDocument = try WordFile.zip(["word/styles.xml": "<w:styles/>"])
        #expect(reader.decode([UInt8](noDocument)).failure?.diagnostic.code == "file.notWord")
        let badXML = try WordFile.zip(["word/document.xml": "<w:document><w:body><w:p>"])
        let failure = reader.decode([UInt8](badXML)).failure?.diagnostic
        #expect(failure?.code == "file.damaged")
        #expect(failure?.message.hasPrefix("Word 文件内容已损坏（word/document.xml 第 1 行") == true)
        #expect(failure?.line == nil)
    }

    @Test func aWordFileWithoutTablesIsReadAsProse() throws {
        let data = try WordFile.docx(body: WordFile.p("某某镇人民政府2020年政府信息公开工作年度报告") + WordFile.p("一、总体情况")
            + WordFile.p("本年度未收到政府信息公开申请。"))
        let outcome = ReportReader().read(data, path: "a.docx", source: "content/a.docx")
        #expect(outcome.document.kind == .docx)
        #expect(outcome.document.text == "某某镇人民政府2020年政府信息公开工作年度报告\n一、总体情况\n本年度未收到政府信息公开申请。\n")
        let report = try #require(outcome.report)
        #expect(report.year == 2020)
        #expect(report.diagnostics.filter { $0.severity >= .warning }.map(\.code) == [])
        #expect(report.diagnostics.map(\.code) == ["report.noTables"])
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
