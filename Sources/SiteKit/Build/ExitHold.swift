import Foundation

/// Where a one-shot build leaves the large values it made (the records, the summaries, the
/// plan and its 25,000 planned pages at 10,000 reports) instead of freeing them one object
/// at a time as its scopes end: the process exits right after and the system takes the
/// memory back whole. At 10,000 reports that freeing was some 60 ms of CPU on the main
/// thread, after the new site was in place, in an edit build of about a second.
///
/// `build` and `check` run in a process that ends with them (`ExitHold.process`); `serve`
/// builds again and again, and its builds hold nothing (`Pipeline.exitHold` is `nil`), so
/// each build's memory is freed before the next.
public final class ExitHold: @unchecked Sendable {
    /// The holder of this process's one-shot build: alive, like every global, until exit,
    /// which never frees it.
    public static let process = ExitHold()

    private let lock = NSLock()
    private var held: [Any] = []

    public init() {}

    /// Keeps `value` alive until this holder is freed (for `process`, until exit).
    func hold(_ value: Any) {
        lock.lock()
        held.append(value)
        lock.unlock()
    }

    /// How many values are held.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return held.count
    }
}
