import Foundation

/// A report's facts as the cache holds them: their bytes in the cache file (kept mapped as
/// read, never copied) until something asks for them, then decoded once and kept. The
/// report's own diagnostics are read with the record, outside these bytes: a rebuild that
/// changed nothing prints them and never decodes a record's facts (10,000 reports' titles,
/// regions, tables, search text: most of the 43 MB of `reports.bin`).
///
/// The bytes were sealed with the cache file (its digest checked before anything was read)
/// and every form they name was checked against the reader's when the file was opened, so
/// decoding them cannot fail but for a bug in this program.
final class LazyFacts: @unchecked Sendable {
    let diagnostics: [Diagnostic]
    private var decoded: ReportRecord.Facts?
    private var file: Data
    private let range: Range<Int>
    private let forms: [String: Form]
    private let count: DecodeCount?
    private let lock = NSLock()

    /// Facts already decoded (a file parsed now).
    init(_ facts: ReportRecord.Facts) {
        diagnostics = facts.diagnostics
        decoded = facts
        file = Data()
        range = 0..<0
        forms = [:]
        count = nil
    }

    /// Facts to decode from `range` of `file` when first asked for; each decode is counted in `count`.
    init(diagnostics: [Diagnostic], file: Data, range: Range<Int>, forms: [String: Form], count: DecodeCount) {
        self.diagnostics = diagnostics
        self.file = file
        self.range = range
        self.forms = forms
        self.count = count
    }

    var value: ReportRecord.Facts {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let facts: ReportRecord.Facts
        do {
            facts = try file.withUnsafeBytes { raw in
                var r = CacheReader(UnsafeRawBufferPointer(rebasing: raw[range]))
                let facts = try r.facts(diagnostics: diagnostics, forms: forms)
                guard r.atEnd else { throw CacheReader.Damaged() }
                return facts
            }
        } catch {
            preconditionFailure("a sealed record of the build cache could not be decoded")
        }
        count?.add()
        decoded = facts
        // The cache file is let go once every record has taken its facts.
        file = Data()
        return facts
    }
}

/// How many records' facts a build decoded from the cache: the work a rebuild does, counted
/// for tests (a rebuild that changed nothing decodes none).
final class DecodeCount: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()

    func add() {
        lock.lock()
        n += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return n
    }
}
