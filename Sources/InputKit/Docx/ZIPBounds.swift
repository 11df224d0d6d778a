/// Whether every offset a ZIP's directory gives points inside the file, checked before
/// ZIPFoundation opens it.
///
/// ZIPFoundation reads an archive held in memory through a `MemoryFile` that trusts these
/// offsets: a seek past the end makes its next read a range with `lowerBound > upperBound`,
/// and the process traps (found by `scripts/fuzz`: one damaged `.docx` took the whole build
/// down). A file this check refuses is "not a Word file", one clear error like any other.
///
/// The end record must also be whole, its comment inside the file: ZIPFoundation 0.9.20's
/// `Archive(data:)` opens the bytes as a `fopencookie` stream that holds the data, and when it
/// cannot read that record it throws without closing the stream
/// (`Archive.makeBackingConfiguration(for:mode:)`), leaking the stream and the whole file's
/// bytes on every such file (found by `scripts/fuzz` with leak detection on: "65 bytes in
/// `Data`", DocxReader.swift:12). That record is the only thing it can fail on after opening,
/// so refusing it here, before ZIPFoundation, closes the leak from outside.
enum ZIPBounds {
    static func isSound(_ bytes: [UInt8]) -> Bool {
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        let count = bytes.count
        guard count >= 22 else { return false }
        // The end-of-central-directory record: its signature, within the last 64 KB + 22 bytes.
        var end = count - 22
        while end >= max(0, count - 22 - 0xFFFF), u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0, u32(end) == 0x0605_4B50, end + 22 + u16(end + 20) <= count else { return false }
        let size = u32(end + 12), offset = u32(end + 16)
        if size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { return true }  // ZIP64: ZIPFoundation checks its own record
        guard offset + size <= end else { return false }
        var p = offset
        while p + 46 <= offset + size, u32(p) == 0x0201_4B50 {
            let compressed = u32(p + 20), local = u32(p + 42)
            if local != 0xFFFF_FFFF && compressed != 0xFFFF_FFFF {
                guard local + 30 <= count else { return false }
                let localName = u16(local + 26), localExtra = u16(local + 28)
                guard local + 30 + localName + localExtra + compressed <= count else { return false }
            }
            p += 46 + u16(p + 28) + u16(p + 30) + u16(p + 32)
        }
        return p <= offset + size
    }
}
