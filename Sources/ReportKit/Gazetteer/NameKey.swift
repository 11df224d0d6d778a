/// A name as a 64-bit FNV-1a hash of its Unicode scalars, the key of the gazetteer's indexes.
///
/// Hashing a non-ASCII `String` normalises it first, which made loading and scanning several
/// times slower; scalars hashed incrementally also let a scan extend a candidate one character
/// at a time and stop as soon as no name starts that way. With about 200,000 keys the chance
/// that a substring of a report collides with a name is about 10⁻¹⁴ per lookup.
enum NameKey {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func adding(_ key: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        (key ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01b3
    }

    static func of<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var key = seed
        for s in scalars { key = adding(key, s) }
        return key
    }

    static func of(_ name: String) -> UInt64 { of(name.unicodeScalars) }
}
