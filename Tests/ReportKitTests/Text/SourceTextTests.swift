import Testing
import ReportKit
import NianbaoTestSupport

/// `SourceText.lines` scans bytes; these pin it to the definition it replaced: split by
/// `Character` at `\n`, `\r\n` and `\r`, empty lines kept.
@Suite struct SourceTextTests {
    static func byCharacter(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }

    @Test(arguments: ["", "\n", "a", "a\n", "\na", "a\r\nb", "a\rb", "a\r\rb", "a\n\rb", "\r\n\r\n", "a\r", "一\r\n二\n\n三",
                      "a\n\u{301}b", "e\u{301}\r\n\u{301}", "👍🏽\n🇨🇳\r🇨🇳", "\t表三\t0\t1\r\n"])
    func splitsAsCharactersDo(_ text: String) {
        let lines = SourceText.lines(text)
        #expect(lines.map(\.text) == Self.byCharacter(text))
        #expect(lines.map(\.number) == Array(1...max(1, lines.count)))
    }

    @Test func randomTextSplitsAsCharactersDo() {
        let alphabet: [String] = ["\n", "\r", "\r\n", "a", " ", "\t", "一", "\u{301}", "\u{200D}", "👍", "\u{1F3FD}", "１"]
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let length = Int.random(in: 0..<80, using: &rng)
            let text = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }.joined()
            #expect(SourceText.lines(text).map(\.text) == Self.byCharacter(text), "\(Array(text.unicodeScalars))")
        }
    }
}
