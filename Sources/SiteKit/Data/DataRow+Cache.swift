// A `DataRow`'s bytes in the build cache (`ReportRecord.write`/`read`): its CSV text as it is,
// so a report the cache knows gives every CSV what parsing it would, without parsing it.

extension CacheWriter {
    mutating func dataRow(_ d: DataRow) {
        array(d.text) { $0.string($1) }
        string(d.numbers)
    }
}

extension CacheReader {
    mutating func dataRow() throws -> DataRow {
        DataRow(text: try array { try $0.string() }, numbers: try string())
    }
}
