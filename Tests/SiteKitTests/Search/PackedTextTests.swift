import NianbaoTestSupport
import Testing
@testable import SiteKit

@Suite struct PackedTextTests {
    @Test(arguments: ["", "a", "一、总体情况\u{2029}本年共收到申请 **3** 件。", String(repeating: "依申请公开情况。", count: 500), "𠀀\u{0}é"])
    func readsBackWhatItKept(text: String) {
        #expect(PackedText(text).string == text)
        #expect(PackedText(text) == PackedText(text))
    }

    @Test func aTemplateTextKeepsAFractionOfItsBytes() {
        let text = String(repeating: "本机关本年度共收到政府信息公开申请3件，其中当面申请1件。", count: 100)
        #expect(PackedText(text).packedCount < text.utf8.count / 10)
    }

    @Test func anEntryKeepsItsTextPacked() {
        var rng = SeededGenerator(seed: 7)
        let scalars = (0..<2000).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x4E40, using: &rng))!) }
        var entry = SearchEntry(title: nil, body: nil, year: 2020, chain: [], codes: [], code: nil, figures: [], text: "")
        entry.text = String(scalars)
        #expect(entry.text == String(scalars))
    }
}
