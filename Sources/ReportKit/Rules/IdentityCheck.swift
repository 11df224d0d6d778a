import Foundation

/// One instance of a form identity evaluated on a report's table: the cells it reads, whether
/// they agree, and a sentence a citizen can read. `FormIdentityRule` raises a diagnostic for
/// each failed one; a report's page lists them all (`checks.json`), the passed ones too, so a
/// reader sees what was checked and not only what broke.
public struct IdentityCheck: Sendable, Hashable {
    public enum Result: String, Sendable, Hashable {
        /// The two sides agree.
        case passed
        /// They do not: `diagnostic` says so.
        case failed
        /// A cell it needs is empty, unreadable or not printed: nothing to compare.
        case skipped
    }

    /// A cell of the table: a row key and a column key.
    public struct Cell: Sendable, Hashable {
        public let row: String
        public let column: String
    }

    /// The identity's code (`applications.rowTotal`) and the form's line it enforces.
    public let code: Diagnostic.Code
    public let wording: String
    /// The row (and for a column identity, the column) the instance is about: a failed
    /// instance's diagnostic carries the same subject.
    public let subject: Diagnostic.Subject
    /// Every cell the instance reads, the total first.
    public let cells: [Cell]
    public let result: Result
    /// What was compared, in plain Chinese: `本行自然人、法人或其他组织之和为 3，但总计填的是 0`.
    public let plain: String
    /// The diagnostic of a failed instance, as `check` prints it.
    public let diagnostic: Diagnostic?
}
