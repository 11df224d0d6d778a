import Foundation

/// How far a build has got, for the progress line `Console` draws on a terminal: counters the
/// build raises as it goes and a reader polls (the build never prints).
public final class BuildProgress: @unchecked Sendable {
    public struct Counts: Sendable, Equatable {
        /// Report files found, and read so far (parsed, or taken from the cache).
        public var files = 0
        public var read = 0
        /// Files to write, and written so far (pages drawn and put into the staged site).
        public var pages = 0
        public var written = 0

        public init() {}
    }

    private let lock = NSLock()
    private var counts = Counts()

    public init() {}

    public var current: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    func update(_ change: (inout Counts) -> Void) {
        lock.lock()
        change(&counts)
        lock.unlock()
    }
}
