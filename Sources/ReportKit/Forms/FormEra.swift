/// A State Council format era (report-formats.md): the forms its reports print, and what tells
/// a report of this era from the others.
///
/// The headers decide, not the year: a 2020 report may still use the 2019 form and some 2018
/// reports already did, so the year is only a fallback (`fallbackYears`).
public struct FormEra: Sendable, Hashable {
    /// The report's `format` in report.json (`legacy`, `2019`, `2021`).
    public let id: String
    /// How a page names it (`2021 年版格式`).
    public let label: String
    /// The document that defined the forms (`国办公开办函〔2021〕30号`).
    public let source: String
    /// The first year the era's form was due; eras are tried newest first.
    public let since: Int
    public let fingerprints: [Fingerprint]
    /// Words every report of this era prints but which other eras print too (table 三's first
    /// row): they tell the 2019/2021 forms from the legacy one, not from each other.
    public let markers: [String]
    /// The standard tables, by kind.
    public let tables: [TableKind: Form]
    /// The 2008–2018 statistics form, for the era that has it.
    public let legacy: LegacyForm?
    /// Years whose reports are of this era when nothing printed tells (legacy: 2008–2018, the
    /// prose-only reports; 2019: 2019–2020; 2021: from 2021): the form in force for the year a
    /// report covers. A report that prints its tables is read by them, never by its year.
    public let fallbackYears: ClosedRange<Int>?
    /// The document that set the era's form, as reports cite it (`国办公开办函〔2021〕30号`,
    /// brackets as printed): a report that names it follows that form when no table tells.
    public let citation: FormCitation?

    public init(id: String, label: String, source: String, since: Int, fingerprints: [Fingerprint], markers: [String] = [],
                tables: [TableKind: Form] = [:], legacy: LegacyForm? = nil, fallbackYears: ClosedRange<Int>? = nil,
                citation: FormCitation? = nil) {
        self.id = id
        self.label = label
        self.source = source
        self.since = since
        self.fingerprints = fingerprints
        self.markers = markers
        self.tables = tables
        self.legacy = legacy
        self.fallbackYears = fallbackYears
        self.citation = citation
    }

    /// The era's fingerprints of one table.
    public func fingerprints(of kind: TableKind) -> [Fingerprint] { fingerprints.filter { $0.table == kind } }

    /// Whether `compactText` prints a header word no other era prints.
    public func headersPrinted(in compactText: String) -> Bool {
        fingerprints.contains { $0.headers.contains { Normalizer.contains(compactText, $0) } }
    }
}

/// What one table of an era prints that other eras' forms do not.
///
///     2021, table 二: headers 本年制发件数 · 现行有效件数 (anywhere), 本年废止件数 … (in its section)
///     2021, table 三: rows （六）1. 2. 3.; a table 三 read with the 2021 form makes the report 2021
public struct Fingerprint: Sendable, Hashable {
    public let table: TableKind
    /// Header words that, printed anywhere in the report, make it this era's.
    public let headers: [String]
    /// Header words that tell this era's form of `table` only inside the table's own section
    /// (the report as a whole is not decided by them).
    public let sectionHeaders: [String]
    /// Rows only this era's form of `table` has: one printed makes the table this era's form.
    public let rows: [String]
    /// Whether a table read with this era's form of `table` makes the report this era's: true
    /// where the form is told apart by what is printed (table 三 without the （六） sub-rows is
    /// the 2019 form) rather than by header words, which decide by themselves.
    public let formDecides: Bool

    public init(table: TableKind, headers: [String] = [], sectionHeaders: [String] = [], rows: [String] = [],
                formDecides: Bool = false) {
        self.table = table
        self.headers = headers
        self.sectionHeaders = sectionHeaders
        self.rows = rows
        self.formDecides = formDecides
    }

    /// Whether `compactText` (a table's section) prints one of the header words.
    public func headersPrinted(inSection compactText: String) -> Bool {
        (headers + sectionHeaders).contains { Normalizer.contains(compactText, $0) }
    }
}

/// A document number as reports cite it: `国办公开办函〔2021〕30号` is the issuer `公开办函`,
/// the year 2021 and the number 30, whatever brackets surround the year (〔〕, [], （）, 【】).
public struct FormCitation: Sendable, Hashable {
    public let issuer: String
    public let year: Int
    public let number: Int

    public init(issuer: String, year: Int, number: Int) {
        self.issuer = issuer
        self.year = year
        self.number = number
    }

    /// Whether compact text cites the document: the issuer, then within a few characters the
    /// year, a bracket, the number and 号.
    public func printed(in compactText: String) -> Bool {
        var from = 0
        while let at = UTF8Text.find(issuer, in: compactText, from: from) {
            let start = at + issuer.utf8.count
            let tail = UTF8Text.slice(compactText, start, min(compactText.utf8.count, start + 24))
            let digits = tail.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).prefix(2).map(String.init)
            if digits == [String(year), String(number)], let n = UTF8Text.find(String(number) + "号", in: tail),
               n < 20 { return true }
            from = start
        }
        return false
    }
}
