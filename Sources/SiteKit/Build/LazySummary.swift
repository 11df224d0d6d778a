import Foundation

/// A report's summary as the last build made it (`ReportSummary`, with the diagnostics the
/// checks across reports gave it then) and its series: what the scan needs of a report none
/// of whose series changed, so that an edit of one report of 10,000 decodes the facts of
/// that report's series, not of all 10,000 (`Pipeline.scan`).
///
/// A class, as `ReportRecord.Facts` is: the scan hands each of 10,000 around several times,
/// and a struct of these fields was copied field by field (every string retained and released).
final class KeptSummary: Sendable {
    /// The report's series for the checks across years (`PortalChecks.Entry.series`): which
    /// reports a change touches, known without the report's tables.
    let series: String?
    /// The diagnostics of the checks across reports the summary was made with: a summary is a
    /// function of its record and these alone (`ReportSummary.init(_:facts:across:)`).
    let across: [Diagnostic]
    let summary: ReportSummary

    init(series: String?, across: [Diagnostic], summary: ReportSummary) {
        self.series = series
        self.across = across
        self.summary = summary
    }
}

/// A record's `KeptSummary`: made now, or at its place in the cache's bodies file
/// (`CacheBodies`, beside the record's facts) until asked for, then decoded once and kept —
/// as `LazyFacts` keeps the facts, checked with them before any is decoded
/// (`BuildCache.factsReadable`).
final class LazySummary: @unchecked Sendable {
    private var decoded: KeptSummary?
    /// Where the summary is stored, when it is (read from the cache, or written there).
    let stored: (bodies: CacheBodies, place: CacheBodies.Place)?
    /// The report's id (`ReportSummary.id`, its source): not repeated in the bytes.
    private let source: String
    private let lock = NSLock()

    /// A summary made now.
    init(_ kept: KeptSummary) {
        decoded = kept
        stored = nil
        source = kept.summary.id
    }

    /// A summary to decode from `place` of `bodies` when first asked for, unless `decoded` has it already.
    init(source: String, bodies: CacheBodies, place: CacheBodies.Place, decoded: KeptSummary? = nil) {
        self.source = source
        self.stored = (bodies, place)
        self.decoded = decoded
    }

    /// The summary when decoded already (nothing is read).
    var ifDecoded: KeptSummary? { lock.withLock { decoded } }

    var value: KeptSummary {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let source = self.source
        guard let stored, let kept = stored.bodies.decode(at: stored.place, { try $0.keptSummary(source: source) }) else {
            preconditionFailure("the build cache's bodies are checked before a record's summary is decoded")
        }
        decoded = kept
        return kept
    }

    /// The same summary at `place` of `bodies` (and decoded, when it is): what the next build
    /// of this process reads (`WarmCache`).
    func stored(in bodies: CacheBodies, at place: CacheBodies.Place) -> LazySummary {
        LazySummary(source: source, bodies: bodies, place: place, decoded: ifDecoded)
    }
}
