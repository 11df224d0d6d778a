import Foundation

/// Work started now on a thread of its own, its value taken later: a read that depends on
/// nothing the build computes (the staging folder's tables, the last build's rows) runs on
/// the other core while the build plans, which is mostly serial.
///
/// Its own thread, not the cooperative pool's: the work may wait for the output's lock (held
/// by `serve` preparing the spare) or for the disk, and the pool has a thread a core. The
/// value (or the error) stays here until taken, and goes with this object when it is never
/// taken: a value that owns something (the output's lock, `OutputWriter.Opening`) lets go
/// of it in its `deinit`, whichever of the two is released last.
final class Background<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcome: Result<T, any Error>?

    init(_ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            let made = Result { try work() }
            condition.lock()
            outcome = made
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// The value, or the work's error when it threw; waited for on a dispatch thread, so no
    /// thread of the cooperative pool is held while the work runs.
    var value: T {
        get async throws {
            if let ready = peek() { return try ready.get() }
            return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                DispatchQueue.global().async { [self] in continuation.resume(with: wait()) }
            }
        }
    }

    /// The value, waiting on this thread for it.
    func wait() -> Result<T, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }

    private func peek() -> Result<T, any Error>? {
        condition.lock()
        defer { condition.unlock() }
        return outcome
    }
}
