// Byte-level string helpers for the parser's per-line loops.
//
// Why not Foundation or `String`'s own methods: with Foundation imported, `contains`,
// `range(of:)` and `trimmingCharacters(in:)` bridge every call through `NSString` and a
// locale-aware CFString search, and `==`/`hasPrefix` on non-ASCII strings normalise both sides
// (Unicode canonical equivalence). The parser compares text that is already normalised
// (`Normalizer`), so comparing UTF-8 bytes gives the same answers at a small fraction of the
// instructions (`nianbao-bench`'s profile: these calls were a third of parsing).

import Foundation   // libc's memchr and memcmp, nothing of Foundation's own

/// UTF-8 byte comparisons, trims and counts on `String`s.
enum UTF8Text {
    /// Whether `s` starts with `prefix`, byte for byte.
    @inline(__always)
    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        var s = s, prefix = prefix
        return s.withUTF8 { a in prefix.withUTF8 { p in
            a.count >= p.count && (p.isEmpty || memeq(a.baseAddress!, p.baseAddress!, p.count))
        } }
    }

    /// Whether `s` ends with `suffix`, byte for byte.
    @inline(__always)
    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        var s = s, suffix = suffix
        return s.withUTF8 { a in suffix.withUTF8 { p in
            a.count >= p.count && (p.isEmpty || memeq(a.baseAddress! + (a.count - p.count), p.baseAddress!, p.count))
        } }
    }

    /// Whether `a` and `b` hold the same bytes.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && hasPrefix(a, b)
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        find(needle, in: haystack) != nil
    }

    /// The byte offset of the first occurrence of `needle` in `haystack`, at or after `from`.
    static func find(_ needle: String, in haystack: String, from: Int = 0) -> Int? {
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in find(nb, in: hb, from: from) } }
    }

    /// The byte offset of the first occurrence of `needle` in `hay`, at or after `from`.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return from <= hay.count ? from : nil }
        guard from >= 0, hay.count - from >= n else { return nil }
        // Scan for the needle's third byte when it starts with an ideograph: CJK text repeats
        // the lead bytes (E4–E9) so often that a first-byte scan stops at nearly every
        // character, while the last byte of a character takes 64 values.
        let pivot = n >= 3 && needle[0] >= 0xE0 ? 2 : 0
        // libc's memchr and memcmp do the scanning: vectorised, and (in the fuzz build) not
        // instrumented byte by byte.
        let p = Int32(needle[pivot])
        let h = hay.baseAddress!, nb = needle.baseAddress!
        var i = from + pivot
        let last = hay.count - n + pivot
        while i <= last {
            guard let hit = memchr(h + i, p, last - i + 1) else { return nil }
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(h)
            let start = at - pivot
            if memcmp(h + start, nb, n) == 0 { return start }
            i = at + 1
        }
        return nil
    }

    /// The byte offset of the last occurrence of `needle` in `haystack`.
    static func findLast(_ needle: String, in haystack: String) -> Int? {
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb -> Int? in
            let count = nb.count
            guard count > 0, hb.count >= count else { return nil }
            var i = hb.count - count
            while i >= 0 {
                if hb[i] == nb[0] && memeq(hb.baseAddress! + i, nb.baseAddress!, count) { return i }
                i -= 1
            }
            return nil
        } }
    }

    /// The text from byte offset `from` to `to` (both on scalar boundaries).
    static func slice(_ s: String, _ from: Int, _ to: Int? = nil) -> String {
        var s = s
        return s.withUTF8 { b in
            let end = min(to ?? b.count, b.count)
            guard from < end else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: b[from..<end]), as: UTF8.self)
        }
    }

    private static func memeq(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    // MARK: Spaces

    /// The length in bytes of the horizontal space scalar at `b[i]` (what Foundation's
    /// `CharacterSet.whitespaces` holds: Unicode Zs and the tab), 0 when there is none.
    @inline(__always)
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 { return 1 }
        if c < 0xC2 { return 0 }
        let n = b.count
        switch c {
        case 0xC2: return i + 1 < n && b[i + 1] == 0xA0 ? 2 : 0
        case 0xE1: return i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0    // U+1680
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let c1 = b[i + 1], c2 = b[i + 2]
            if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF) && c2 >= 0x80 { return 3 }     // U+2000–200A, U+202F
            if c1 == 0x81 && c2 == 0x9F { return 3 }                                   // U+205F
            return 0
        case 0xE3: return i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0    // U+3000
        default: return 0
        }
    }

    /// The length of the space scalar ending just before `end`, 0 when there is none.
    @inline(__always)
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int {
        guard end > 0 else { return 0 }
        let c = b[end - 1]
        if c == 0x20 || c == 0x09 { return 1 }
        if end >= 2, spaceLength(b, end - 2) == 2 { return 2 }
        if end >= 3, spaceLength(b, end - 3) == 3 { return 3 }
        return 0
    }

    /// The byte range of `s` without leading and trailing spaces (`CharacterSet.whitespaces`).
    static func trimmedRange(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, end = b.count
        while start < end {
            let k = spaceLength(b, start)
            if k == 0 { break }
            start += k
        }
        while end > start {
            let k = spaceLength(b, endingAt: end)
            if k == 0 { break }
            end -= k
        }
        return start..<end
    }

    /// `s` without leading and trailing spaces: what `trimmingCharacters(in: .whitespaces)`
    /// gives (Unicode Zs and the tab are each one UTF-16 unit, so trimming scalars is trimming
    /// what NSString trims).
    static func trimmed<S: StringProtocol>(_ s: S) -> String {
        var text = String(s)
        return text.withUTF8 { b -> String? in
            let r = trimmedRange(b)
            if r.count == b.count { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        } ?? text
    }

    /// Whether `s` holds nothing but spaces (`CharacterSet.whitespaces`).
    static func isBlank(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { trimmedRange($0).isEmpty }
    }

    /// Whether `s` holds a tab.
    static func hasTab(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            for c in b where c == 0x09 { return true }
            return false
        }
    }

    /// Whether `s` holds an ASCII digit.
    static func hasDigit(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            for c in b where c &- 0x30 < 10 { return true }
            return false
        }
    }

    // MARK: Cells

    /// The tab-separated cells of `s`, each trimmed (`split(separator: "\t")` keeping empty cells).
    static func cells(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { b in
            var result: [String] = []
            var start = 0
            for k in 0...b.count where k == b.count || b[k] == 0x09 {
                let cell = UnsafeBufferPointer(rebasing: b[start..<k])
                result.append(String(decoding: UnsafeBufferPointer(rebasing: cell[trimmedRange(cell)]), as: UTF8.self))
                start = k + 1
            }
            return result
        }
    }

    /// The pieces of `s` between spaces (U+0020) and tabs, empty pieces left out.
    static func pieces(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { b in
            var result: [String] = []
            var start = 0
            for k in 0...b.count where k == b.count || b[k] == 0x20 || b[k] == 0x09 {
                if k > start { result.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<k]), as: UTF8.self)) }
                start = k + 1
            }
            return result
        }
    }

    /// The parts of `s` between any of `separators`, empty parts left out.
    static func split(_ s: String, separators: [String]) -> [String] {
        var s = s
        let seps = separators.map { Array($0.utf8) }
        return s.withUTF8 { b in
            var result: [String] = []
            var start = 0
            var k = 0
            while k <= b.count {
                var length = 0
                if k == b.count {
                    length = 1
                } else {
                    for sep in seps where k + sep.count <= b.count && b[k..<(k + sep.count)].elementsEqual(sep) { length = sep.count; break }
                }
                if length > 0 {
                    if k > start { result.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<k]), as: UTF8.self)) }
                    k += length
                    start = k
                } else {
                    k += 1
                }
            }
            return result
        }
    }

    /// The text before the first tab of `s` (all of it when there is none), untrimmed.
    static func firstCell(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b in
            var k = 0
            while k < b.count, b[k] != 0x09 { k += 1 }
            return k == b.count ? nil : String(decoding: UnsafeBufferPointer(rebasing: b[0..<k]), as: UTF8.self)
        } ?? s
    }

    // MARK: Counting

    /// The number of `Character`s in `s`, computed from its scalars where that is certainly the
    /// same (ASCII, CJK, full-width forms and common punctuation, none of which combine), else
    /// by `String.count`.
    static func length(_ s: String) -> Int {
        var scalars = 0
        for u in s.unicodeScalars {
            let v = u.value
            // \r (CR LF is one Character), combining marks, joiners, variation selectors, emoji,
            // Hangul jamo, Indic scripts: leave them to the grapheme rules.
            if v == 0x0D || (v >= 0x300 && v < 0x2000) || (v >= 0x200B && v <= 0x200F) || (v >= 0x20D0 && v <= 0x20FF)
                || (v >= 0x302A && v <= 0x302F) || v == 0x3099 || v == 0x309A
                || (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0xFE20 && v <= 0xFE2F) || (v >= 0xA000 && v < 0xF900) || v >= 0x1_0000 {
                return s.count
            }
            scalars += 1
        }
        return scalars
    }
}
