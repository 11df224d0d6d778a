import Foundation
import Mustache

/// A report's page (`…/2020/index.html`): header, problem summary, and the text in reading
/// order with each table drawn where it stood.
struct ReportPage: Page {
    static let kind = PageKind(name: "report", template: "report", inSitemap: true)
    let report: Int
    let path: String
    var reports: [Int] { [report] }
    /// Its title is the report's, or made from its year and body.
    var summaries: [Int]? { [report] }

    static func pages(in plan: SitePlan) -> [ReportPage] {
        plan.summaries.indices.map { ReportPage(report: $0, path: plan.map.reportFolder[$0] + "index.html") }
    }

    func frame(in plan: SitePlan) -> ReportFrame { ReportFrame(plan: plan, report: report) }

    func draw(_ frame: ReportFrame, reports: [ParsedDocument]) -> Drawing {
        .html(title: frame.title, view: Self.view(report: reports[0].report, rawName: reports[0].document.kind.rawName, frame: frame), scripts: [], refresh: "")
    }
}

/// What a report's own pages (its page and its source page) take from the site plan: the
/// title (the report's, or one made from its body's name), the breadcrumb and the link to
/// its body's page. Digested into the manifest, so a report's page is drawn again when
/// another report changes its breadcrumb (a town government's first report links the town).
struct ReportFrame: Encodable, Sendable {
    let title: String
    let crumbs: [CrumbView]
    let identityName: String
    let identityHref: String

    init(plan: SitePlan, report i: Int) {
        let identity = plan.identity(ofReport: i)
        let links = plan.links(plan.map.reportFolder[i])
        var crumbs = plan.breadcrumb(identity: identity, links: links)
        crumbs.append(CrumbView(name: SitePlan.yearLabel(SitePlan.yearKey(plan.summaries[i].year)), href: "", current: true))
        self.crumbs = crumbs
        title = plan.title(ofReport: i)
        identityName = identity.name
        identityHref = links.to(identity.folder)
    }
}

extension SitePlan {
    /// A report's title as printed, or one made from its body's name and its year.
    func title(ofReport i: Int) -> String {
        let yearText = summaries[i].year.map { "\($0)" } ?? "年份不明"
        return summaries[i].title ?? "\(identity(ofReport: i).name) \(yearText)年政府信息公开工作年度报告"
    }
}

/// The view model of a report's page (`report.mustache`): header, problem summary, and the
/// text in reading order with each table drawn where it stood.
struct ReportPageView: TemplateView {
    let title: String
    let bodyName: String
    let hasBodyName: Bool
    let year: String
    let published: String
    let hasPublished: Bool
    let format: String
    let crumbs: [CrumbView]
    let identityHref: String
    let identityName: String
    let rawHref: String
    let hasProblems: Bool
    let problemSummary: String
    let problems: [DiagnosticView]
    /// What the checks found, passed ones included (`checks.json` lists them).
    let checkSummary: String
    let hasChecks: Bool
    let hasInfos: Bool
    let infos: [DiagnosticView]
    let blocks: [BlockView]
    let hasBlocks: Bool
}

/// A diagnostic in the summary box. `href` leads to its note beside the table row when it
/// has one, else to the source line; `anchorID` is set when the summary entry itself is the
/// only place the diagnostic appears.
struct DiagnosticView: TemplateView {
    let severity: String
    /// Where (`表三 （七）总计`), what is wrong in plain words, and the official line it breaks.
    let place: String
    let hasPlace: Bool
    let plain: String
    let rule: String
    let hasRule: Bool
    /// The message as `check` prints it, and its code: shown only inside a details element.
    let message: String
    let code: String
    let href: String
    let hasHref: Bool
    let line: String
    let hasLine: Bool
    let anchorID: String
    let hasAnchor: Bool
    let placed: Bool
    /// The words of the link to the note: 见表中此行 or 见正文此处.
    let placedLabel: String
}

/// One block of the text: exactly one of `heading`, `paragraph`, a table (`tables` holds
/// one) or `tableMissing`.
struct BlockView: TemplateView {
    let heading: Bool
    let tag: String
    let text: String
    let paragraph: Bool
    let html: String
    /// Zero or one table (an array, so a missing table never falls through to an outer key).
    let tables: [TableView]
    let tableMissing: Bool
    let sourceHref: String
    /// Diagnostics about the lines of this paragraph.
    var notes: [NoteView] = []
}

extension ReportPage {
    /// Draws the blocks (placing diagnostics beside table rows as it goes), then the summary.
    static func view(report: Report, rawName: String, frame: ReportFrame) -> ReportPageView {
        let checks = ReportChecks(report: report)
        let texts = report.diagnostics.indices.map { checks.noteText($0, severity: report.diagnostics[$0].severity) }
        var placement = DiagnosticPlacement(report.diagnostics, texts: texts, involved: checks.involved)
        var blocks: [BlockView] = []
        var drawn: Set<TableKind> = []
        func tableBlock(_ kind: TableKind, line: Int?) -> BlockView? {
            guard !drawn.contains(kind) else { return nil }
            drawn.insert(kind)
            var table: TableView?
            switch report.tables[kind] {
            case .stat(let t)? where kind == .active: table = ActiveTableBuilder(table: t, prefix: "t2").build(placing: &placement)
            case .stat(let t)? where kind == .applications: table = ApplicationsTableBuilder(table: t, prefix: "t3").build(placing: &placement)
            case .stat(let t)?: table = ReviewTableBuilder(table: t, prefix: "t4").build(placing: &placement)
            case .legacy(let t)?: table = LegacyTableBuilder(table: t, prefix: "tl").build(placing: &placement)
            case nil: table = nil
            }
            table?.classes = "stat \(kind.rawValue)"
            table?.wide = kind == .review
            return BlockView(heading: false, tag: "", text: "", paragraph: false, html: "",
                             tables: table.map { [$0] } ?? [], tableMissing: table == nil,
                             sourceHref: line.map { "source.html#L\($0)" } ?? "source.html")
        }
        var started = false
        var lastLevel = 1  // the page's <h1>
        var paragraphs: [(block: Int, lines: Range<Int>)] = []
        for (n, block) in report.blocks.enumerated() {
            switch block {
            case let .heading(_, level, nil, _) where level <= 1 && !started:
                // The title lines printed at the top: the page's <h1> already shows the title.
                continue
            case let .heading(text, level, section, _):
                started = true
                // Never deeper than one below the heading before (axe heading-order): a report's
                // `#####` after a section heading is drawn <h3>.
                let depth = section != nil ? 2 : min(6, max(3, level + 1), lastLevel + 1)
                lastLevel = depth
                let tag = "h\(depth)"
                blocks.append(BlockView(heading: true, tag: tag, text: plainHeading(text), paragraph: false, html: "",
                                        tables: [], tableMissing: false, sourceHref: ""))
            case let .paragraph(text, line):
                started = true
                // A paragraph runs from its line to the next block's (lines inside a table span excepted).
                let next = report.blocks.dropFirst(n + 1).lazy.map(\.line).first { $0 > line } ?? line + 1
                paragraphs.append((blocks.count, line..<next))
                blocks.append(BlockView(heading: false, tag: "", text: "", paragraph: true, html: CommonMark.html(text),
                                        tables: [], tableMissing: false, sourceHref: ""))
            case let .table(kind, line):
                started = true
                if let b = tableBlock(kind, line: line) { blocks.append(b) }
            }
        }
        // Tables the parser read but did not place in the text go last.
        for kind in report.tables.kinds {
            if let b = tableBlock(kind, line: nil) { blocks.append(b) }
        }

        // Prose diagnostics, once every table has claimed the lines of its rows.
        for (index, lines) in paragraphs { blocks[index].notes = placement.claimText(lines) }

        var problems: [DiagnosticView] = []
        var infos: [DiagnosticView] = []
        for (i, d) in report.diagnostics.enumerated() {
            let placed = placement.placed.contains(i)
            let href = placed ? "#" + DiagnosticPlacement.noteID(i) : d.line.map { "source.html#L\($0)" } ?? ""
            let view = DiagnosticView(severity: severityLabel(d.severity), place: checks.place[i], hasPlace: !checks.place[i].isEmpty,
                                      plain: checks.plain[i], rule: checks.rule[i], hasRule: !checks.rule[i].isEmpty,
                                      message: d.message, code: d.code.rawValue,
                                      href: href, hasHref: !href.isEmpty, line: d.line.map(String.init) ?? "",
                                      hasLine: d.line != nil, anchorID: placed ? "" : DiagnosticPlacement.noteID(i),
                                      hasAnchor: !placed, placed: placed,
                                      placedLabel: placement.placedInText.contains(i) ? "见正文此处" : "见表中此行")
            if d.severity == .info { infos.append(view) } else { problems.append(view) }
        }
        return ReportPageView(
            title: frame.title, bodyName: report.body ?? "", hasBodyName: report.body != nil,
            year: report.year.map { "\($0)" } ?? "年份不明", published: report.published ?? "", hasPublished: report.published != nil,
            format: formatLabel(report.format), crumbs: frame.crumbs, identityHref: frame.identityHref, identityName: frame.identityName,
            rawHref: rawName, hasProblems: !problems.isEmpty,
            problemSummary: "本报告发现 \(problems.count) 个问题", problems: problems,
            checkSummary: checkSummary(checks.checks), hasChecks: !checks.checks.isEmpty,
            hasInfos: !infos.isEmpty, infos: infos, blocks: blocks, hasBlocks: !blocks.isEmpty)
    }

    /// `已核对 52 项勾稽关系：49 项相符，3 项不符`, and how many could not be checked.
    static func checkSummary(_ checks: [IdentityCheck]) -> String {
        guard !checks.isEmpty else { return "" }
        let count = { (r: IdentityCheck.Result) in checks.filter { $0.result == r }.count }
        let skipped = count(.skipped)
        return "按官方表格的勾稽关系核对 \(checks.count) 项：\(count(.passed)) 项相符，\(count(.failed)) 项不符"
            + (skipped > 0 ? "，\(skipped) 项因缺数未核对" : "")
    }

    static func severityLabel(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: "错误"
        case .warning: "警告"
        case .info: "说明"
        }
    }

    static func formatLabel(_ f: Format) -> String { f.label }

    /// Markdown markers do not belong in a heading: `### **一、总体情况**` → `一、总体情况`.
    static func plainHeading(_ text: String) -> String {
        // Most headings have no marker and no space at either end: kept as they are, without
        // Foundation's trimming (which bridges the string) or a `Character` walk.
        if !text.utf8.contains(where: { $0 == 0x2A || $0 == 0x23 }),
           let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           !CharacterSet.whitespaces.contains(first), !CharacterSet.whitespaces.contains(last) {
            return text
        }
        var t = Substring(text)
        while t.first == "#" { t = t.dropFirst() }
        return t.filter { $0 != "*" }.trimmingCharacters(in: .whitespaces)
    }

}

extension Block {
    /// The source line the block starts on.
    var line: Int {
        switch self {
        case let .heading(_, _, _, line), let .paragraph(_, line), let .table(_, line): line
        }
    }
}

// Keys the templates read, answered without `Mirror` (see `TemplateView`).

extension ReportPageView {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "bodyName": bodyName
        case "hasBodyName": hasBodyName
        case "year": year
        case "published": published
        case "hasPublished": hasPublished
        case "format": format
        case "crumbs": crumbs
        case "identityHref": identityHref
        case "identityName": identityName
        case "rawHref": rawHref
        case "hasProblems": hasProblems
        case "problemSummary": problemSummary
        case "problems": problems
        case "checkSummary": checkSummary
        case "hasChecks": hasChecks
        case "hasInfos": hasInfos
        case "infos": infos
        case "blocks": blocks
        case "hasBlocks": hasBlocks
        default: nil
        }
    }
}

extension DiagnosticView {
    func child(named key: String) -> Any? {
        switch key {
        case "severity": severity
        case "place": place
        case "hasPlace": hasPlace
        case "plain": plain
        case "rule": rule
        case "hasRule": hasRule
        case "message": message
        case "code": code
        case "href": href
        case "hasHref": hasHref
        case "line": line
        case "hasLine": hasLine
        case "anchorID": anchorID
        case "hasAnchor": hasAnchor
        case "placed": placed
        case "placedLabel": placedLabel
        default: nil
        }
    }
}

extension BlockView {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "tag": tag
        case "text": text
        case "paragraph": paragraph
        case "html": html
        case "tables": tables
        case "tableMissing": tableMissing
        case "sourceHref": sourceHref
        case "notes": notes
        default: nil
        }
    }
}

extension ReportPageView: PageHead {
    /// `兴庆区掌政镇人民政府 2020 年度报告，发布于 2021-01-25；本报告发现 13 个问题。`
    var description: String {
        let who = hasBodyName ? bodyName + " " : ""
        let when = hasPublished ? "，发布于 \(published)" : ""
        let problems = hasProblems ? "；\(problemSummary)" : ""
        return "\(who)\(year) 年度政府信息公开工作年度报告（\(format)）\(when)\(problems)。统计表按原文照录，附勾稽核对。"
    }
}
