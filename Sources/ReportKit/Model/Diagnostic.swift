// A problem found in a report, as a value: the core never throws for bad content and never
// prints. The core knows the line; the code that read the file attaches the path.

/// One problem found while reading or checking a report.
///
/// `line` is 1-based, in the source file as published (after decoding, before any
/// normalisation), and `nil` when no single line applies.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        /// The report could not be understood (no year, no tables where the form needs them …).
        case error
        /// A broken rule (勾稽关系) or an unreadable cell: shown to the reader, printed by the CLI.
        case warning
        /// Something worth knowing that is not wrong (encoding detected, front matter override).
        case info

        private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    /// A stable dotted code such as `applications.columnTotal`. Once released, a code never
    /// changes meaning; a struct rather than an enum so a new code is never a breaking change.
    public struct Code: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer(); try c.encode(rawValue)
        }
        public var description: String { rawValue }
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    public var line: Int?

    public init(_ severity: Severity, _ code: Code, _ message: String, line: Int?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.line = line
    }

    public static func warning(_ code: Code, _ message: String, line: Int?) -> Self { .init(.warning, code, message, line: line) }
    public static func error(_ code: Code, _ message: String, line: Int?) -> Self { .init(.error, code, message, line: line) }
    public static func info(_ code: Code, _ message: String, line: Int?) -> Self { .init(.info, code, message, line: line) }
}
