/// The State Council format era a report follows (report-formats.md).
///
/// Decided by the table headers when tables exist; the year is only a fallback, because a
/// 2020 report may still use the 2019 form and some 2018 reports already did.
public enum Format: String, Hashable, Sendable, Codable, CaseIterable {
    case legacy = "legacy"
    case v2019 = "2019"
    case v2021 = "2021"
    case unknown = "unknown"
}
