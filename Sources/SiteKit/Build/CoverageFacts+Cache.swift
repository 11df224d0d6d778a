import Foundation

// `CoverageFacts` in the build cache, but its date: the record writes that once, as
// `Facts.published`, and the reader hands it back.

extension CacheWriter {
    mutating func coverage(_ c: CoverageFacts) {
        string(c.format)
        array(c.series) { w, v in
            switch v {
            case let .value(d): w.byte(0); w.decimal(d)
            case .unknown: w.byte(1)
            case .notComparable: w.byte(2)
            }
        }
        array(c.problems) { w, p in
            w.string(p.anchor)
            w.bool(p.isError)
            w.string(p.message)
        }
    }
}

extension CacheReader {
    mutating func coverage(published: String?) throws -> CoverageFacts {
        let format = try string()
        let series = try array { r -> SeriesValue in
            switch try r.byte() {
            case 0: .value(try r.decimal())
            case 1: .unknown
            case 2: .notComparable
            default: throw Damaged()
            }
        }
        let problems = try array { r in
            CoverageFacts.Problem(anchor: try r.string(), isError: try r.bool(), message: try r.string())
        }
        return CoverageFacts(published: published, format: format, series: series, problems: problems)
    }
}
