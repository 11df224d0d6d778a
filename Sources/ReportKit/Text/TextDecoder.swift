// Decoding happens once, at the edge: bytes in, one `String` out, plus a note of
// what was detected. Nothing is configured: Chinese government sites publish UTF-8, UTF-8
// with a BOM (Notepad), UTF-16 (Word "Unicode text") and GBK/GB2312 side by side, often on
// the same portal, so the encoding is read from the bytes of each file.
//
// Order of tries, and why:
// 1. A byte order mark is decisive (EF BB BF, FF FE, FE FF): it is removed, never kept as text.
// 2. Valid UTF-8 is UTF-8. A GBK text of any length is almost never valid UTF-8, while the
//    reverse (UTF-8 that happens to be valid GB18030) is common, so UTF-8 must be tried first.
//    For the same reason UTF-8 with a few bad bytes among ten times as many good multi-byte
//    characters stays (lossy) UTF-8.
// 3. GB18030 through glibc's iconv: a superset of GBK and GB2312, so one try covers all three.
// 4. Otherwise whichever of GB18030 and UTF-8 loses fewer bytes, with U+FFFD for each bad
//    sequence and a warning naming the first bad line: one bad byte never loses a report.
//
// Never: line endings or full-width forms are left alone here, so line numbers still match
// the file as published (the parser normalises later and keeps those numbers).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text decoded from a file's bytes, with the encoding that was detected.
public struct DecodedText: Sendable, Hashable {
    /// The text, without a byte order mark, line endings as in the file.
    public var text: String
    /// The encoding used: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `GB18030`.
    public var encoding: String
    /// `info` `text.encoding` when the encoding is not UTF-8; `warning` `text.undecodable` when
    /// some bytes could not be decoded (each replaced by U+FFFD).
    public var diagnostics: [Diagnostic]

    public init(text: String, encoding: String, diagnostics: [Diagnostic] = []) {
        self.text = text
        self.encoding = encoding
        self.diagnostics = diagnostics
    }
}

/// Detects the encoding of a report file and decodes it.
///
/// ```
/// [0xEF, 0xBB, 0xBF, 0x61]         → "a", UTF-8, no diagnostic
/// [0xC4, 0xEA, 0xB1, 0xA8]  (年报)  → "年报", GB18030, info text.encoding
/// [0x61, 0xFF, 0x0A]               → "a\u{FFFD}\n", UTF-8, warning text.undecodable @1
/// ```
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return utf16(bytes.dropFirst(2), littleEndian: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(bytes.dropFirst(2), littleEndian: false)
        }
        if let littleEndian = utf16ByteOrder(bytes) {
            return utf16(bytes[...], littleEndian: littleEndian)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: "UTF-8")
        }
        // Damaged UTF-8 (a few bad bytes among many good multi-byte characters) stays UTF-8:
        // GBK text is invalid UTF-8 at nearly every Chinese character, so it never looks like
        // this, while UTF-8 Chinese often happens to be valid GB18030 and would turn to mojibake.
        let counts = utf8Errors(bytes)
        if counts.multiByte >= 10 * counts.errorCount {
            return lossyResult(lossyUTF8(bytes), bytes)
        }
        let gb = GB18030.decode(bytes)
        if gb.firstError == nil, let text = gb.text {
            return DecodedText(text: text, encoding: "GB18030", diagnostics: [.decodedAs("GB18030")])
        }
        if let text = gb.text, let gbError = gb.firstError, gb.errorCount < counts.errorCount {
            return DecodedText(text: text, encoding: "GB18030", diagnostics: [
                .decodedAs("GB18030"),
                .undecodable(encoding: "GB18030", count: gb.errorCount, line: lineNumber(before: gbError, in: bytes)),
            ])
        }
        return lossyResult(lossyUTF8(bytes), bytes)
    }

    private static func lossyResult(_ lossy: (text: String, errorCount: Int, firstError: Int?, multiByte: Int), _ bytes: [UInt8]) -> DecodedText {
        DecodedText(text: lossy.text, encoding: "UTF-8", diagnostics: [
            .undecodable(encoding: "UTF-8", count: lossy.errorCount, line: lineNumber(before: lossy.firstError ?? 0, in: bytes)),
        ])
    }

    // MARK: UTF-8

    private static func utf8(_ bytes: [UInt8]) -> DecodedText {
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: "UTF-8")
        }
        return lossyResult(lossyUTF8(bytes), bytes)
    }

    /// What `lossyUTF8` counts, without building the text (a GBK file is read as GB18030, and
    /// its UTF-8 reading is only counted).
    static func utf8Errors(_ bytes: [UInt8]) -> (errorCount: Int, multiByte: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var errors = 0
        var multiByte = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): if encoded.count > 1 { multiByte += 1 }
            case .error: errors += 1
            case .emptyInput: break loop
            }
        }
        return (errors, multiByte)
    }

    /// Decodes UTF-8, one U+FFFD per bad sequence, counting them and noting the first offset,
    /// and counting the good multi-byte characters.
    ///
    /// The text is built as UTF-8 bytes (each run of good sequences copied, each bad one EF BF BD) and
    /// made a `String` once: appending scalar by scalar to a `String` costs hundreds of
    /// instructions a character, and damaged files are what the fuzzer feeds most.
    static func lossyUTF8(_ bytes: [UInt8]) -> (text: String, errorCount: Int, firstError: Int?, multiByte: Int) {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        // The good bytes since the last bad sequence, copied in one go.
        var run = 0
        var errors = 0
        var first: Int?
        var multiByte = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count > 1 { multiByte += 1 }
            case .error(let length):
                utf8.append(contentsOf: bytes[run..<offset])
                utf8.append(0xEF); utf8.append(0xBF); utf8.append(0xBD)         // U+FFFD
                if first == nil { first = offset }
                errors += 1
                offset += length
                run = offset
            case .emptyInput:
                break loop
            }
        }
        utf8.append(contentsOf: bytes[run..<offset])
        return (String(decoding: utf8, as: UTF8.self), errors, first, multiByte)
    }

    // MARK: UTF-16

    /// The byte order of UTF-16 text saved without a byte order mark (`true`: little-endian),
    /// `nil` when the bytes are not that. Checked before UTF-8 because ASCII in UTF-16 is also
    /// valid UTF-8 (with a NUL after every letter). The signs: NUL bytes mostly on one side of
    /// the byte pairs (line breaks, digits and Latin letters have a zero high byte), and the
    /// whole text decoding as UTF-16 without error into letters, CJK and whitespace.
    public static func utf16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        let head = bytes.prefix(16_384)
        guard head.count >= 8, head.count % 2 == 0 || bytes.count > head.count else { return nil }
        var even = 0, odd = 0
        var i = head.startIndex
        while i + 1 < head.endIndex {
            if head[i] == 0 { even += 1 }
            if head[i + 1] == 0 { odd += 1 }
            i += 2
        }
        let pairs = head.count / 2
        let littleEndian: Bool
        // The other side has a few NULs too: characters U+xx00 (一 is U+4E00) and surrogates.
        if odd * 50 >= pairs && odd >= 2 * even { littleEndian = true } else if even * 50 >= pairs && even >= 2 * odd { littleEndian = false } else { return nil }
        guard bytes.count % 2 == 0 else { return nil }
        let decoded = utf16(bytes[...], littleEndian: littleEndian)
        guard decoded.diagnostics.count == 1 else { return nil }  // only the encoding note: no undecodable units
        var plausible = 0, total = 0
        for scalar in decoded.text.unicodeScalars.prefix(4096) {
            total += 1
            let v = scalar.value
            if (0x20...0x7E).contains(v) || v == 0x09 || v == 0x0A || v == 0x0D || (0x3000...0x9FFF).contains(v)
                || (0xFF00...0xFFEF).contains(v) || (0x2000...0x206F).contains(v) { plausible += 1 }
        }
        return total > 0 && plausible * 10 >= total * 9 ? littleEndian : nil
    }

    private static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool) -> DecodedText {
        let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        var errors = 0
        var firstError: Int?
        var unitOffset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF16.decode(encoded))
                unitOffset += encoded.count
            case .error(let length):
                scalars.append("\u{FFFD}")
                if firstError == nil { firstError = unitOffset }
                errors += 1
                unitOffset += length
            case .emptyInput:
                break loop
            }
        }
        if body.count % 2 == 1 {
            // A dangling last byte: half a code unit.
            scalars.append("\u{FFFD}")
            if firstError == nil { firstError = units.count }
            errors += 1
        }
        var diagnostics: [Diagnostic] = [.decodedAs(name)]
        if let firstError {
            var line = 1
            var previousCR = false
            for unit in units.prefix(firstError) {
                if unit == 0x0A { if !previousCR { line += 1 } } else if unit == 0x0D { line += 1 }
                previousCR = unit == 0x0D
            }
            diagnostics.append(.undecodable(encoding: name, count: errors, line: line))
        }
        return DecodedText(text: String(scalars), encoding: name, diagnostics: diagnostics)
    }

    /// The 1-based line holding byte `offset`, for encodings where 0x0A and 0x0D only ever
    /// mean a line break (UTF-8 and GB18030: neither uses them inside a multi-byte sequence).
    /// Counts `\n`, `\r\n` and `\r` as one break each, like `SourceText.lines`.
    static func lineNumber(before offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var previousCR = false
        for byte in bytes.prefix(offset) {
            if byte == 0x0A { if !previousCR { line += 1 } } else if byte == 0x0D { line += 1 }
            previousCR = byte == 0x0D
        }
        return line
    }
}

extension Diagnostic {
    /// `info` `text.encoding`: `按 GB18030 编码读取`.
    static func decodedAs(_ encoding: String) -> Diagnostic {
        .info("text.encoding", "按 \(encoding) 编码读取", line: nil)
    }

    /// `warning` `text.undecodable`: how many byte sequences were replaced, and the first line.
    static func undecodable(encoding: String, count: Int, line: Int) -> Diagnostic {
        .warning("text.undecodable",
                 "有 \(count) 处字节不是有效的 \(encoding) 编码，已显示为 �；第一处在第 \(line) 行",
                 line: line)
    }
}
