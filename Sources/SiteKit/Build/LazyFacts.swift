import Foundation

/// A report's facts as the cache holds them: their place in the cache's bodies file
/// (`CacheBodies`) until something asks for them, then decoded once and kept. The report's
/// own diagnostics are read with the record's head, apart from these bytes: a rebuild that
/// changed nothing prints them and never reads the bodies (10,000 reports' titles, regions,
/// tables, search text: most of the cache's bytes).
///
/// The bodies are checked (each record's bytes against the digest its head keeps) before
/// any is decoded (`BuildCache.factsReadable`), and every form they name was checked against
/// the reader's when the heads were read, so decoding them cannot fail but for a bug in this
/// program.
final class LazyFacts: @unchecked Sendable {
    let diagnostics: [Diagnostic]
    private var decoded: ReportRecord.Facts?
    /// Where the facts are stored, when they are (read from the cache, or written there).
    let stored: (bodies: CacheBodies, place: CacheBodies.Place)?
    private let forms: [String: Form]
    private let count: Counter?
    private let lock = NSLock()

    /// Facts already decoded (a file parsed now).
    init(_ facts: ReportRecord.Facts) {
        diagnostics = facts.diagnostics
        decoded = facts
        stored = nil
        forms = [:]
        count = nil
    }

    /// Facts to decode from `place` of `bodies` when first asked for, unless `decoded` has
    /// them already; each decode is counted in `count`.
    init(diagnostics: [Diagnostic], bodies: CacheBodies, place: CacheBodies.Place, forms: [String: Form], count: Counter,
         decoded: ReportRecord.Facts? = nil) {
        self.diagnostics = diagnostics
        self.stored = (bodies, place)
        self.forms = forms
        self.count = count
        self.decoded = decoded
    }

    /// The facts when decoded already (nothing is read).
    var ifDecoded: ReportRecord.Facts? {
        lock.lock()
        defer { lock.unlock() }
        return decoded
    }

    var value: ReportRecord.Facts {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let diagnostics = self.diagnostics, forms = self.forms
        guard let stored, let facts = stored.bodies.decode(at: stored.place, { try $0.facts(diagnostics: diagnostics, forms: forms) }) else {
            preconditionFailure("the build cache's bodies are checked before a record's facts are decoded")
        }
        count?.add()
        decoded = facts
        return facts
    }
}
