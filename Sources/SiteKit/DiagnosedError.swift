import Foundation

/// An error that stops a command before or after the reports are read — an output folder
/// nianbao refuses to replace, a `site.yml` it cannot use, a theme that does not load, a disk
/// that is full — carried as the one diagnostic the console prints for it: where (a file and
/// line, or the flag that gave the value), what went wrong and what to do, and a stable code.
///
/// Content problems are never errors of this kind: they are diagnostics on their report, and
/// the rest of the site still builds.
public protocol DiagnosedError: Error, CustomStringConvertible {
    var diagnostic: FileDiagnostic { get }
}

extension DiagnosedError {
    /// `file:line: error: message [code]`, the way `Console` prints it (without escaping).
    public var description: String { diagnostic.text }
}

extension FileDiagnostic {
    /// `file:line: severity: message [code]`, the way `Console` prints it (without escaping).
    public var text: String {
        let place = diagnostic.line.map { "\(file):\($0)" } ?? file
        return "\(place): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
    }

    /// An error about `file` (at `line`), for a `DiagnosedError`. Each code is written out
    /// where it is raised, as `code: "…"`, and listed in `DiagnosticCatalogue` (a test reads
    /// the sources for them).
    static func error(_ file: String, line: Int? = nil, code: Diagnostic.Code, _ message: String) -> FileDiagnostic {
        FileDiagnostic(file: file, diagnostic: .error(code, message, line: line))
    }

    /// A warning about `file` (at `line`): a problem that does not stop the build.
    static func warning(_ file: String, line: Int? = nil, code: Diagnostic.Code, _ message: String) -> FileDiagnostic {
        FileDiagnostic(file: file, diagnostic: .warning(code, message, line: line))
    }
}
