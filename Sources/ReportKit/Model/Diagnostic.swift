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

    /// What in the report a diagnostic is about: a table, and within it a row (its form key,
    /// or the printed label in the legacy form) and a column (its form key). Set where the
    /// diagnostic is raised, because only there is it known; pages place their notes by it
    /// rather than by line (several rows share a line in flattened text).
    public struct Subject: Hashable, Sendable, Codable {
        public var table: TableKind
        /// The row's form key (`resultsTotal`, `litigationDirect`), `nil` for the whole table.
        public var row: String?
        /// The column's form key (`total`, `naturalPerson`), `nil` for the whole row.
        public var column: String?

        public init(table: TableKind, row: String? = nil, column: String? = nil) {
            self.table = table
            self.row = row
            self.column = column
        }
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    public var line: Int?
    /// The table cell, row or table the diagnostic is about; `nil` for prose and file problems.
    public var subject: Subject?

    public init(_ severity: Severity, _ code: Code, _ message: String, line: Int?, subject: Subject? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.line = line
        self.subject = subject
    }

    public static func warning(_ code: Code, _ message: String, line: Int?, subject: Subject? = nil) -> Self {
        .init(.warning, code, message, line: line, subject: subject)
    }
    public static func error(_ code: Code, _ message: String, line: Int?, subject: Subject? = nil) -> Self {
        .init(.error, code, message, line: line, subject: subject)
    }
    public static func info(_ code: Code, _ message: String, line: Int?, subject: Subject? = nil) -> Self {
        .init(.info, code, message, line: line, subject: subject)
    }
}
