import Foundation
import Testing
@testable import ReportKit
import NianbaoTestSupport

/// `Normalizer.compact` filters UTF-8 bytes; these pin it to the scalar definition it replaced.
@Suite struct NormalizerCompactTests {
    static let whitespace: Set<UInt32> = Set([0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0x2028, 0x2029, 0x202F, 0x205F, 0xFEFF])
        .union(0x2000...0x200B)

    static func byScalar(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !whitespace.contains(s.value) { out.append(s) }
        return String(out)
    }

    @Test(arguments: ["", " ", "表 三\t一、 本年\u{3000}新收", "a\u{A0}b\u{2007}c\u{200B}d\u{FEFF}e\u{205F}f\u{2028}g\u{2029}h\u{202F}i",
                      "\u{200C}\u{200D}\u{2010}\u{2030}\u{3001}\u{FEFE}\u{C2}\u{E2}\u{E3}", "（一）予以公开 12 件", "👍🏽 e\u{301}"])
    func removesWhitespaceAsScalarsDo(_ text: String) {
        #expect(Normalizer.compact(text) == Self.byScalar(text))
    }

    @Test func randomTextCompactsAsScalarsDo() {
        let alphabet: [Unicode.Scalar] = ["a", "一", "\u{3000}", "\u{3001}", "\u{A0}", "\u{A1}", "\u{2000}", "\u{200B}", "\u{200C}",
                                          "\u{2028}",
                                          "\u{202F}", "\u{2030}", "\u{205F}", "\u{2060}", "\u{FEFF}", "\u{FEFE}", " ", "\t", "\n",
                                          "\u{1F44D}", "\u{301}"]
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<500 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<40, using: &rng) { view.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]) }
            let text = String(view)
            #expect(Normalizer.compact(text) == Self.byScalar(text), "\(text.unicodeScalars.map(\.value))")
        }
    }
}

/// `CellValue.parse` trims scalars itself; this pins it to Foundation's `.whitespaces` trim it
/// replaced: the same cells parse to the same values.
@Suite struct CellValueTrimTests {
    static func viaFoundation(_ raw: String) -> Decimal?? {
        let text = Normalizer.fold(raw).trimmingCharacters(in: .whitespaces)
        if text.isEmpty || CellValue.emptyMarks.contains(text) { return .some(nil) }
        var body = Substring(text)
        for unit in CellValue.units where body.hasSuffix(unit) {
            body = body.dropLast(unit.count)
            break
        }
        body = Substring(body.trimmingCharacters(in: .whitespaces))
        guard let number = CellValue.number(body) else { return nil }
        return .some(number)
    }

    @Test func randomCellsParseAsWithFoundationTrim() {
        let alphabet: [String] = ["1", "2", "0", ".", "+", "-", "万元", "件", " ", "\t", "\u{3000}", "\u{A0}", "\u{1680}", "\u{2001}",
                                  "\u{2009}",
                                  "\u{200B}", "\u{202F}", "\u{205F}", "\u{301}", "/", "—", "无", "１", "a", "\n"]
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<8, using: &rng)
            let raw = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }.joined()
            #expect(CellValue.parse(raw) == Self.viaFoundation(raw), "\(raw.unicodeScalars.map(\.value))")
        }
    }
}

/// pdftotext starts each page with a form feed: the line after it is still a heading.
@Suite struct PageBreakTests {
    @Test func aFormFeedOrVerticalTabIsASpace() {
        #expect(Normalizer.line("\u{0C}四、政府信息公开行政复议、行政诉讼情况") == " 四、政府信息公开行政复议、行政诉讼情况")
        #expect(Normalizer.fold("a\u{0B}b\u{0C}c\r") == "a b c")
        #expect(SectionHeading.section(of: TextLine(normalizing: "\u{0C}四、政府信息公开行政复议、行政诉讼情况", number: 1)) == 4)
    }
}
