/// Decides the form era (docs/report-formats.md) from the registry's fingerprints.
///
/// The headers decide, not the year: a 2020 report may still use the 2019 form and some 2018
/// reports already did. Eras are tried newest first (a later form often keeps an earlier one's
/// words); an era is the report's when
/// - the report prints one of its fingerprint headers anywhere (2021: 本年制发件数 …; 2019:
///   本年新制作数量 …; legacy: the title 政府信息公开情况统计表), or
/// - a table was read with the era's form where that form is told apart by what is printed
///   (`Fingerprint.formDecides`: table 三 with the （六） sub-rows is 2021's, without them
///   2019's; the statistics form is the legacy era's).
///
/// Otherwise the era whose form document the report cites (国办公开办函〔2021〕30号), else the
/// era whose fallback years hold the report's year (the form in force that year), else
/// `unknown`. A table told apart by its rows decides only when its printed rows reach past the
/// rows where the forms differ: the opening page of a 2021 report, cut after （一）予以公开,
/// shows none of the 2021 （六） sub-rows because it stops before them, not because its form
/// has none.
public struct FormatRecognizer: Sendable {
    let forms: FormRegistry

    public init(forms: FormRegistry = Forms.standard) {
        self.forms = forms
    }

    public func format(compactText t: String, tables: ReportTables, year: Int?) -> Format {
        for era in forms.eras {
            if era.headersPrinted(in: t) || era.fingerprints.contains(where: { read($0, by: era, in: tables) }) {
                return Format(era: era)
            }
        }
        if let era = forms.eras.first(where: { $0.citation?.printed(in: t) == true }) { return Format(era: era) }
        if let year, let era = forms.eras.first(where: { $0.fallbackYears?.contains(year) == true }) { return Format(era: era) }
        return .unknown
    }

    /// Whether the report's table of the fingerprint's kind was read with `era`'s form, and
    /// that decides.
    private func read(_ f: Fingerprint, by era: FormEra, in tables: ReportTables) -> Bool {
        guard f.formDecides, let table = tables[f.table] else { return false }
        switch table {
        case .stat(let t): return era.tables[f.table] == t.form && reachesPastDifferences(t)
        case .legacy: return era.legacy != nil
        }
    }

    /// Whether a table prints a row that every other era's form of its kind places after all
    /// of its own rows that `table`'s form lacks (table 三's 2019 reading needs a row after the
    /// 2021 （六） sub-rows: （七）总计 or 四、结转下年度继续办理).
    private func reachesPastDifferences(_ table: StatTable) -> Bool {
        let printed = Set(table.rows.map(\.key))
        for other in forms.eras(with: table.form.kind).compactMap({ $0.tables[table.form.kind] }) where other != table.form {
            let extra = other.allRows.filter { table.form.row($0.key) == nil }.compactMap { other.order(of: $0.key) }
            guard let last = extra.max() else { continue }
            if !printed.contains(where: { (other.order(of: $0) ?? -1) > last }) { return false }
        }
        return true
    }

    /// Whether the report prints the words of an era with standard tables (its fingerprint
    /// headers or markers): then its statistics are those tables, not the legacy form.
    public func looksLikeStandardTables(_ compactText: String) -> Bool {
        forms.eras.contains { era in
            !era.tables.isEmpty && (era.headersPrinted(in: compactText) || era.markers.contains { Normalizer.contains(compactText, $0) })
        }
    }
}
