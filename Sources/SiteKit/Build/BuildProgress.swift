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

    /// A stage of the build as it ended: what it did, and the wall and CPU time (this process,
    /// all its threads) since the stage before it ended, in milliseconds. `nianbao build
    /// --timings` prints them, so a claim about where a rebuild's time goes can be checked on
    /// any site without a profiler.
    public struct Stage: Sendable, Equatable {
        public let name: String
        public let wall: Double
        public let cpu: Double
    }

    private let lock = NSLock()
    private var counts = Counts()
    private var ended: [Stage] = []
    private var last: (wall: Double, cpu: Double)?
    /// Whether `stage` keeps anything: off, a stage costs one test of this flag.
    public let timesStages: Bool

    public init(timesStages: Bool = false) {
        self.timesStages = timesStages
    }

    public var current: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// The stages ended so far, in order (none unless `timesStages`).
    public var stages: [Stage] {
        lock.lock()
        defer { lock.unlock() }
        return ended
    }

    /// Marks the end of a stage (the first mark only starts the clock).
    func stage(_ name: String) {
        guard timesStages else { return }
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let wall = Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        lock.lock()
        if let last { ended.append(Stage(name: name, wall: wall - last.wall, cpu: cpu - last.cpu)) }
        last = (wall, cpu)
        lock.unlock()
    }

    func update(_ change: (inout Counts) -> Void) {
        lock.lock()
        change(&counts)
        lock.unlock()
    }
}
