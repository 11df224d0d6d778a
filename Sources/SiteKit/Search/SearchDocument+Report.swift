import ReportKit

extension SearchDocument {
    /// A report as the search sees it. `folder`, `name` (the body as the site names it) and
    /// `source` (the raw file's name) come from whoever plans the pages; the rest from the report.
    /// `text` is `searchableText(r)` unless given (by a caller that kept it and dropped the blocks).
    public init(report r: Report, folder: String, name: String, source: String, text: String? = nil) {
        let year = r.year.map { "\($0)" } ?? "年份不明"
        let levels: [(String?, String?)] = [(r.region.province, r.region.codes.province), (r.region.city, r.region.codes.city),
                                             (r.region.county, r.region.codes.county), (r.region.town, r.region.codes.town)]
        let known = levels.compactMap { name, code in name.map { ($0, code ?? "") } }
        let figures = zip(HeadlineFigures.labels, HeadlineFigures.values(r)).compactMap { label, value in
            TableFormatting.number(value).map { (label: label, value: $0) }
        }
        self.init(folder: folder, title: r.title ?? "\(name) \(year)年政府信息公开工作年度报告", body: r.body ?? name,
                  year: r.year, chain: known.map(\.0), codes: known.map(\.1), code: r.region.code, figures: figures,
                  source: source, text: text ?? Self.searchableText(r))
    }

    /// The prose (headings and paragraphs) and the labels of every table the page draws: the
    /// form's title, block titles, column and row labels, or the legacy form's printed labels;
    /// each apart, so a phrase never runs from a heading into the paragraph under it.
    static func searchableText(_ r: Report) -> String {
        var parts: [String] = []
        for block in r.blocks {
            switch block {
            case let .heading(text, _, _, _), let .paragraph(text, _): parts.append(text)
            case .table: continue
            }
        }
        for (_, table) in r.tables {
            switch table {
            case .stat(let t):
                let form = t.form.definition
                parts.append(form.title)
                for block in form.blocks {
                    if let title = block.title { parts.append(title) }
                    parts += block.columns.map(\.label) + block.columns.compactMap(\.group)
                    parts += block.rows.map(\.label)
                }
            case .legacy(let t):
                parts += t.rows.map { [$0.label, $0.unit ?? ""].joined(separator: " ") }
            }
        }
        return parts.joined(separator: SearchText.hardBreak)
    }
}
