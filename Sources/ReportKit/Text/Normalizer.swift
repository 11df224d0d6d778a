import Foundation

// Normalisation happens once, before recognition (architecture.md "Text first, layout
// second"): full-width forms fold to ASCII, exotic spaces become spaces, markdown
// decorations and pipe tables become plain tab-separated text. Every line keeps its
// original number, so every value read later can point back to where a reader can check it.

/// Folds the many ways a report can write the same text into one, for matching only.
/// The prose blocks keep the original text; recognisers see the folded form.
public enum Normalizer {
    /// Full-width ASCII (`１２`, `（一）`, `：`) → ASCII, U+3000 / U+00A0 / other spaces and the
    /// page break `\f` and vertical tab → space, zero-width characters and `\r` removed.
    ///
    /// On UTF-8 bytes (every scalar it changes has a fixed byte sequence); a line with nothing
    /// to fold is returned as is.
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { b -> String? in
            var out: [UInt8]?
            fold(b, into: &out)
            return out.map { String(decoding: $0, as: UTF8.self) }
        } ?? text
    }

    /// What folding makes of the multi-byte scalar of `length` bytes at `i`: the ASCII byte it
    /// becomes (a space, or a full-width form's ASCII twin), or `drop` for a zero-width one;
    /// `(nil, false)` keeps it.
    @inline(__always)
    static func folded(_ b: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> (replacement: UInt8?, drop: Bool) {
        let n = b.count
        let c = b[i]
        if length == 2, c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 { return (0x20, false) }                   // U+00A0
        guard length == 3, i + 2 < n else { return (nil, false) }
        let c1 = b[i + 1], c2 = b[i + 2]
        switch c {
        case 0xEF:
            if c1 == 0xBC, c2 >= 0x81 { return (c2 &- 0x60, false) }                                     // U+FF01–FF3F
            if c1 == 0xBD, c2 <= 0x9E { return (c2 &- 0x20, false) }                                     // U+FF40–FF5E
            if c1 == 0xBB, c2 == 0xBF { return (nil, true) }                                             // U+FEFF
        case 0xE3:
            if c1 == 0x80, c2 == 0x80 { return (0x20, false) }                                           // U+3000
        case 0xE2:
            if c1 == 0x80 {
                if c2 >= 0x82 && c2 <= 0x8A || c2 == 0xAF { return (0x20, false) }                      // U+2002–200A, U+202F
                if c2 >= 0x8B && c2 <= 0x8D { return (nil, true) }                                      // U+200B–200D
            } else if c1 == 0x81, c2 == 0x9F { return (0x20, false) }                                  // U+205F
        default: break
        }
        return (nil, false)
    }

    /// Folds `b`; `out` stays `nil` while nothing has changed (the caller keeps the original).
    static func fold(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]?) {
        let n = b.count
        var i = 0
        func begin() {
            if out == nil {
                out = []
                out!.reserveCapacity(n)
                out!.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<i]))
            }
        }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == 0x0D { begin(); i += 1; continue }
                // A page break (`\f`, as pdftotext prints one before each page's first line)
                // or a vertical tab is white space, not part of the line's first word.
                if c == 0x0C || c == 0x0B { begin(); out!.append(0x20); i += 1; continue }
                out?.append(c)
                i += 1
                continue
            }
            let length = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
            let (replacement, drop) = folded(b, at: i, length: length)
            if replacement != nil || drop {
                begin()
                if let r = replacement { out!.append(r) }
            } else if out != nil {
                out!.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<min(n, i + length)]))
            }
            i += length
        }
    }

    /// One line as the recognisers see it: folded, markdown heading marks and bold removed,
    /// a pipe-table row (a line starting with `|`, or holding two) turned into tab-separated
    /// cells (its `|---|` rule into nothing).
    ///
    /// One pass over the UTF-8 bytes folds and drops `**` (left to right, as
    /// `replacingOccurrences(of: "**", with: "")` on the folded text would); only a line that
    /// then starts with `#` or `|` is looked at again.
    public static func line(_ text: String) -> String {
        var text = text
        return text.withUTF8 { raw -> String in
            let folded = String(unsafeUninitializedCapacity: raw.count) { out in
                foldUnbold(raw, into: out)
            }
            var f = folded
            let shaped: [UInt8]? = f.withUTF8 { b in
                let r = UTF8Text.trimmedRange(b)
                guard !r.isEmpty else { return nil }
                // A pipe row may leave out its outer pipes (`规章 | 0 | 0 | 0`): two pipes make one.
                guard b[r.lowerBound] == 0x23 || b[r.lowerBound] == 0x7C || b[r].lazy.filter({ $0 == 0x7C }).count >= 2 else { return nil }
                return shape(b, trimmed: r)
            }
            return shaped.map { String(decoding: $0, as: UTF8.self) } ?? folded
        }
    }

    /// `compact` of bytes, and whether they hold a tab.
    static func compactAndTab(_ text: String) -> (String, Bool) {
        var text = text
        var tab = false
        let compact = text.withUTF8 { b in
            String(unsafeUninitializedCapacity: b.count) { out in
                let n = b.count
                var i = 0, w = 0
                while i < n {
                    let c = b[i]
                    var skip = 0
                    if c <= 0x20 {
                        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { skip = 1; if c == 0x09 { tab = true } }
                    } else if c >= 0xC2 {
                        switch c {
                        case 0xC2 where i + 1 < n && b[i + 1] == 0xA0: skip = 2
                        case 0xE2 where i + 2 < n && b[i + 1] == 0x80:
                            let c2 = b[i + 2]
                            if (0x80...0x8B).contains(c2) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF { skip = 3 }
                        case 0xE2 where i + 2 < n && b[i + 1] == 0x81 && b[i + 2] == 0x9F: skip = 3
                        case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80: skip = 3
                        case 0xEF where i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF: skip = 3
                        default: break
                        }
                    }
                    if skip > 0 { i += skip; continue }
                    out[w] = c
                    w += 1
                    i += 1
                }
                return w
            }
        }
        return (compact, tab)
    }

    /// Writes `raw` folded (as `fold`) with `**` pairs dropped into `out` (never longer than
    /// `raw`); returns the number of bytes written.
    private static func foldUnbold(_ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = raw.count
        var w = 0
        var i = 0
        // Whether the last byte written is a `*` that could pair with the next one.
        var star = false
        while i < n {
            let c = raw[i]
            var byte: UInt8 = c
            var length = 1
            if c >= 0x80 {
                length = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                let (replacement, drop) = folded(raw, at: i, length: length)
                if drop { i += length; continue }
                if let r = replacement {
                    byte = r
                } else {
                    let end = min(n, i + length)
                    for k in i..<end { out[w] = raw[k]; w += 1 }
                    star = false
                    i = end
                    continue
                }
            } else if c == 0x0D {
                i += 1
                continue
            } else if c == 0x0C || c == 0x0B {
                byte = 0x20
            }
            i += length
            if byte == 0x2A {
                if star { w -= 1; star = false } else { out[w] = byte; w += 1; star = true }
            } else {
                out[w] = byte
                w += 1
                star = false
            }
        }
        return w
    }

    /// A line starting (after spaces) with `#` or `|`: the heading text, or the pipe row's
    /// cells joined by tabs (`[]` for a `|---|` rule).
    private static func shape(_ b: UnsafeBufferPointer<UInt8>, trimmed r: Range<Int>) -> [UInt8] {
        if b[r.lowerBound] == 0x23 {                                                    // #
            var s = r.lowerBound
            while s < r.upperBound, b[s] == 0x23 { s += 1 }
            let rest = UnsafeBufferPointer(rebasing: b[s..<r.upperBound])
            return Array(UnsafeBufferPointer(rebasing: rest[UTF8Text.trimmedRange(rest)]))
        }
        var cells: [Range<Int>] = []
        var start = r.lowerBound
        for k in r.lowerBound...r.upperBound where k == r.upperBound || b[k] == 0x7C {
            let inner = UTF8Text.trimmedRange(UnsafeBufferPointer(rebasing: b[start..<k]))
            cells.append((start + inner.lowerBound)..<(start + inner.upperBound))
            start = k + 1
        }
        if cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.last?.isEmpty == true { cells.removeLast() }
        if cells.allSatisfy({ c in c.allSatisfy { b[$0] == 0x2D || b[$0] == 0x3A || b[$0] == 0x20 } }) { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        for (k, c) in cells.enumerated() {
            if k > 0 { out.append(0x09) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[c]))
        }
        return out
    }

    /// The matching key of a label: folded, keeping only letters and ideographs (digits,
    /// numbering, punctuation, spaces and quotes dropped), so `（二）部分公开(区分处理的, …)`
    /// and `(二) 部分公开（区分处理的，…）` compare equal.
    public static func key(_ text: String) -> String {
        var text = text
        // Written straight into the string (no byte array between): a key is never longer
        // than its text.
        return text.withUTF8 { b in
            String(unsafeUninitializedCapacity: b.count) { out in
                var i = 0, w = 0
                let n = b.count
                while i < n {
                    let c = b[i]
                    if c < 0x80 {
                        if (c | 0x20) &- 0x61 < 26 { out[w] = c; w += 1 }
                        i += 1
                        continue
                    }
                    let length = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                    if length == 3, i + 2 < n {
                        let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                        if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || v == 0x3007 || v == 0x25CB {
                            out[w] = c; out[w + 1] = b[i + 1]; out[w + 2] = b[i + 2]; w += 3
                        } else if v >= 0xFF21 && v <= 0xFF3A || v >= 0xFF41 && v <= 0xFF5A {
                            out[w] = UInt8(v - 0xFEE0); w += 1                          // full-width letters fold
                        }
                    }
                    i += length
                }
                return w
            }
        }
    }

    /// Whether a scalar survives into a matching key: CJK ideographs (and 〇) and letters.
    static func isKeyScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || v == 0x3007 || v == 0x25CB { return true }
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    /// Whether a character is a CJK ideograph.
    static func isIdeograph(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    /// The text with all whitespace removed: U+0009–000D, U+0020, U+00A0, U+2000–200B,
    /// U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
    ///
    /// Works on UTF-8 bytes into one buffer: `Character.isWhitespace` looks up Unicode
    /// properties, and appending scalar by scalar to a `String.UnicodeScalarView` cost 4 % of
    /// a build (callgrind, `nianbao-bench`). The whitespace scalars above are exactly these
    /// byte sequences; every other byte is copied, so the result is the same string.
    public static func compact(_ text: String) -> String {
        var text = text
        return text.withUTF8 { b -> String? in
            var out: [UInt8]?
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                var skip = 0
                switch c {
                case 0x09...0x0D, 0x20: skip = 1
                case 0xC2 where i + 1 < n && b[i + 1] == 0xA0: skip = 2
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80:
                    let c2 = b[i + 2]
                    if (0x80...0x8B).contains(c2) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF { skip = 3 }
                case 0xE2 where i + 2 < n && b[i + 1] == 0x81 && b[i + 2] == 0x9F: skip = 3
                case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80: skip = 3
                case 0xEF where i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF: skip = 3
                default: break
                }
                if skip > 0 {
                    if out == nil {
                        out = []
                        out!.reserveCapacity(n)
                        out!.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<i]))
                    }
                    i += skip
                    continue
                }
                out?.append(c)
                i += 1
            }
            return out.map { String(decoding: $0, as: UTF8.self) }
        } ?? text
    }

    /// Whether `needle` occurs in `haystack`, comparing UTF-8 bytes (no Foundation, no
    /// locale folding: both sides are already normalised).
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        UTF8Text.contains(haystack, needle)
    }
}
