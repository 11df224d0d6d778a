import Foundation

/// Checks: in the legacy form, 主动公开政府信息数 ≥ each 其中 row under it (a part cannot
/// exceed its whole). Reports: `legacy.activeBreakdown` on the 其中 row's line.
public struct LegacyActiveBreakdownRule: ReportRule {
    public var name: String { "legacy.activeBreakdown" }
    public init() {}

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        guard let legacy = report.tables.legacy, let total = legacy.activeTotal else { return [] }
        var out: [Diagnostic] = []
        var inActive = false
        for row in legacy.rows {
            let k = Normalizer.key(row.label)
            if LegacyTableRecognizer.activeTotalKeys.contains(where: { k.contains($0) }) && !k.hasPrefix("其中") { inActive = true; continue }
            guard inActive else { continue }
            guard k.hasPrefix("其中") else { if !k.contains("规范性文件") { break }; continue }
            if let v = row.value, v > total {
                out.append(.warning("legacy.activeBreakdown", "统计表 \(row.label) \(v) > 主动公开政府信息数 \(total)", line: row.line))
            }
        }
        return out
    }
}
