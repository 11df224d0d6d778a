import Foundation

/// The bytes of the build cache (`BuildCache`): unsigned LEB128 varints, signed ones
/// zig-zagged, strings as a length and UTF-8, optionals as a 0/1 byte then the value.
/// Hand-written rather than `Codable`: a rebuild of 10,000 reports reads every record, and a
/// varint is a few instructions where a keyed container is a dictionary per value.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A writer whose bytes begin with the header `BuildCache.unsealed` checks: the file's
    /// magic, its format and, for a file tied to the program that wrote it, its fingerprint.
    init(magic: [UInt8], format: UInt64, fingerprint: String? = nil, capacity: Int) {
        self.init(capacity: capacity)
        append(magic)
        uint(format)
        if let fingerprint { string(fingerprint) }
    }

    mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        uint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Eight bytes, little-endian (a digest: a varint would take ten).
    mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            uint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func string(_ value: String?) {
        guard let value else { return bool(false) }
        bool(true)
        string(value)
    }

    mutating func int(_ value: Int?) {
        guard let value else { return bool(false) }
        bool(true)
        int(value)
    }

    /// A decimal exactly, as its bytes in memory with the trailing zeros left out. Its text
    /// would have to be parsed back, at a microsecond a number; the layout is this program's,
    /// and a cache is only ever read by the program that wrote it (`BuildFingerprint`).
    mutating func decimal(_ d: Decimal) {
        withUnsafeBytes(of: d) { raw in
            var n = raw.count
            while n > 0 && raw[n - 1] == 0 { n -= 1 }
            bytes.append(UInt8(n))
            bytes.append(contentsOf: raw.prefix(n))
        }
    }

    mutating func decimal(_ d: Decimal?) {
        guard let d else { return bool(false) }
        bool(true)
        decimal(d)
    }

    mutating func array<T>(_ values: [T], _ each: (inout CacheWriter, T) -> Void) {
        uint(UInt64(values.count))
        for v in values { each(&self, v) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Reads what `CacheWriter` wrote. Every read is bounds-checked: a cut or damaged file throws
/// `CacheReader.Damaged`, and the build then ignores the cache and builds everything.
struct CacheReader {
    struct Damaged: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    /// Leaves the rest unread (`PageRows` decodes it later, from the same bytes).
    mutating func skipToEnd() { offset = bytes.count }

    mutating func uint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let b = bytes[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let u = try uint()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// A count of things still to read, each at least one byte: never more than the bytes left.
    mutating func count() throws -> Int {
        let n = try uint()
        guard n <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(n)
    }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func fixed() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        let v = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: v)
    }

    mutating func string() throws -> String {
        let n = try count()
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
        offset += n
        return s
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    /// Steps over `n` bytes; their offsets.
    mutating func skip(_ n: Int) throws -> Range<Int> {
        guard n <= bytes.count - offset else { throw Damaged() }
        offset += n
        return (offset - n)..<offset
    }

    /// Bytes written as a count and the bytes (`CacheWriter.uint`, `append`).
    mutating func byteArray() throws -> [UInt8] {
        let n = try count()
        let out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
        offset += n
        return out
    }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func decimal() throws -> Decimal {
        let n = Int(try byte())
        guard n <= MemoryLayout<Decimal>.size, offset + n <= bytes.count else { throw Damaged() }
        var d = Decimal()
        withUnsafeMutableBytes(of: &d) { raw in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
        }
        offset += n
        return d
    }

    mutating func optionalDecimal() throws -> Decimal? { try bool() ? try decimal() : nil }

    mutating func array<T>(_ each: (inout CacheReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try each(&self)) }
        return out
    }
}
