import Foundation

/// Waits for the files a site is made from to change: looks at their `Stamps` every
/// `interval`, and once something changed, looks again every `settle` until two looks agree
/// (a save of several files, a `git checkout`, ends before the rebuild starts), at most
/// `maxSettles` times.
///
/// The stamps compared against are those taken before the previous rebuild started, so a
/// file saved while a build runs starts the next one.
public struct Watcher: Sendable {
    public var roots: [String]
    public var skipping: [String]
    public var interval: Duration = .milliseconds(250)
    public var settle: Duration = .milliseconds(40)
    public var maxSettles = 25
    private var last: Stamps

    public init(roots: [String], skipping: [String] = []) {
        self.roots = roots
        self.skipping = skipping
        last = Stamps.take(roots, skipping: skipping)
    }

    /// The files watched now.
    public var watched: Int { last.files.count }

    /// Waits for the next change; returns the paths that changed, sorted. Throws when the
    /// task is cancelled.
    public mutating func next() async throws -> [String] {
        while true {
            try await Task.sleep(for: interval)
            var now = Stamps.take(roots, skipping: skipping)
            guard now != last else { continue }
            for _ in 0..<maxSettles {
                try await Task.sleep(for: settle)
                let again = Stamps.take(roots, skipping: skipping)
                if again == now { break }
                now = again
            }
            let changed = now.changes(since: last)
            last = now
            if !changed.isEmpty { return changed }
        }
    }

    /// Watches another set of files from now on (a changed `site.yml` may name another
    /// theme or content folder): the new set's files are taken as they are now.
    public mutating func watch(roots: [String], skipping: [String]) {
        guard roots != self.roots || skipping != self.skipping else { return }
        self.roots = roots
        self.skipping = skipping
        last = Stamps.take(roots, skipping: skipping)
    }
}
