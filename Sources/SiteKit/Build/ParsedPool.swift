import Foundation

/// Reports parsed by the first pass of a build, kept for the second so that a changed report
/// is not parsed twice — at most `capacity` of them: a full build parses every report, and
/// holding them all is what made memory grow with the portal. A report that does not fit is
/// parsed again when its pages are drawn.
///
/// It also counts the parsed reports alive in the build (`alive`, `peak`): the work a test can
/// bound — memory that grows with the number of reports would show here as a peak that grows.
final class ParsedPool: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var held: [Int: ParsedDocument] = [:]
    private var alive = 0
    private(set) var peak = 0

    init(capacity: Int) { self.capacity = capacity }

    /// A report was parsed (it is alive until `release`d or handed to `offer`).
    func parsed() {
        lock.lock()
        alive += 1
        peak = max(peak, alive)
        lock.unlock()
    }

    /// A parsed report was dropped.
    func release() {
        lock.lock()
        alive -= 1
        lock.unlock()
    }

    /// Keeps a parsed report for its pages, if there is room; otherwise it is dropped.
    func offer(_ index: Int, _ parsed: ParsedDocument) {
        lock.lock()
        defer { lock.unlock() }
        if held.count < capacity { held[index] = parsed } else { alive -= 1 }
    }

    /// The report kept for `index`, once; it stays alive until `release`d.
    func take(_ index: Int) -> ParsedDocument? {
        lock.lock()
        defer { lock.unlock() }
        return held.removeValue(forKey: index)
    }

    /// Drops what was never taken (reports whose pages did not need drawing).
    func drain() {
        lock.lock()
        alive -= held.count
        held = [:]
        lock.unlock()
    }
}
