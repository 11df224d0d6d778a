import Foundation

/// Tone-less pinyin for slugs (URLs) and search (syllables, initials).
///
/// The table maps each character to its most frequent reading in the division names of
/// `pinyin.tsv` (itself from pypinyin), plus the few whole names the table would misread
/// (六安 lu an). It is a slug and search source, not an authority on readings.
public enum Pinyin {
    struct Table: Sendable {
        var characters: [Unicode.Scalar: String] = [:]
        /// Whole names read differently from their characters, by `NameKey`.
        var names: [UInt64: [String]] = [:]
        /// For each scalar that starts such a name, the longest one, in scalars.
        var nameStarts: [Unicode.Scalar: Int] = [:]
    }

    static let table: Table = {
        var table = Table()
        if let data = ResourceFile.data("pinyin-chars") {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let f = line.split(separator: "\t")
                guard f.count == 2, let c = f[0].unicodeScalars.first, f[0].unicodeScalars.count == 1 else { continue }
                table.characters[c] = String(f[1])
            }
        }
        if let data = ResourceFile.data("pinyin-names") {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let f = line.split(separator: "\t")
                guard f.count == 2, let first = f[0].unicodeScalars.first else { continue }
                table.names[NameKey.of(f[0].unicodeScalars)] = f[1].split(separator: " ").map(String.init)
                table.nameStarts[first] = max(table.nameStarts[first] ?? 0, f[0].unicodeScalars.count)
            }
        }
        return table
    }()

    /// One token per Han character (its syllable, or `u` + hex scalar when unknown), one per
    /// run of ASCII letters and digits (lower-cased); everything else is dropped.
    /// `syllables("兴庆区") == ["xing", "qing", "qu"]`.
    public static func syllables(_ text: String) -> [String] {
        tokens(text).compactMap { $0?.text }
    }

    /// ASCII lower-case letters, digits and single hyphens, stable for URLs:
    /// `slug("兴庆区") == "xingqingqu"`, `slug("2023年 报告") == "2023nian-baogao"`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for token in tokens(text) {
            guard let token else { pendingHyphen = !result.isEmpty; continue }
            if pendingHyphen { result += "-"; pendingHyphen = false }
            result += token.text
        }
        return result
    }

    /// The first letter of each syllable (`initials("兴庆区") == "xqq"`); ASCII runs and the
    /// fallback for unknown characters are kept whole.
    public static func initials(_ text: String) -> String {
        tokens(text).compactMap { token -> String? in
            guard let token else { return nil }
            return token.isSyllable ? String(token.text.prefix(1)) : token.text
        }.joined()
    }

    struct Token: Equatable {
        var text: String
        var isSyllable: Bool
    }

    /// Tokens in order; `nil` marks a separator (space, punctuation).
    static func tokens(_ text: String) -> [Token?] {
        let t = table
        let scalars = Array(text.unicodeScalars)
        var result: [Token?] = []
        var i = 0
        var ascii = ""
        func flush() { if !ascii.isEmpty { result.append(Token(text: ascii, isSyllable: false)); ascii = "" } }
        while i < scalars.count {
            let s = scalars[i]
            if s.isASCII {
                let v = s.value
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) {
                    ascii.unicodeScalars.append(s)
                } else if (0x41...0x5A).contains(v) {
                    ascii.unicodeScalars.append(Unicode.Scalar(v + 32)!)
                } else {
                    flush()
                    if result.last != .some(nil) { result.append(nil) }
                }
                i += 1
                continue
            }
            flush()
            if let longest = t.nameStarts[s], i + 1 < scalars.count {
                // The longest exception name starting here, if any.
                var key = NameKey.adding(NameKey.seed, s)
                var match: (length: Int, syllables: [String])?
                for j in (i + 1)..<min(scalars.count, i + longest) {
                    key = NameKey.adding(key, scalars[j])
                    if let syllables = t.names[key] { match = (j - i + 1, syllables) }
                }
                if let match {
                    result += match.syllables.map { Token(text: $0, isSyllable: true) }
                    i += match.length
                    continue
                }
            }
            if let syllable = t.characters[s] {
                result.append(Token(text: syllable, isSyllable: true))
            } else if s.properties.isAlphabetic || (0x3400...0x9FFF).contains(s.value) || s.value >= 0x20000 {
                result.append(Token(text: "u" + String(s.value, radix: 16), isSyllable: false))
            } else if result.last != .some(nil) {
                result.append(nil)
            }
            i += 1
        }
        flush()
        return result
    }
}
