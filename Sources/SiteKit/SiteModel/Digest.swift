import Foundation

/// A stable 64-bit digest (xxHash64, seed 0) of what a page is drawn from, for the build
/// manifest: the same input gives the same 16 hex digits on every run and machine (Swift's
/// `Hasher` is seeded per process, so it cannot be written down), and hashing a report's
/// bytes costs a few microseconds (xxHash reads 8 bytes a step; FNV reads one).
///
/// Values are fed with their length or a type tag first, so `["ab", "c"]` and `["a", "bc"]`
/// differ. Not a cryptographic hash: it tells a changed input from an unchanged one.
struct Digest: Sendable {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var v1: UInt64 = p1 &+ p2
    private var v2: UInt64 = p2
    private var v3: UInt64 = 0
    private var v4: UInt64 = 0 &- p1
    /// Bytes not yet folded in (fewer than 32).
    private var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var buffered = 0
    private var total: UInt64 = 0

    init() {}

    // MARK: Feeding

    mutating func add(bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress else { return }
        var n = bytes.count
        total &+= UInt64(n)
        if buffered > 0 {
            let take = min(32 - buffered, n)
            withUnsafeMutableBytes(of: &buffer) { b in b.baseAddress!.advanced(by: buffered).copyMemory(from: p, byteCount: take) }
            buffered += take
            p += take
            n -= take
            guard buffered == 32 else { return }
            let stripe = buffer
            v1 = Self.round(v1, stripe.0); v2 = Self.round(v2, stripe.1)
            v3 = Self.round(v3, stripe.2); v4 = Self.round(v4, stripe.3)
            buffered = 0
        }
        while n >= 32 {
            v1 = Self.round(v1, Self.load(p, 0)); v2 = Self.round(v2, Self.load(p, 8))
            v3 = Self.round(v3, Self.load(p, 16)); v4 = Self.round(v4, Self.load(p, 24))
            p += 32
            n -= 32
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &buffer) { b in b.baseAddress!.copyMemory(from: p, byteCount: n) }
            buffered = n
        }
    }

    mutating func add(_ data: Data) {
        add(data.count)
        data.withUnsafeBytes { add(bytes: $0) }
    }

    mutating func add(_ string: String) {
        var s = string
        s.withUTF8 { utf8 in
            add(utf8.count)
            add(bytes: UnsafeRawBufferPointer(utf8))
        }
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ value: UInt64) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { add(bytes: $0) }
    }

    mutating func add(_ value: Bool) { add(value ? 1 : 0) }

    /// A one-byte marker that tells apart what follows (a key, an element, a missing value).
    mutating func tag(_ byte: UInt8) {
        var b = byte
        withUnsafeBytes(of: &b) { add(bytes: $0) }
    }

    mutating func add(_ value: String?) {
        if let value { tag(1); add(value) } else { tag(0) }
    }

    mutating func add(_ value: Int?) {
        if let value { tag(1); add(value) } else { tag(0) }
    }

    // MARK: Result

    var value: UInt64 {
        var h: UInt64
        if total >= 32 {
            h = Self.rotl(v1, 1) &+ Self.rotl(v2, 7) &+ Self.rotl(v3, 12) &+ Self.rotl(v4, 18)
            for v in [v1, v2, v3, v4] { h = (h ^ Self.round(0, v)) &* Self.p1 &+ Self.p4 }
        } else {
            h = Self.p5
        }
        h &+= total
        var rest = buffer
        withUnsafeBytes(of: &rest) { b in
            let p = b.baseAddress!
            var i = 0
            while i + 8 <= buffered {
                h = Self.rotl(h ^ Self.round(0, Self.load(p, i)), 27) &* Self.p1 &+ Self.p4
                i += 8
            }
            if i + 4 <= buffered {
                h = Self.rotl(h ^ (UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* Self.p1), 23)
                    &* Self.p2 &+ Self.p3
                i += 4
            }
            while i < buffered {
                h = Self.rotl(h ^ (UInt64(b[i]) &* Self.p5), 11) &* Self.p1
                i += 1
            }
        }
        h ^= h >> 33
        h &*= Self.p2
        h ^= h >> 29
        h &*= Self.p3
        h ^= h >> 32
        return h
    }

    /// The digest as 16 lowercase hex digits, as the manifest writes it.
    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The digest of some bytes alone (an asset, a template), as `xxh64` prints it.
    static func hex(of data: Data) -> String {
        var d = Digest()
        data.withUnsafeBytes { d.add(bytes: $0) }
        return d.hex
    }

    // MARK: xxHash64 steps

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }

    @inline(__always) private static func load(_ p: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
