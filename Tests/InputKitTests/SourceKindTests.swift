import Testing
import Foundation
@testable import InputKit

@Suite struct SourceKindTests {
    @Test func aFileIsReadAsWhatItsBytesSay() throws {
        let pdf = Array("%PDF-1.7\n%âãÏÓ\n".utf8)
        #expect(SourceKind.of(fileExtension: "txt", bytes: pdf) == .pdf)
        #expect(SourceKind.of(fileExtension: "pdf", bytes: pdf) == .pdf)
        // Some writers put a few bytes before the header; readers look in the first 1,024.
        #expect(SourceKind.of(fileExtension: "html", bytes: Array(repeating: 0x20, count: 100) + pdf) == .pdf)
        let docx = [UInt8](try WordFile.docx(body: WordFile.p("正文")))
        #expect(SourceKind.of(fileExtension: "txt", bytes: docx) == .docx)
        #expect(SourceKind.of(fileExtension: "pdf", bytes: docx) == .docx)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]
        #expect(SourceKind.of(fileExtension: "doc", bytes: ole) == .legacyWord)
        #expect(SourceKind.of(fileExtension: "wps", bytes: ole) == .legacyWord)
        #expect(SourceKind.of(fileExtension: "txt", bytes: ole) == .legacyWord)
        // A ZIP that is no Word file keeps its name's kind; its reader says what is wrong.
        let zip = [UInt8](try WordFile.zip(["a.txt": "x"]))
        #expect(SourceKind.of(fileExtension: "docx", bytes: zip) == .docx)
        #expect(SourceKind.of(fileExtension: "txt", bytes: zip) == .text)
        #expect(SourceKind.of(fileExtension: "txt", bytes: Array("正文".utf8)) == .text)
        #expect(SourceKind.of(fileExtension: "yml", bytes: pdf) == nil)
    }

    @Test func oldWordAndWPSFilesSayToSaveAsDocxOrPDF() {
        let outcome = ReportReader().read(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), path: "a.doc", source: "content/a.doc")
        #expect(outcome.report == nil)
        #expect(outcome.problems.map(\.code) == ["file.legacyWord"])
        #expect(outcome.problems.first?.message.contains("另存为” .docx 或 PDF") == true)
        #expect(outcome.document.kind.rawName == "source.doc")
    }

    @Test func aSidecarIsNotAReportAndItsFieldsApply() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-sidecar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = try WordFile.docx(body: WordFile.p("某某镇政府信息公开工作年度报告") + WordFile.p("一、总体情况"))
        try docx.write(to: folder.appendingPathComponent("报告.docx"))
        try "year: 2019\nbody: 某某镇人民政府\ncolour: red\n"
            .write(to: folder.appendingPathComponent("报告.docx.yml"), atomically: true, encoding: .utf8)
        #expect(try ContentFolder.discover(in: folder).entries.map(\.relativePath) == ["报告.docx"])
        let url = folder.appendingPathComponent("报告.docx")
        let report = try #require(ReportReader().read(fileAt: url, path: "报告.docx", source: "content/报告.docx").report)
        #expect(report.year == 2019)
        #expect(report.body == "某某镇人民政府")
        let unknown = try #require(report.diagnostics.first { $0.code == "frontMatter.unknownKey" })
        #expect(unknown.message.hasPrefix("报告.docx.yml 第 3 行：front matter 中的 colour 不是可用的字段"))
        #expect(unknown.line == nil)
    }

    @Test func aPDFOrWordFileStartingWithDashesHasNoFrontMatterInside() throws {
        let data = try WordFile.docx(body: WordFile.p("---") + WordFile.p("year: 2019") + WordFile.p("---") + WordFile.p("正文"))
        let prepared = ReportReader().prepare(data, path: "a.docx", source: "content/a.docx")
        #expect(prepared.input?.lines.map(\.text) == ["---", "year: 2019", "---", "正文", ""])
        #expect(prepared.input?.overrides.year == nil)
    }
}
