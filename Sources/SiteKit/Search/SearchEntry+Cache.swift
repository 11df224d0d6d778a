// A `SearchEntry`'s bytes in the build cache (`ReportRecord.write`/`read`): a report the cache
// knows gives the index what parsing it would, without parsing it.

extension CacheWriter {
    mutating func search(_ e: SearchEntry) {
        string(e.title)
        string(e.body)
        int(e.year)
        array(e.chain) { $0.string($1) }
        array(e.codes) { $0.string($1) }
        string(e.code)
        array(e.figures) { w, f in
            w.string(f.label)
            w.string(f.value)
        }
        // Deflated, as the entry holds it.
        let packed = e.packed.packed
        uint(UInt64(packed.count))
        uint(UInt64(packed.bytes.count))
        append(packed.bytes)
    }
}

extension CacheReader {
    mutating func search() throws -> SearchEntry {
        SearchEntry(title: try optionalString(), body: try optionalString(), year: try optionalInt(),
                    chain: try array { try $0.string() }, codes: try array { try $0.string() }, code: try optionalString(),
                    figures: try array { SearchEntry.Figure(label: try $0.string(), value: try $0.string()) },
                    packed: try packedText())
    }

    mutating func packedText() throws -> PackedText {
        let count = Int(try uint())
        return PackedText(packed: try byteArray(), count: count)
    }
}
