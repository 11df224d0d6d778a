/// The report's text in reading order, for the page: headings, paragraphs of prose
/// (markdown source, rendered later by libcmark in safe mode) and the places where the
/// standard tables stood. Table rows never appear as paragraphs.
public enum Block: Hashable, Sendable {
    /// A heading. `section` is 1…6 for the six standard sections (一、总体情况 … 六、其他需要报告的事项),
    /// `nil` for any other heading (legacy free headings, sub-headings).
    case heading(text: String, level: Int, section: Int?, line: Int)
    /// A paragraph of prose; `text` may hold inline markdown (`**一是**`).
    case paragraph(text: String, line: Int)
    /// Where a standard table was printed.
    case table(TableKind, line: Int)
}

/// The standard tables a report may carry.
public enum TableKind: String, Hashable, Sendable, Codable, CaseIterable {
    case active        // 表二 主动公开政府信息情况
    case applications  // 表三 收到和处理政府信息公开申请情况
    case review        // 表四 行政复议、行政诉讼
    case legacy        // 政府信息公开情况统计表
}
