import Foundation

/// Work spread over the cores with structured concurrency: at most `width` items in flight at
/// once (so memory is bounded by the work in flight, never by the number of items), results
/// in item order whatever order they finish in.
enum Parallel {
    /// Two items per core: one running, one ready, so no core waits while a result is taken.
    static var width: Int { max(2, ProcessInfo.processInfo.activeProcessorCount * 2) }

    static func map<T: Sendable>(_ count: Int, width: Int = Parallel.width,
                                 _ body: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            func start() {
                let i = next
                group.addTask { (i, try body(i)) }
                next += 1
            }
            while next < min(width, count) { start() }
            while let (i, value) = try await group.next() {
                results[i] = value
                if next < count { start() }
            }
            return results.map { $0! }
        }
    }

    /// `body` of every index, in order, with the indices handed out in runs of `chunk`: work
    /// of a few microseconds an item (a summary, a page's plan) spread over the cores without
    /// a task an item.
    static func map<T: Sendable>(_ count: Int, chunk: Int, width: Int = Parallel.width,
                                 _ body: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
        let runs = try await map((count + chunk - 1) / chunk, width: width) { c in
            try ((c * chunk)..<min(count, (c + 1) * chunk)).map(body)
        }
        var all: [T] = []
        all.reserveCapacity(count)
        for run in runs { all += run }
        return all
    }

    static func forEach(_ count: Int, width: Int = Parallel.width, _ body: @escaping @Sendable (Int) throws -> Void) async throws {
        _ = try await map(count, width: width, body)
    }
}
