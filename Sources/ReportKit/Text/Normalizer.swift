import Foundation

// Normalisation happens once, before recognition (architecture.md "Text first, layout
// second"): full-width forms fold to ASCII, exotic spaces become spaces, markdown
// decorations and pipe tables become plain tab-separated text. Every line keeps its
// original number, so every value read later can point back to where a reader can check it.

/// Folds the many ways a report can write the same text into one, for matching only.
/// The prose blocks keep the original text; recognisers see the folded form.
public enum Normalizer {
    /// Full-width ASCII (`１２`, `（一）`, `：`) → ASCII, U+3000 / U+00A0 / other spaces → space,
    /// zero-width characters and `\r` removed.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            switch v {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(v - 0xFEE0)!)
            case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F: out.append(" ")
            case 0x200B...0x200D, 0xFEFF, 0x0D: continue
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// One line as the recognisers see it: folded, markdown heading marks and bold removed,
    /// a pipe-table row turned into tab-separated cells (its `|---|` rule into nothing).
    public static func line(_ text: String) -> String {
        var t = fold(text)
        if contains(t, "**") { t = t.replacingOccurrences(of: "**", with: "") }
        let trimmed = t.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#") {
            return String(trimmed.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        }
        if trimmed.hasPrefix("|") {
            var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if cells.first == "" { cells.removeFirst() }
            if cells.last == "" { cells.removeLast() }
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return "" }
            return cells.joined(separator: "\t")
        }
        return t
    }

    /// The matching key of a label: folded, keeping only letters and ideographs (digits,
    /// numbering, punctuation, spaces and quotes dropped), so `（二）部分公开(区分处理的, …)`
    /// and `(二) 部分公开（区分处理的，…）` compare equal.
    public static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in fold(text).unicodeScalars where isKeyScalar(s) { out.append(s) }
        return String(out)
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
        var bytes = Array(text.utf8)
        var kept = 0, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var skip = 0
            switch b {
            case 0x09...0x0D, 0x20: skip = 1
            case 0xC2 where i + 1 < n && bytes[i + 1] == 0xA0: skip = 2
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80:
                let c = bytes[i + 2]
                if (0x80...0x8B).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF { skip = 3 }
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x81 && bytes[i + 2] == 0x9F: skip = 3
            case 0xE3 where i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80: skip = 3
            case 0xEF where i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF: skip = 3
            default: break
            }
            if skip > 0 {
                i += skip
                continue
            }
            bytes[kept] = b
            kept += 1
            i += 1
        }
        return kept == n ? text : String(decoding: bytes[..<kept], as: UTF8.self)
    }

    /// Whether `needle` occurs in `haystack`, comparing UTF-8 bytes (no Foundation, no
    /// locale folding: both sides are already normalised).
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        return haystack.utf8.withContiguousStorageIfAvailable { h -> Bool in
            guard h.count >= n.count else { return false }
            var i = 0
            let last = h.count - n.count
            while i <= last {
                if h[i] == first {
                    var k = 1
                    while k < n.count && h[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        } ?? haystack.contains(needle)
    }
}
