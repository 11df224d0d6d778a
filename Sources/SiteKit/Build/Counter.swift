import Foundation

/// A count added to from many threads: work a build did, for tests to bound (records' facts
/// decoded from the cache, `BuildCache.decoded`; frames taken while drawing).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ n: Int = 1) { lock.lock(); count += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func reset() { lock.lock(); count = 0; lock.unlock() }
}
