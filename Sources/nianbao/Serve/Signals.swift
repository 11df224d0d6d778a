import Dispatch
import Glibc

/// Ctrl-C and `kill`: the first SIGINT or SIGTERM asks the server to stop cleanly; from then
/// on the signals act as usual again, so a second Ctrl-C ends the program at once.
enum Signals {
    /// Returns when the first of `signals` arrives.
    static func wait(for signals: [Int32] = [SIGINT, SIGTERM]) async {
        let waiting = Waiting(signals)
        await withCheckedContinuation { waiting.start($0) }
    }

    /// The signal sources and the waiter; touched only on `queue`.
    final class Waiting: @unchecked Sendable {
        let signals: [Int32]
        let queue = DispatchQueue(label: "nianbao.signals")
        var sources: [any DispatchSourceSignal] = []
        var continuation: CheckedContinuation<Void, Never>?

        init(_ signals: [Int32]) { self.signals = signals }

        func start(_ continuation: CheckedContinuation<Void, Never>) {
            queue.sync {
                self.continuation = continuation
                for number in signals {
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                    source.setEventHandler { self.fire() }
                    sources.append(source)
                    source.resume()
                }
            }
        }

        private func fire() {
            guard let continuation else { return }
            self.continuation = nil
            for source in sources { source.cancel() }
            sources = []
            for number in signals { signal(number, SIG_DFL) }
            continuation.resume()
        }
    }
}
