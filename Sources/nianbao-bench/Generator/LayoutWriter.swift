/// Lays a `ReportDocument` out as one of the `Layout`s, the way such files look in the wild
/// (report-formats.md, the seeds, `Tests/ReportKitTests/Fixtures/layout-*`).
struct LayoutWriter {
    var layout: Layout
    /// Heading style of a text file: plain line, markdown `###`, or bold `**…**`.
    var headingStyle = 0

    func text(_ document: ReportDocument) -> String {
        switch layout {
        case .tab, .gb18030, .pdf: lines(document).joined(separator: "\n") + "\n"
        case .pipe: lines(document).joined(separator: "\n") + "\n"
        case .flattened: flattened(document)
        case .html: HTMLLayout.page(document)
        }
    }

    /// The line layouts (tab, pipe, PDF): one block after another, blank lines between.
    func lines(_ document: ReportDocument) -> [String] {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .title(let t):
                out += layout == .pipe ? ["# \(t)", ""] : ["", t, ""]
            case .heading(let h):
                out += [heading(h), ""]
            case .paragraph(let p):
                out += layout == .pdf ? PDFLayout.wrap(p) + [""] : [p, ""]
            case .signature(let body, let date):
                out += ["", body, "", date, ""]
            case .table(let kind, let table):
                switch layout {
                case .pipe: out += PipeLayout.table(kind, table) + [""]
                case .pdf: out += PDFLayout.table(kind, table) + [""]
                default: out += TabLayout.table(kind, table) + [""]
                }
            }
        }
        return out
    }

    func heading(_ h: String) -> String {
        if layout == .pipe { return "## \(h)" }
        if layout == .pdf { return " " + h }
        switch headingStyle {
        case 1: return "### \(h)"
        case 2: return "**\(h)**"
        default: return h
        }
    }

    /// Crawler text: a title line, then the body collapsed into one line per section with
    /// single spaces between cells (what a scraper's `innerText` gives after whitespace folding).
    func flattened(_ document: ReportDocument) -> String {
        var sections: [[String]] = [[]]
        for block in document.blocks {
            switch block {
            case .title(let t): sections[0].append(t)
            case .heading(let h): sections.append([h])
            case .paragraph(let p): sections[sections.count - 1].append(p)
            case .signature(let body, let date): sections.append([body, date])
            case .table(let kind, let table):
                sections[sections.count - 1].append(TabLayout.table(kind, table)
                    .map { $0.split(separator: "\t").joined(separator: " ") }.filter { !$0.isEmpty }.joined(separator: " "))
            }
        }
        return "标题: \(document.title)\n==== 正文 ====\n" + sections.map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n"
    }
}

/// Rows of cells separated by tabs, merged cells left empty, as Word pastes a table.
enum TabLayout {
    static func table(_ kind: ReportDocument.TableKind, _ table: PrintedTable) -> [String] {
        switch kind {
        case .active:
            return [(table.title ?? "") + String(repeating: "\t", count: table.columns.count - 1), table.columns.joined(separator: "\t")]
                + table.rows.map { ($0.path + $0.values).joined(separator: "\t") }
        case .legacy:
            return [table.title ?? "", "", table.columns.joined(separator: "\t")]
                + table.rows.map { ($0.path + $0.values).joined(separator: "\t") }
        case .review:
            return reviewHeader + [table.rows[0].values.joined(separator: "\t")]
        case .applications:
            var lines = applicationsHeader
            var previous: [String] = []
            for row in table.rows {
                // A merged cell is printed on its first row only; later rows leave it empty.
                var cells = row.path.enumerated().map { i, label in
                    i < previous.count && previous[i] == label && i < row.path.count - 1 ? "" : label
                }
                if cells.count == 1 { cells.append("") }
                previous = row.path
                lines.append((cells + row.values).joined(separator: "\t"))
            }
            return lines
        }
    }

    static let applicationsHeader = [
        "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计",
        "\t\t自然人\t法人或其他组织\t\t\t\t\t",
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ]

    static let reviewHeader = [
        "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
        "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
    ]

    /// The label of a row without the merged cells it shares with the row above.
    static func ownLabel(_ row: TableRow, after previous: [String]) -> String {
        ownCells(row, after: previous).joined(separator: " ")
    }

    static func ownCells(_ row: TableRow, after previous: [String]) -> [String] {
        row.path.enumerated().filter { i, label in !(i < previous.count && previous[i] == label && i < row.path.count - 1) }
            .map(\.element)
    }
}

/// Markdown pipe tables, one header row, as a converter writes them.
enum PipeLayout {
    static func table(_ kind: ReportDocument.TableKind, _ table: PrintedTable) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        func rule(_ n: Int) -> String { row(Array(repeating: "---", count: n)) }
        switch kind {
        case .active:
            return [table.title ?? "", "", row(table.columns), rule(table.columns.count)]
                + table.rows.map { row($0.path + $0.values) }
        case .legacy:
            return [table.title ?? "", "", row(table.columns), rule(3)] + table.rows.map { row($0.path + $0.values) }
        case .review:
            let header = ["行政复议 结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                          "行政诉讼 未经复议直接起诉 结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                          "复议后起诉 结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
            return [row(header), rule(15), row(table.rows[0].values)]
        case .applications:
            var lines = [row(["本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"] + table.columns), rule(8)]
            var previous: [String] = []
            for r in table.rows {
                lines.append(row([TabLayout.ownLabel(r, after: previous)] + r.values))
                previous = r.path
            }
            return lines
        }
    }
}

/// Text as `pdftotext` gives it: prose broken at the page width, table labels broken across
/// lines, each row's numbers on a line of their own.
enum PDFLayout {
    /// Breaks a paragraph into lines of about 38 characters, as a page of Chinese text wraps.
    static func wrap(_ text: String, width: Int = 38) -> [String] {
        var lines: [String] = []
        var current = ""
        for c in text {
            current.append(c)
            if current.count >= width { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.flatMap { [$0, ""] }.dropLast()
    }

    static func table(_ kind: ReportDocument.TableKind, _ table: PrintedTable) -> [String] {
        switch kind {
        case .active, .legacy:
            return [table.title ?? ""] + table.columns + table.rows.map { ($0.path + $0.values).joined(separator: " ") }
        case .review:
            return ["行政复议", "行政诉讼", "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计",
                    "未经复议直接起诉", "复议后起诉", table.rows[0].values.joined(separator: " ")]
        case .applications:
            var lines = ["（本列数据的勾稽关系为：第一项", "", "加第二项之和，等于第三项加第四", "", "项之和）", "", "申请人情况", "",
                         "自", "", "然", "", "人", "", "法人或其他组织", "", "总", "", "计",
                         "商业", "", "企业", "", "科研", "", "机构", "", "社会", "", "公益", "", "组织", "",
                         "法律", "", "服务", "", "机构", "", "其他", ""]
            var previous: [String] = []
            for r in table.rows {
                let own = TabLayout.ownCells(r, after: previous)
                previous = r.path
                // Narrow label cells: each label breaks every seven characters.
                let pieces = own.flatMap { label in
                    stride(from: 0, to: label.count, by: 7).map { i in String(label.dropFirst(i).prefix(7)) }
                }
                lines += pieces.dropLast().flatMap { [$0, ""] }
                lines.append(pieces.last ?? "")
                lines.append(r.values.joined(separator: " "))
                lines.append("")
            }
            return lines
        }
    }
}
