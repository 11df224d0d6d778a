import Foundation
import SiteKit

/// `serve`'s spare, prepared on a thread of its own while it waits for a change
/// (`OutputWriter.prepareSpare`): after a build that left none, the first save would
/// otherwise wait for the whole site to be linked into an empty folder.
///
/// A change does not stop it: the build that follows needs those links anyway, and scans and
/// draws meanwhile; its write waits for the preparation (the output's lock) and finds the
/// spare whole. Only stopping `serve` stops it, and what it linked is kept, sealed, as the
/// spare. Its own thread, not the cooperative pool's: 60,000 links would hold one of the
/// build's threads.
final class SpareThread: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private let done = DispatchSemaphore(value: 0)

    /// Starts preparing the spare of `build`'s output as its plan is now.
    init(_ build: SiteBuild) {
        let thread = Thread { [self] in
            if let plan = try? build.plan() {
                _ = try? makePipeline(plan).prepareSpare(stopping: { [self] in
                    lock.withLock { stopping }
                })
            }
            done.signal()
        }
        thread.start()
    }

    /// Stops it after the file it is linking, and waits until it has sealed what it linked.
    func stop() async {
        lock.withLock { stopping = true }
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { [self] in
                done.wait()
                finished.resume()
            }
        }
    }
}
