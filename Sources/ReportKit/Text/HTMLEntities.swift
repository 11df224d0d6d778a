// Character references in saved government pages: the handful of named ones that Word,
// TRS and hand-written templates actually emit, and every numeric one. An unknown name is
// left as printed (`&foo;` stays `&foo;`), which is what a browser shows too.

/// Decoding `&…;` references found in HTML text.
enum HTMLEntities {
    /// Named references by name. `nbsp` decodes to U+00A0; the line builder then treats it as
    /// an ordinary collapsible space (see `HTMLText`).
    static let named: [String: UInt32] = [
        "nbsp": 0xA0, "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27,
        "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "shy": 0xAD,
        "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
        "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "hellip": 0x2026, "middot": 0xB7,
        "bull": 0x2022, "times": 0xD7, "divide": 0xF7, "plusmn": 0xB1, "deg": 0xB0, "permil": 0x2030,
        "yen": 0xA5, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "sect": 0xA7, "para": 0xB6,
        "laquo": 0xAB, "raquo": 0xBB, "le": 0x2264, "ge": 0x2265, "ne": 0x2260, "minus": 0x2212,
        "rarr": 0x2192, "larr": 0x2190, "uarr": 0x2191, "darr": 0x2193, "radic": 0x221A,
        "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "sup2": 0xB2, "sup3": 0xB3, "micro": 0xB5,
        "iexcl": 0xA1, "cent": 0xA2, "pound": 0xA3, "euro": 0x20AC, "prime": 0x2032, "Prime": 0x2033,
        "alpha": 0x3B1, "beta": 0x3B2, "mu": 0x3BC, "Omega": 0x3A9, "loz": 0x25CA, "hyphen": 0x2010,
    ]

    /// Names a browser also accepts without the closing `;` (the legacy ones seen in pages).
    static let legacyWithoutSemicolon: Set<String> = ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"]

    /// The reference starting at `bytes[start]` (which is `&`): its scalar and its length in
    /// bytes, or `nil` when it is not a reference (then `&` is plain text). Reads at most 40
    /// bytes, so text full of `&` stays linear.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var i = start + 1
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < end, bytes[i] | 0x20 == UInt8(ascii: "x") { hex = true; i += 1 }
            var value: UInt32 = 0
            var digits = 0
            while i < end, digits < 8 {
                let b = bytes[i]
                let d: UInt32
                if b &- 0x30 < 10 { d = UInt32(b &- 0x30) }
                else if hex, (b | 0x20) &- 0x61 < 6 { d = UInt32((b | 0x20) &- 0x61 + 10) }
                else { break }
                value = value &* (hex ? 16 : 10) &+ d
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < end, bytes[i] == UInt8(ascii: ";") { i += 1 }
            let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? "\u{FFFD}"
            return (scalar, i - start)
        }
        var name: [UInt8] = []
        while i < end, name.count < 32 {
            let b = bytes[i]
            let isAlnum = (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
            if !isAlnum { break }
            name.append(b)
            i += 1
        }
        guard !name.isEmpty else { return nil }
        let key = String(decoding: name, as: UTF8.self)
        guard let value = named[key], let scalar = Unicode.Scalar(value) else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ";") { return (scalar, i + 1 - start) }
        return legacyWithoutSemicolon.contains(key) ? (scalar, i - start) : nil
    }
}
