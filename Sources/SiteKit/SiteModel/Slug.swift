// URL segments. The lead plugs in a pinyin slug (`兴庆区` → `xingqingqu`); whatever it returns
// is passed through `Slug.segment`, so a bad or empty answer can never produce an unsafe path.

extension SiteRenderer {
    /// ASCII and stable without any dictionary: lowercase ASCII letters and digits are kept,
    /// other ASCII becomes `-`, anything else becomes `u` + its hex scalar value.
    ///
    ///     fallbackSlug("兴庆区")      // "u5174u5e86u533a"
    ///     fallbackSlug("No. 3 Town") // "no-3-town"
    public static let fallbackSlug: @Sendable (String) -> String = { Slug.fallback($0) }
}

enum Slug {
    static func fallback(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let piece: String?
            switch v {
            case 0x30...0x39, 0x61...0x7A: piece = String(scalar)
            case 0x41...0x5A: piece = String(Unicode.Scalar(v + 0x20)!)
            case 0...0x7F: piece = nil
            default: piece = "u" + String(v, radix: 16)
            }
            if let piece {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out += piece
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// A safe folder name from whatever the slug function returned: only `a-z 0-9 -`, no
    /// leading or trailing dash, at most 60 characters (longer names keep a stable hash).
    static func segment(_ name: String, using slug: (String) -> String) -> String {
        var cleaned = sanitize(slug(name))
        if cleaned.isEmpty { cleaned = sanitize(fallback(name)) }
        if cleaned.isEmpty { cleaned = "x" + hash(name) }
        if cleaned.utf8.count > 60 { cleaned = String(cleaned.prefix(53)) + "-" + hash(name) }
        return cleaned
    }

    static func sanitize(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if (0x41...0x5A).contains(v) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(Unicode.Scalar(v + 0x20)!)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// Six hex digits of FNV-1a over the UTF-8 bytes: short, stable across runs and machines
    /// (unlike `hashValue`, which is seeded per process).
    static func hash(_ text: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        let hex = String(h & 0xFF_FFFF, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }
}
