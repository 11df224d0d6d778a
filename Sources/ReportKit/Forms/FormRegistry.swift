/// The eras the parser knows, newest first. `Forms.standard` holds the State Council's; a test
/// passes its own (a made-up fourth era) to `ReportParser(forms:)` without touching the
/// product: the registry is a value handed to the parser, never a global that one test could
/// change under another.
public struct FormRegistry: Sendable {
    /// Newest first (by `since`): a later era's fingerprints are tried before an earlier one's,
    /// since a later form often keeps the earlier one's words.
    public let eras: [FormEra]
    /// Label matchers built once (as the recognisers' static matchers were): one per form, and
    /// one per table over the forms told apart by rows rather than headers.
    private let matchers: [[String]: LabelMatcher]

    public init(eras: [FormEra]) {
        self.eras = eras.sorted { $0.since > $1.since }
        var byID: [String: Form] = [:]
        for form in self.eras.flatMap(\.tables.values) {
            precondition(byID.updateValue(form, forKey: form.id).map { $0 == form } ?? true, "two different forms named \(form.id)")
        }
        var matchers: [[String]: LabelMatcher] = [:]
        for kind in TableKind.allCases {
            let withKind = self.eras.filter { $0.tables[kind] != nil }
            for form in withKind.compactMap({ $0.tables[kind] }) { matchers[[form.id]] = LabelMatcher(form: form) }
            let byRows = withKind.filter { era in era.fingerprints(of: kind).allSatisfy(\.headers.isEmpty) }.compactMap { $0.tables[kind] }
            matchers[byRows.map(\.id)] = LabelMatcher(forms: byRows)
        }
        self.matchers = matchers
    }

    /// The matcher over the rows of `forms` (built once when the registry is made).
    func matcher(for forms: [Form]) -> LabelMatcher {
        matchers[forms.map(\.id)] ?? LabelMatcher(forms: forms)
    }

    public func era(_ id: String) -> FormEra? { eras.first { $0.id == id } }

    /// The era of a format, `nil` for `unknown` or an id no era has.
    public func era(of format: Format) -> FormEra? { era(format.rawValue) }

    /// The eras with a form for `kind`, newest first.
    public func eras(with kind: TableKind) -> [FormEra] { eras.filter { $0.tables[kind] != nil } }

    /// The eras using `form` (a form may serve several eras: table 四 has not changed).
    public func eras(using form: Form) -> [FormEra] { eras.filter { $0.tables[form.kind] == form } }

    /// The legacy statistics form, `nil` when no era has one.
    public var legacyForm: LegacyForm? { eras.lazy.compactMap(\.legacy).first }

    /// Every distinct form, newest era first, in `TableKind` order within an era.
    public var forms: [Form] {
        var seen = Set<String>()
        return eras.flatMap { era in TableKind.allCases.compactMap { era.tables[$0] } }.filter { seen.insert($0.id).inserted }
    }
}
