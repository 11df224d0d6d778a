import Foundation

/// Checks: in the legacy form, 收到申请数 = the sum of its channel rows (当面 · 传真 · 网络 ·
/// 信函 · 其他形式), when every channel row is given. Reports: `legacy.channels` on the
/// 收到申请数 line.
public struct LegacyChannelsRule: ReportRule {
    public var name: String { "legacy.channels" }
    public init() {}

    static let channelWords = ["当面", "传真", "网络", "网上", "信函", "其他形式", "其它形式", "电子邮件"]

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        guard let legacy = report.tables.legacy, let total = legacy.applicationsReceived else { return [] }
        guard let start = legacy.rows.firstIndex(where: { row in
            let k = Normalizer.key(row.label)
            return LegacyTableRecognizer.applicationKeys.contains { k.contains($0) }
        }) else { return [] }
        var channels: [LegacyRow] = []
        for row in legacy.rows[(start + 1)...] {
            let k = Normalizer.key(row.label)
            guard Self.channelWords.contains(where: { k.contains($0) }), k.hasSuffix("申请数") else { break }
            channels.append(row)
        }
        guard channels.count >= 2, channels.allSatisfy({ $0.value != nil }) else { return [] }
        let sum = channels.reduce(Decimal(0)) { $0 + $1.value! }
        guard sum != total else { return [] }
        return [.warning("legacy.channels", "统计表 收到申请数 \(total) ≠ 各渠道申请数之和 \(sum)", line: legacy.rows[start].line)]
    }
}
