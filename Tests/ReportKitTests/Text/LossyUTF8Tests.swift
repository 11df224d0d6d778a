import NianbaoTestSupport
import Testing
@testable import ReportKit

/// `TextDecoder.lossyUTF8` builds its text as bytes; it must give what appending each decoded
/// scalar (U+FFFD for each bad sequence, as the standard library's parser splits them) gives.
@Suite struct LossyUTF8Tests {
    /// The reading it replaced: scalar by scalar.
    static func scalarByScalar(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
            case .error: scalars.append("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
        return String(scalars)
    }

    @Test func countsAndReplacesEachBadSequence() {
        // 年, a lone continuation byte, a cut-off 3-byte lead, 𠀀, an overlong NUL, a surrogate.
        let bytes: [UInt8] = [0xE5, 0xB9, 0xB4, 0x80, 0xE5, 0xB9, 0x41, 0xF0, 0xA0, 0x80, 0x80, 0xC0, 0x80, 0xED, 0xA0, 0x80]
        let lossy = TextDecoder.lossyUTF8(bytes)
        #expect(lossy.text.unicodeScalars.map(\.value) == [0x5E74, 0xFFFD, 0xFFFD, 0x41, 0x20000, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD])
        #expect(lossy.errorCount == 7)
        #expect(lossy.firstError == 3)
        #expect(lossy.multiByte == 2)
    }

    /// Seeded random bytes weighted to UTF-8 leads and continuations, so most inputs mix good and bad sequences.
    @Test(arguments: 0..<300) func givesTheTextOfScalarByScalarDecoding(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let alphabet: [UInt8] = [0x41, 0x0A, 0x0D, 0x80, 0xBF, 0xA0, 0xC0, 0xC2, 0xE0, 0xE5, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
        #expect(TextDecoder.lossyUTF8(bytes).text == Self.scalarByScalar(bytes), "seed \(seed)")
    }
}
