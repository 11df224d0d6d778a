import Foundation
import NianbaoTestSupport
import ReportKit
import Testing
@testable import InputKit

/// Issue 12, part B: a Latin-1 or Big5 file is one error, not a page of GBK rarities under
/// `unknown-year/`; a Chinese report in GB18030 or with a few damaged bytes is still read.
@Suite struct EncodingCheckTests {
    func read(_ bytes: [UInt8]) -> ReportReader.Outcome {
        ReportReader().read(Data(bytes), path: "a.txt", source: "content/a.txt")
    }

    @Test func latin1TextIsOneErrorNamingItsFirstLine() {
        // Windows-1252 / Latin-1: é = E9, è = E8, à = E0, ç = E7.
        let text: [UInt8] = Array("Rapport annuel\n\nL'administration a publi".utf8) + [0xE9] + Array(" les d".utf8) + [0xE9]
            + Array("cisions, tr".utf8) + [0xE8] + Array("s nombreuses, ".utf8) + [0xE0] + Array(" la fa".utf8) + [0xE7]
            + Array("on habituelle et r".utf8) + [0xE9] + Array("guli".utf8) + [0xE8] + Array("re.\n".utf8)
        let outcome = read(text)
        #expect(outcome.report == nil)
        #expect(outcome.problems.map(\.code) == ["text.unknownEncoding"])
        #expect(outcome.problems.first?.line == 3)
        #expect(outcome.problems.first?.message.hasSuffix("请用 UTF-8 编码另存报告全文（记事本：另存为 → 编码 UTF-8）") == true)
    }

    @Test func chineseInGBKIsRead() {
        // 政府信息公开工作年度报告 in GBK: every character is in GB2312.
        let gbk: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA,
                            0xB9, 0xA4, 0xD7, 0xF7, 0xC4, 0xEA, 0xB6, 0xC8, 0xB1, 0xA8, 0xB8, 0xE6, 0x0A]
        #expect(EncodingCheck.rareGBKShare(gbk) == nil)
        let outcome = read(gbk)
        #expect(outcome.report != nil)
        #expect(!outcome.problems.map(\.code).contains("text.unknownEncoding"))
        #expect(outcome.document.text == "政府信息公开工作年度报告\n")
    }

    @Test func aReportWithAFewDamagedBytesIsStillRead() throws {
        var bytes = [UInt8](try Data(contentsOf: Fixture.seeds.appendingPathComponent("000_c2bcf9dd95c89acf.txt")))
        for offset in [100, 2_000, 4_000] { bytes[offset] = 0xFF }
        let outcome = read(bytes)
        #expect(outcome.report != nil)
        #expect(outcome.report?.diagnostics.contains { $0.code == "text.undecodable" } == true)
    }
}
