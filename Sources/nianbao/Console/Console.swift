import Foundation
import Glibc
import SiteKit

/// The only place that prints. Diagnostics go out as `file:line: warning: message [code]`,
/// a format editors and CI logs can jump to; colour only when the stream is a terminal.
struct Console {
    enum Stream { case out, err }

    var verbose = false

    /// A closed pipe should end the program quietly, not kill it with SIGPIPE.
    static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

    static func isTerminal(_ stream: Stream) -> Bool { isatty(stream == .out ? 1 : 2) == 1 }

    /// Writes text; a closed pipe (`nianbao extract | head`) ends the program quietly with 0.
    static func write(_ text: String, to stream: Stream = .out) {
        // write(2) on the descriptor: no shared C FILE state, and EPIPE is an error value
        // here because SIGPIPE is ignored (see `ignoreBrokenPipe`).
        let fd: Int32 = stream == .out ? 1 : 2
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if stream == .out { exit(0) }
                return
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Prints diagnostics in file order, then line order within a file (those with no line
    /// first, as they are about the whole file), so the output reads like the file. Info
    /// diagnostics only when verbose. `lines` gives the source line to show under each
    /// diagnostic when verbose.
    func print(_ diagnostics: [FileDiagnostic], to stream: Stream, lines: (String) -> [String]? = { _ in nil }) {
        let color = Self.isTerminal(stream) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let ordered = diagnostics.enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            let la = a.element.diagnostic.line ?? 0, lb = b.element.diagnostic.line ?? 0
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
        for d in ordered where verbose || d.diagnostic.severity != .info {
            let sev = d.diagnostic.severity.rawValue
            let paint = color ? (d.diagnostic.severity == .error ? "\u{1B}[1;31m" : d.diagnostic.severity == .warning ? "\u{1B}[1;33m" : "\u{1B}[1;36m") : ""
            let reset = color ? "\u{1B}[0m" : ""
            let place = d.diagnostic.line.map { "\(d.file):\($0)" } ?? d.file
            var text = "\(place): \(paint)\(sev)\(reset): \(d.diagnostic.message) [\(d.diagnostic.code)]\n"
            if verbose, let n = d.diagnostic.line, let all = lines(d.file), n >= 1, n <= all.count {
                var shown = all[n - 1].replacingOccurrences(of: "\t", with: " ⇥ ")
                if shown.count > 100 { shown = String(shown.prefix(99)) + "…" }
                text += "    \(n) | \(shown)\n"
            }
            Self.write(text, to: stream)
        }
    }
}
