/// A report before it is laid out: the same blocks become a tab-separated text, a markdown
/// file, PDF-extracted lines, crawler text or a saved web page (`Layout`).
struct ReportDocument: Sendable {
    enum TableKind: Sendable { case active, applications, review, legacy }

    enum Block: Sendable {
        case title(String)
        case heading(String)
        case paragraph(String)
        case table(TableKind, PrintedTable)
        /// The body and the date under the text (`兴庆区掌政镇人民政府` / `2021年1月25日`).
        case signature(String, String)
    }

    var title: String
    var blocks: [Block]
}

/// How a report reached the publisher: the layouts the parser reads (report-formats.md).
enum Layout: String, Sendable, CaseIterable {
    /// Text pasted from Word: tab-separated rows, merged header cells as empty cells.
    case tab
    /// The same, saved as GB18030 (GBK) by an older office suite.
    case gb18030
    /// Markdown with pipe tables.
    case pipe
    /// Text extracted from a PDF: lines broken mid-sentence, table cells one per line.
    case pdf
    /// Text flattened by a crawler: one long line per section, cells separated by spaces.
    case flattened
    /// The web page saved from the government site: `<table>` with rowspan and colspan.
    case html

    var fileExtension: String {
        switch self {
        case .pipe: "md"
        case .html: "html"
        default: "txt"
        }
    }
}

/// A rule the generator broke on purpose, and the diagnostic codes (warning or error) the
/// parser must then report for that report, and only for it.
enum Break: String, Sendable, CaseIterable {
    /// 表三 （一）予以公开 总计 one more than its columns: the row and the （七）总计 column break.
    case applicationsTotal
    /// 表四 行政复议 总计 one more than its four results.
    case reviewTotal
    /// Legacy form: a 其中 row larger than 主动公开政府信息数.
    case legacyBreakdown
    /// 表三 （一）予以公开: the five 法人或其他组织 cells left empty.
    case emptyCells

    var codes: Set<String> {
        switch self {
        case .applicationsTotal: ["applications.rowTotal", "applications.resultsTotal"]
        case .reviewTotal: ["review.groupTotal"]
        case .legacyBreakdown: ["legacy.activeBreakdown"]
        case .emptyCells: ["cell.empty"]
        }
    }
}
