extension SearchDocument {
    /// A report as the index files it: what it says (`entry`) and where the site puts it —
    /// its `folder`, `name` (the body as the site names it, for a report that names none) and
    /// `source` (the raw file's name), from the plan.
    /// `withText: false` leaves `text` empty (not inflated): for a document whose keys are not
    /// cut again (`SearchIndexBuilder.updating` keeps an unchanged one's keys as they are).
    public init(entry e: SearchEntry, folder: String, name: String, source: String, withText: Bool = true) {
        let year = e.year.map { "\($0)" } ?? "年份不明"
        self.init(folder: folder, title: e.title ?? "\(name) \(year)年政府信息公开工作年度报告", body: e.body ?? name,
                  year: e.year, chain: e.chain, codes: e.codes, code: e.code, figures: e.figures.map { ($0.label, $0.value) },
                  source: source, text: withText ? e.text : "")
    }
}
