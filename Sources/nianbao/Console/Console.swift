import ArgumentParser
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
    /// diagnostic when verbose. Every diagnostic is one line, whatever its file name or
    /// message holds (`escape`); a path under the current folder is shown relative to it.
    func print(_ diagnostics: [FileDiagnostic], to stream: Stream, lines: (String) -> [String]? = { _ in nil }) {
        let color = Self.isTerminal(stream) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let ordered = diagnostics.enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            let la = a.element.diagnostic.line ?? 0, lb = b.element.diagnostic.line ?? 0
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
        for d in ordered where verbose || d.diagnostic.severity != .info {
            let sev = d.diagnostic.severity.rawValue
            let paint = !color ? "" : d.diagnostic.severity == .error ? "\u{1B}[1;31m"
                : d.diagnostic.severity == .warning ? "\u{1B}[1;33m" : "\u{1B}[1;36m"
            let reset = color ? "\u{1B}[0m" : ""
            let file = Self.escape(Self.relative(d.file))
            let place = d.diagnostic.line.map { "\(file):\($0)" } ?? file
            let message = Self.escape(d.diagnostic.message), code = Self.escape(d.diagnostic.code.rawValue)
            var text = "\(place): \(paint)\(sev)\(reset): \(message) [\(code)]\n"
            if verbose, let n = d.diagnostic.line, let all = lines(d.file), n >= 1, n <= all.count {
                var shown = all[n - 1].replacingOccurrences(of: "\t", with: " ⇥ ")
                if shown.count > 100 { shown = String(shown.prefix(99)) + "…" }
                text += "    \(n) | \(Self.escape(shown))\n"
            }
            Self.write(text, to: stream)
        }
    }

    /// Runs a command's work; an error that stops it is printed to standard error as one
    /// diagnostic line (`site.yml:3: error: … [site.value]`) and the exit status is 1.
    static func stopping(verbose: Bool, _ work: () async throws -> Void) async throws {
        do { try await work() } catch let exit as ExitCode {
            throw exit
        } catch {
            if let diagnostic = diagnostic(for: error) {
                Console(verbose: verbose).print([diagnostic], to: .err)
            } else {
                write("nianbao: error: \(escape(String(describing: error)))\n", to: .err)
            }
            throw ExitCode.failure
        }
    }

    /// An error that stops a command, as a diagnostic when it is one or names its file: then
    /// it reads `file: what went wrong (what to do)`; `nil` for any other error.
    static func diagnostic(for error: any Error) -> FileDiagnostic? {
        if let error = error as? DiagnosedError { return error.diagnostic }
        if let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String {
            return IOFailure(error, path: path, action: .access).diagnostic
        }
        return nil
    }

    /// Text from a file name, a report or a message, made safe to print on one line: control
    /// characters (an escape sequence that would recolour or clear the terminal, a line
    /// break that would forge a diagnostic line) and the invisible characters that reorder
    /// text are written as `\u{1B}`, `\n`, `\t`, `\r`.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isUnsafe(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, and bidirectional marks,
    /// embeddings, overrides and isolates.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// An absolute path under the current folder, relative to it (`/work/site/themes/x` →
    /// `themes/x`); anything else as it is.
    static func relative(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let cwd = FileManager.default.currentDirectoryPath
        for folder in [cwd, URL(fileURLWithPath: cwd).resolvingSymlinksInPath().path] {
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            if path.hasPrefix(prefix) && path.count > prefix.count { return String(path.dropFirst(prefix.count)) }
        }
        return path
    }
}

extension Console {
    /// `built 2 reports into 31 pages (31 files written, 0 unchanged, 0 removed), 1 errors, 3 warnings in 0.41 s`.
    /// The build's stages (`--timings`), one line each: wall and CPU milliseconds. A stage whose
    /// CPU time is near twice its wall time used both cores of a two-core machine.
    static func stages(of result: Pipeline.Result) -> String {
        let width = result.stages.map(\.name.count).max() ?? 0
        return result.stages.map { stage in
            stage.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %8.1f ms wall %8.1f ms cpu\n", stage.wall, stage.cpu)
        }.joined()
    }

    static func summary(of result: Pipeline.Result) -> String {
        let w = result.written ?? .init(written: 0, unchanged: 0)
        return String(format: "built %d reports into %d pages (%d files written, %d unchanged, %d removed), "
                      + "%d errors, %d warnings in %.2f s", result.reports, result.pages, w.written, w.unchanged,
                      w.removed, result.count(.error), result.count(.warning), result.seconds)
    }
}
