/// The State Council format era a report follows (report-formats.md): the id of a `FormEra`
/// (`legacy`, `2019`, `2021`), or `unknown`. The JSON `format` string is the raw value.
///
/// A value rather than an enum, so an era is data (`Forms.eras`): a fourth era gets its
/// format from its registry entry (`Format(era:)`) with no new case to switch on. Decided by
/// the table headers when tables exist; the year is only a fallback, because a 2020 report may
/// still use the 2019 form and some 2018 reports already did (`FormatRecognizer`).
public struct Format: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// A known format: an era of `Forms.standard`, or `unknown` (front matter names one so).
    public init?(rawValue: String) {
        guard rawValue == Self.unknown.rawValue || Forms.standard.era(rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    /// The format of an era, including one registered outside `Forms.standard`.
    public init(era: FormEra) {
        rawValue = era.id
    }

    private init(id: String) {
        rawValue = id
    }

    // Names for the standard eras, for tests and samples; decisions read the registry.
    public static let legacy = Format(era: Forms.legacyEra)
    public static let v2019 = Format(era: Forms.v2019)
    public static let v2021 = Format(era: Forms.v2021)
    /// No era could be told (a prose-only report from 2019 on).
    public static let unknown = Format(id: "unknown")

    /// How a page names it (`2021 年版格式`): the era's label, `格式未识别` for unknown.
    public var label: String {
        if self == .unknown { return "格式未识别" }
        return Forms.standard.era(rawValue)?.label ?? "\(rawValue) 年版格式"
    }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
