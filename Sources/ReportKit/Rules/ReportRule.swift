/// A 勾稽关系 rule (report-formats.md "The arithmetic every report must satisfy").
///
/// Each rule is a small named type that looks at a parsed report and returns one
/// diagnostic per broken instance, on the line it is about. What must add up is the forms'
/// data (`FormIdentity`, `LegacyBreakdown`); the rules evaluate it. Never: a rule changes a value.
public protocol ReportRule: Sendable {
    /// A stable name for docs and tests.
    var name: String { get }
    /// `lines` are the normalised lines, for rules that read the prose.
    func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic]
}

/// Every rule, in the order their diagnostics are listed.
public enum RuleRegistry {
    public static func rules(_ forms: FormRegistry = Forms.standard) -> [any ReportRule] {
        [
            FormIdentityRule(),
            LegacyBreakdownRule(form: forms.legacyForm),
            ProseCountRule(),
        ]
    }

    public static func check(_ report: Report, lines: [SourceLine], forms: FormRegistry = Forms.standard) -> [Diagnostic] {
        rules(forms).flatMap { $0.check(report, lines: lines) }
    }
}
