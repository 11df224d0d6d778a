/// A set of document ids in the index's binary form, shared by the key files and the set
/// files and decoded by `search.js` (`decodeSet`).
///
/// Ids are sorted and cut into chunks of 4,096 (`id >> 12`); each chunk is stored the cheaper
/// way: a list of deltas, or a 512-byte bitmap once it holds more than about 340 ids. A set
/// of every report costs about one bit per report; a town's five reports, a few bytes.
///
///     varint count · varint chunks · per chunk: varint (chunk − previous − 1), varint mode,
///     mode 0 → 512 bytes bitmap (bit i of byte i>>3, least significant first),
///     mode m > 0 → m varints: first id & 4095, then each gap − 1
enum DocSet {
    static func encode(_ ids: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        Varint.write(ids.count, to: &out)
        var chunks: [(chunk: Int, ids: ArraySlice<Int>)] = []
        var start = 0
        while start < ids.count {
            let chunk = ids[start] >> 12
            var end = start
            while end < ids.count && ids[end] >> 12 == chunk { end += 1 }
            chunks.append((chunk, ids[start..<end]))
            start = end
        }
        Varint.write(chunks.count, to: &out)
        var previous = -1
        for (chunk, members) in chunks {
            Varint.write(chunk - previous - 1, to: &out)
            previous = chunk
            var list: [UInt8] = []
            var last = -1
            for id in members {
                let low = id & 4095
                Varint.write(last < 0 ? low : low - last - 1, to: &list)
                last = low
            }
            if list.count < 512 {
                Varint.write(members.count, to: &out)
                out += list
            } else {
                Varint.write(0, to: &out)
                var bitmap = [UInt8](repeating: 0, count: 512)
                for id in members { bitmap[(id & 4095) >> 3] |= 1 << UInt8(id & 7) }
                out += bitmap
            }
        }
        return out
    }

    /// The inverse of `encode`, for tests (the browser has its own).
    static func decode(_ bytes: [UInt8]) -> [Int]? {
        var reader = Varint.Reader(bytes: bytes)
        guard let count = reader.read(), let chunks = reader.read() else { return nil }
        var ids: [Int] = []
        var chunk = -1
        for _ in 0..<chunks {
            guard let delta = reader.read(), let mode = reader.read() else { return nil }
            chunk += delta + 1
            if mode == 0 {
                guard let slice = reader.take(512) else { return nil }
                let bitmap = Array(slice)
                for i in 0..<4096 where bitmap[i >> 3] & (1 << UInt8(i & 7)) != 0 { ids.append(chunk << 12 | i) }
            } else {
                var low = -1
                for _ in 0..<mode {
                    guard let d = reader.read() else { return nil }
                    low = low < 0 ? d : low + d + 1
                    ids.append(chunk << 12 | low)
                }
            }
        }
        return ids.count == count ? ids : nil
    }
}

/// LEB128 unsigned varints: 7 bits a byte, low bits first, high bit set on all but the last.
enum Varint {
    static func write(_ value: Int, to out: inout [UInt8]) {
        var v = UInt64(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func read() -> Int? {
            var value = 0
            var shift = 0
            while offset < bytes.count, shift < 63 {
                let b = bytes[offset]
                offset += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
            guard offset + n <= bytes.count else { return nil }
            defer { offset += n }
            return bytes[offset..<(offset + n)]
        }
    }
}
