import Czlib
import Foundation

/// A ZIP made again from the previous build's: an entry whose bytes are the same as the old
/// entry of the same name is copied as it is (its local header and deflated data), and only the
/// other entries are deflated (by ZIPFoundation, as `DataZip.archive` does), so adding a report
/// to a year of 600 deflates one report.json, not 600. The result is the bytes `DataZip.archive`
/// makes from the same files: a local entry does not depend on where it sits, and the central
/// directory and its end are copied with their offsets set (`ZipSpliceTests` checks it whole).
///
/// An entry is copied only when its new bytes are known and equal to the old entry's, checked by
/// size, CRC-32 and then by inflating the old entry and comparing every byte.
enum ZipSplice {
    /// One entry of an archive as ZIPFoundation writes it: no ZIP64, no data descriptor.
    struct Entry {
        let name: String
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        /// Its local header and data.
        let local: Range<Int>
        /// Its central directory record.
        let central: Range<Int>
        let method: UInt16
    }

    /// The entries of `data` and where its end record starts, or `nil` for an archive this does
    /// not read (ZIP64, a comment, a data descriptor, anything unexpected).
    static func entries(_ data: [UInt8]) -> (entries: [Entry], end: Int)? {
        let end = data.count - 22
        guard end >= 0, u32(data, end) == 0x0605_4B50, u16(data, end + 20) == 0 else { return nil }
        let count = Int(u16(data, end + 10)), cdSize = Int(u32(data, end + 12)), cdStart = Int(u32(data, end + 16))
        guard count != 0xFFFF, cdStart + cdSize == end else { return nil }
        var out: [Entry] = []
        var p = cdStart
        for _ in 0..<count {
            guard p + 46 <= end, u32(data, p) == 0x0201_4B50 else { return nil }
            let flags = u16(data, p + 8), method = u16(data, p + 10)
            let crc = u32(data, p + 16), compressed = u32(data, p + 20), size = u32(data, p + 24)
            let n = Int(u16(data, p + 28)), e = Int(u16(data, p + 30)), c = Int(u16(data, p + 32))
            let offset = u32(data, p + 42)
            guard flags & 0x8 == 0, compressed != 0xFFFF_FFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF,
                  p + 46 + n + e + c <= end else { return nil }
            let name = String(decoding: data[(p + 46)..<(p + 46 + n)], as: UTF8.self)
            out.append(Entry(name: name, crc: crc, compressedSize: Int(compressed), size: Int(size),
                             local: Int(offset)..<Int(offset), central: p..<(p + 46 + n + e + c), method: method))
            p += 46 + n + e + c
        }
        guard p == end else { return nil }
        // A local entry runs to the next one (or to the central directory): each start's
        // next larger start, in one pass over them sorted (not a search per entry).
        var following: [Int: Int] = [:]
        var later = cdStart
        for start in out.map(\.local.lowerBound).sorted().reversed() where following[start] == nil {
            following[start] = later
            later = start
        }
        for i in out.indices {
            let start = out[i].local.lowerBound
            let next = following[start]!
            guard start + 30 <= next, u32(data, start) == 0x0403_4B50 else { return nil }
            let o = out[i]
            out[i] = Entry(name: o.name, crc: o.crc, compressedSize: o.compressedSize, size: o.size, local: start..<next,
                           central: o.central, method: o.method)
        }
        return (out, end)
    }

    /// What `DataZip.archive(files)` gives, copying from `previous` (an archive it made) every
    /// entry whose bytes did not change. `nil` when `previous` cannot be read (or the result
    /// would need ZIP64): the caller makes the archive afresh.
    static func archive(_ files: [(String, Data)], previous: Data) throws -> Data? {
        let old = [UInt8](previous)
        guard let (oldEntries, _) = entries(old) else { return nil }
        let byName = Dictionary(oldEntries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = files.sorted { $0.0 < $1.0 }
        var copied: [Int: Entry] = [:]
        var fresh: [(String, Data)] = []
        for (i, (name, data)) in sorted.enumerated() {
            if let entry = byName[name], same(entry, in: old, as: data) { copied[i] = entry } else { fresh.append((name, data)) }
        }
        let made = [UInt8](try DataZip.archive(fresh))
        guard let (madeEntries, madeEnd) = entries(made), madeEntries.count == fresh.count else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(old.count + made.count)
        var central: [UInt8] = []
        var next = 0
        for i in sorted.indices {
            let (source, entry): ([UInt8], Entry)
            if let e = copied[i] {
                (source, entry) = (old, e)
            } else {
                (source, entry) = (made, madeEntries[next])
                next += 1
            }
            let offset = out.count
            guard offset < 0xFFFF_FFFF else { return nil }
            out += source[entry.local]
            var record = Array(source[entry.central])
            put32(&record, 42, UInt32(offset))
            central += record
        }
        let cdStart = out.count
        guard sorted.count < 0xFFFF, cdStart < 0xFFFF_FFFF, central.count < 0xFFFF_FFFF else { return nil }
        out += central
        var end = Array(made[madeEnd...])
        put16(&end, 8, UInt16(sorted.count))
        put16(&end, 10, UInt16(sorted.count))
        put32(&end, 12, UInt32(central.count))
        put32(&end, 16, UInt32(cdStart))
        out += end
        return Data(out)
    }

    /// Whether the old entry holds exactly `data`: size and CRC-32 first, then every byte.
    static func same(_ entry: Entry, in archive: [UInt8], as data: Data) -> Bool {
        guard entry.size == data.count, entry.method == 8 else { return false }
        let crc = data.withUnsafeBytes { UInt32(crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, uInt($0.count))) }
        guard crc == entry.crc else { return false }
        let header = entry.local.lowerBound
        let start = header + 30 + Int(u16(archive, header + 26)) + Int(u16(archive, header + 28))
        guard start + entry.compressedSize <= entry.local.upperBound, let inflated = inflate(archive[start..<(start + entry.compressedSize)], size: entry.size) else { return false }
        return inflated.elementsEqual(data)
    }

    /// Raw deflate data inflated, `nil` unless it is exactly `size` bytes.
    static func inflate(_ deflated: ArraySlice<UInt8>, size: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: max(size, 1))
        var input = Array(deflated)
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        let status = input.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return Czlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else { return nil }
        return size == 0 ? [] : out
    }

    static func u16(_ d: [UInt8], _ i: Int) -> UInt16 { UInt16(d[i]) | UInt16(d[i + 1]) << 8 }
    static func u32(_ d: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(d, i)) | UInt32(u16(d, i + 2)) << 16 }
    static func put16(_ d: inout [UInt8], _ i: Int, _ v: UInt16) {
        d[i] = UInt8(v & 0xFF)
        d[i + 1] = UInt8(v >> 8)
    }
    static func put32(_ d: inout [UInt8], _ i: Int, _ v: UInt32) {
        put16(&d, i, UInt16(v & 0xFFFF))
        put16(&d, i + 2, UInt16(v >> 16))
    }
}
