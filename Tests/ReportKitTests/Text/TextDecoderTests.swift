import Foundation
import NianbaoTestSupport
import ReportKit
import Testing

// The four `text-*` fixtures hold the same three CRLF lines (including full-width ３, a
// four-byte GB18030 character 𠀀 and €), made with:
//   printf '兴庆区掌政镇2020年政府信息公开工作年度报告\r\n一、总体情况\r\n本年新收申请３件，𠀀€。\r\n' > s.txt
//   iconv -f UTF-8 -t GB18030 s.txt > text-gb18030.txt
//   (printf '\xef\xbb\xbf'; cat s.txt) > text-utf8-bom.txt
//   (printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE s.txt) > text-utf16le-bom.txt
//   (printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE s.txt) > text-utf16be-bom.txt

private let sample = "兴庆区掌政镇2020年政府信息公开工作年度报告\r\n一、总体情况\r\n本年新收申请３件，𠀀€。\r\n"

private func fixtureBytes(_ name: String) throws -> [UInt8] {
    let url = Fixture.directory().deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return Array(try Data(contentsOf: url))
}

struct EncodingCase: CustomTestStringConvertible, Sendable {
    let file: String
    let encoding: String
    let diagnostics: [Diagnostic]
    var testDescription: String { file }
}

private let encodingCases = [
    EncodingCase(file: "text-utf8-bom.txt", encoding: "UTF-8", diagnostics: []),
    EncodingCase(file: "text-utf16le-bom.txt", encoding: "UTF-16LE",
                 diagnostics: [.info("text.encoding", "按 UTF-16LE 编码读取", line: nil)]),
    EncodingCase(file: "text-utf16be-bom.txt", encoding: "UTF-16BE",
                 diagnostics: [.info("text.encoding", "按 UTF-16BE 编码读取", line: nil)]),
    EncodingCase(file: "text-gb18030.txt", encoding: "GB18030",
                 diagnostics: [.info("text.encoding", "按 GB18030 编码读取", line: nil)]),
]

@Suite struct TextDecoderTests {
    @Test(arguments: encodingCases)
    func decodesFixtureKeepingLineEndingsAndFullWidthForms(_ c: EncodingCase) throws {
        let decoded = TextDecoder.decode(try fixtureBytes(c.file))
        #expect(decoded.text == sample)
        #expect(decoded.encoding == c.encoding)
        #expect(decoded.diagnostics == c.diagnostics)
    }

    /// Issue 12: UTF-16 saved without a byte order mark was read as UTF-8 with a NUL after
    /// every ASCII letter (and as mojibake for the Chinese).
    @Test(arguments: [true, false])
    func utf16WithoutABOMIsRecognised(littleEndian: Bool) throws {
        let bom = try fixtureBytes(littleEndian ? "text-utf16le-bom.txt" : "text-utf16be-bom.txt")
        let decoded = TextDecoder.decode(Array(bom.dropFirst(2)))
        #expect(decoded.text == sample)
        #expect(decoded.encoding == (littleEndian ? "UTF-16LE" : "UTF-16BE"))
    }

    @Test func plainUTF8HasNoDiagnostic() {
        let decoded = TextDecoder.decode(Array("表三\n一、本年新收\t3".utf8))
        #expect(decoded == DecodedText(text: "表三\n一、本年新收\t3", encoding: "UTF-8"))
    }

    @Test func emptyInputIsEmptyUTF8() {
        #expect(TextDecoder.decode([]) == DecodedText(text: "", encoding: "UTF-8"))
        #expect(TextDecoder.decode([0xEF, 0xBB, 0xBF]) == DecodedText(text: "", encoding: "UTF-8"))
    }

    @Test func gbkTwoByteTextIsGB18030() {
        // 年报 in GBK.
        let decoded = TextDecoder.decode([0xC4, 0xEA, 0xB1, 0xA8, 0x0A])
        #expect(decoded.text == "年报\n")
        #expect(decoded.encoding == "GB18030")
    }

    @Test func badByteInMostlyUTF8TextWarnsWithItsLine() {
        // Three good UTF-8 lines, then 0xFF (never valid in UTF-8 nor GB18030) on line 3.
        var bytes = Array("第一行\r\n第二行\n坏".utf8)
        bytes.append(0xFF)
        bytes += Array("字\n".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.text == "第一行\r\n第二行\n坏\u{FFFD}字\n")
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.diagnostics == [
            .warning("text.undecodable", "有 1 处字节不是有效的 UTF-8 编码，已显示为 �；第一处在第 3 行", line: 3),
        ])
    }

    @Test func damagedUTF8ThatIsValidGB18030StaysUTF8() {
        // 年报 in UTF-8 is E5 B9 B4 E6 8A A5: three valid GB18030 pairs. With C0 C0 (a valid
        // GB18030 pair, never valid UTF-8) in the middle, the whole file is clean GB18030 mojibake.
        let good = Array(String(repeating: "年报", count: 20).utf8)
        let decoded = TextDecoder.decode(good + [0xC0, 0xC0] + good)
        #expect(decoded.text == String(repeating: "年报", count: 20) + "\u{FFFD}\u{FFFD}" + String(repeating: "年报", count: 20))
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.diagnostics == [
            .warning("text.undecodable", "有 2 处字节不是有效的 UTF-8 编码，已显示为 �；第一处在第 1 行", line: 1),
        ])
    }

    @Test func badByteInGBKTextKeepsGB18030AndWarns() {
        // 年报 / 0x80 (invalid GB18030 single byte) / 年报, GBK-encoded, on line 2.
        let bytes: [UInt8] = [0xC4, 0xEA, 0x0A, 0xB1, 0xA8, 0x80, 0xC4, 0xEA, 0xB1, 0xA8]
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.text == "年\n报\u{FFFD}年报")
        #expect(decoded.encoding == "GB18030")
        #expect(decoded.diagnostics == [
            .info("text.encoding", "按 GB18030 编码读取", line: nil),
            .warning("text.undecodable", "有 1 处字节不是有效的 GB18030 编码，已显示为 �；第一处在第 2 行", line: 2),
        ])
    }

    @Test func truncatedGB18030AtEndIsReplaced() {
        // 年 then a lone lead byte: iconv reports EINVAL, which must end the loop.
        let decoded = TextDecoder.decode([0xC4, 0xEA, 0xB1, 0xA8, 0xC4])
        #expect(decoded.text == "年报\u{FFFD}")
        #expect(decoded.encoding == "GB18030")
    }

    @Test func oddUTF16LengthIsReplaced() {
        let decoded = TextDecoder.decode([0xFF, 0xFE, 0x61, 0x00, 0x62])
        #expect(decoded.text == "a\u{FFFD}")
        #expect(decoded.diagnostics == [
            .info("text.encoding", "按 UTF-16LE 编码读取", line: nil),
            .warning("text.undecodable", "有 1 处字节不是有效的 UTF-16LE 编码，已显示为 �；第一处在第 1 行", line: 1),
        ])
    }

    @Test func largeGB18030TextGrowsTheOutputBuffer() {
        // 100,000 × 年 (GBK C4 EA): 300,000 UTF-8 bytes, several times iconv's output buffer.
        let bytes: [UInt8] = (0..<200_000).map { $0 % 2 == 0 ? 0xC4 : 0xEA }
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.encoding == "GB18030")
        #expect(decoded.text == String(repeating: "年", count: 100_000))
        #expect(decoded.diagnostics == [.info("text.encoding", "按 GB18030 编码读取", line: nil)])
    }

    /// A fixed seed, so a failure is repeatable; `NIANBAO_SEED=n` tries others.
    @Test func randomBytesNeverCrashAndAlwaysGiveText() {
        let seed = ProcessInfo.processInfo.environment["NIANBAO_SEED"].flatMap(UInt64.init) ?? 20_241_206
        var rng = SeededGenerator(seed: seed)
        for round in 0..<300 {
            let count = Int(rng.next() % 600)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            // Now and then start with a BOM, to reach the UTF-16 and BOM branches.
            switch round % 5 {
            case 1: bytes = [0xFF, 0xFE] + bytes
            case 2: bytes = [0xFE, 0xFF] + bytes
            case 3: bytes = [0xEF, 0xBB, 0xBF] + bytes
            default: break
            }
            let decoded = TextDecoder.decode(bytes)
            #expect(["UTF-8", "UTF-16LE", "UTF-16BE", "GB18030"].contains(decoded.encoding), "seed \(seed) round \(round)")
            #expect(decoded.diagnostics.allSatisfy { $0.code == "text.encoding" || $0.code == "text.undecodable" },
                    "seed \(seed) round \(round)")
            // Every non-empty body decodes to some text.
            if bytes.count > 3 { #expect(!decoded.text.isEmpty, "seed \(seed) round \(round)") }
        }
    }
}

