import ReportKit

/// What the search index takes from one report, computed once when the report is parsed and
/// kept in its `ReportSummary` (`search`): the index is then written from the summaries alone,
/// like every other site-wide file, so a build never holds every parsed report to write it.
///
/// Only what the report itself says is here. Where the site puts the report (its folder, the
/// body's name when the report gives none, the raw file's name) comes from the plan:
/// `SearchDocument(entry:folder:name:source:)` joins the two.
public struct SearchEntry: Sendable, Hashable {
    public struct Figure: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    public var title: String?
    public var body: String?
    public var year: Int?
    /// Region names from the province down (`宁夏回族自治区`, `银川市`, `兴庆区`, `掌政镇`).
    public var chain: [String]
    /// The 12-digit division code of each name of `chain`, "" where it is not known.
    public var codes: [String]
    /// The division code of the most precise level known.
    public var code: String?
    /// Headline figures as label and printed value (`本年新收申请`, `3`), absent ones left out.
    public var figures: [Figure]
    /// The prose and the labels of the tables, each part apart (`SearchText.hardBreak`);
    /// kept deflated (`PackedText`): a build holds one per report until the index is written.
    public var text: String {
        get { packed.string }
        set { packed = PackedText(newValue) }
    }
    private(set) var packed: PackedText

    init(title: String?, body: String?, year: Int?, chain: [String], codes: [String], code: String?, figures: [Figure],
         text: String) {
        self.init(title: title, body: body, year: year, chain: chain, codes: codes, code: code, figures: figures,
                  packed: PackedText(text))
    }

    init(title: String?, body: String?, year: Int?, chain: [String], codes: [String], code: String?, figures: [Figure],
         packed: PackedText) {
        (self.title, self.body, self.year, self.chain, self.codes, self.code, self.figures, self.packed) =
            (title, body, year, chain, codes, code, figures, packed)
    }

    public init(report r: Report) {
        let levels: [(String?, String?)] = [(r.region.province, r.region.codes.province), (r.region.city, r.region.codes.city),
                                             (r.region.county, r.region.codes.county), (r.region.town, r.region.codes.town)]
        let known = levels.compactMap { name, code in name.map { ($0, code ?? "") } }
        title = r.title
        body = r.body
        year = r.year
        chain = known.map(\.0)
        codes = known.map(\.1)
        code = r.region.code
        figures = zip(HeadlineFigures.labels, HeadlineFigures.values(r)).compactMap { label, value in
            TableFormatting.number(value).map { Figure(label: label, value: $0) }
        }
        packed = PackedText(Self.searchableText(r))
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
                let form = t.form
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
