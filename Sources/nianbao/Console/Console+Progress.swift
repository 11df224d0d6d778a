import Foundation
import Glibc
import SiteKit

extension Console {
    /// Runs `work` and, when standard error is a terminal and the work lasts more than a
    /// second, keeps one line there up to date: reports read and files written, with their
    /// rates. Never in a pipe or a CI log (`CI` set): those get the summary line only. The
    /// line is cleared before anything else is printed.
    static func showingProgress<T>(of progress: BuildProgress, _ work: () async throws -> T) async throws -> T {
        guard isTerminal(.err), ProcessInfo.processInfo.environment["CI"] == nil else { return try await work() }
        let line = ProgressLine(progress)
        line.start()
        defer { line.stop() }
        return try await work()
    }
}

/// The progress line: a thread of its own wakes every 200 ms (the build's threads are all
/// busy parsing), from the first second on.
final class ProgressLine: @unchecked Sendable {
    private let progress: BuildProgress
    private let lock = NSLock()
    private var stopped = false
    private var shown = false
    private let done = DispatchSemaphore(value: 0)
    private let started = Date()

    init(_ progress: BuildProgress) { self.progress = progress }

    func start() {
        let thread = Thread { [self] in
            var first = true
            while done.wait(timeout: .now() + (first ? 1.0 : 0.2)) == .timedOut {
                first = false
                draw()
            }
        }
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        let clear = shown
        lock.unlock()
        done.signal()
        if clear { Console.write("\r\u{1B}[K", to: .err) }
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        shown = true
        Console.write("\r\u{1B}[K" + Self.text(progress.current, seconds: Date().timeIntervalSince(started)), to: .err)
    }

    /// `read 3210/10000 reports (1605/s) · wrote 1200/45000 files (600/s)`.
    static func text(_ c: BuildProgress.Counts, seconds: Double) -> String {
        let s = max(seconds, 0.001)
        var text = "read \(c.read)/\(c.files) reports (\(Int(Double(c.read) / s))/s)"
        if c.pages > 0 { text += " · wrote \(c.written)/\(c.pages) files (\(Int(Double(c.written) / s))/s)" }
        return text
    }
}
