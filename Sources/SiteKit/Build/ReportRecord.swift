import Foundation

/// What a build keeps of one report file: enough to plan every page, list the report, check
/// it against its other years and print its diagnostics — a few kilobytes, where the parsed
/// report and its file are tens. The build holds one per file (never every parsed report at
/// once), and the cache keeps them between builds, keyed by the file's hash: an unchanged
/// file is not read by the parser again.
struct ReportRecord: Sendable {
    /// Path relative to the content folder (`ningxia/000.txt`): the cache's key.
    let path: String
    /// How the report names itself and diagnostics name it (`content/ningxia/000.txt`).
    let source: String
    /// Digest of everything the parse reads: the source and path, the file's bytes and the
    /// text of its sidecar front matter. `nil` when the file could not be read (a record that
    /// is never trusted again).
    let hash: UInt64?
    /// Errors that kept the file from being a report (unreadable, empty, scanned …); `nil`
    /// when it is one.
    let problems: [Diagnostic]?
    /// The facts, decoded from the cache only when first asked for (`LazyFacts`): a rebuild
    /// that changed nothing needs only each record's diagnostics, never its facts.
    let lazyFacts: LazyFacts?
    /// The report's summary as the last build made it, and its series (`KeptSummary`): a build
    /// none of whose changes touch the report's series takes it instead of decoding the facts.
    /// `nil` for a file that is no report, and until a scan made the summary.
    let lazySummary: LazySummary?

    var facts: Facts? { lazyFacts?.value }

    /// Whether the file is a report (it has facts), known without decoding them.
    var isReport: Bool { lazyFacts != nil }

    /// The parsed report, as the pages that list it, the checks across years and the search
    /// index need it.
    ///
    /// A class, not a struct: a build hands 10,000 of these around (decoded from the cache, to
    /// the checks, the summaries), and a struct of fifteen fields is copied field by field,
    /// each reference retained and released (a tenth of an edit's scan); an immutable object
    /// is shared with one retain.
    final class Facts: Sendable {
        let title: String?
        let body: String?
        let region: Region
        let year: Int?
        let kind: SourceKind
        let encoding: String
        /// The report's own diagnostics (the checks across reports add theirs in each build).
        let diagnostics: [Diagnostic]
        /// The headline figures, in the order of `HeadlineFigures.labels`.
        let figures: [Decimal?]
        let portal: PortalChecks.Entry
        /// What the search index takes from the report (`SearchEntry`).
        let search: SearchEntry
        /// The printed publication date and a digest of the file's bytes alone (not its
        /// path): what `DuplicateReports` names and compares.
        let published: String?
        let bytesDigest: UInt64
        /// The date, era, series and first problems the coverage, timeliness and quality pages show.
        let coverage: CoverageFacts
        /// The report's row of the open data (`DataRow`).
        let data: DataRow

        init(title: String?, body: String?, region: Region, year: Int?, kind: SourceKind, encoding: String,
             diagnostics: [Diagnostic], figures: [Decimal?], portal: PortalChecks.Entry, search: SearchEntry,
             published: String?, bytesDigest: UInt64, coverage: CoverageFacts, data: DataRow) {
            self.title = title
            self.body = body
            self.region = region
            self.year = year
            self.kind = kind
            self.encoding = encoding
            self.diagnostics = diagnostics
            self.figures = figures
            self.portal = portal
            self.search = search
            self.published = published
            self.bytesDigest = bytesDigest
            self.coverage = coverage
            self.data = data
        }
    }

    /// The record of a file read (and, if it is a report, parsed) now.
    init(path: String, source: String, hash: UInt64?, outcome: ReportReader.Outcome, forms: FormRegistry?) {
        self.path = path
        self.source = source
        self.hash = hash
        guard let report = outcome.report else {
            problems = outcome.problems
            lazyFacts = nil
            lazySummary = nil
            return
        }
        problems = nil
        lazyFacts = LazyFacts(Facts(report: report, document: outcome.document, forms: forms))
        lazySummary = nil
    }

    init(path: String, source: String, hash: UInt64?, problems: [Diagnostic]?, facts: Facts?) {
        self.init(path: path, source: source, hash: hash, problems: problems, lazyFacts: facts.map(LazyFacts.init))
    }

    init(path: String, source: String, hash: UInt64?, problems: [Diagnostic]?, lazyFacts: LazyFacts?, lazySummary: LazySummary? = nil) {
        self.path = path
        self.source = source
        self.hash = hash
        self.problems = problems
        self.lazyFacts = lazyFacts
        self.lazySummary = lazySummary
    }

    /// The same record with `summary` (what the scan made of it, or kept).
    func keeping(_ summary: LazySummary) -> ReportRecord {
        ReportRecord(path: path, source: source, hash: hash, problems: problems, lazyFacts: lazyFacts, lazySummary: summary)
    }

    /// Every diagnostic of the file but those of the checks across reports (a cached
    /// record's without decoding its facts).
    var diagnostics: [Diagnostic] { lazyFacts?.diagnostics ?? problems ?? [] }

    /// The digest the cache keys a file by: what the parse of it reads.
    static func hash(source: String, path: String, bytes: Data, sidecar: String?) -> UInt64 {
        var d = Digest()
        d.add(source)
        d.add(path)
        d.add(bytes)
        d.add(sidecar)
        return d.value
    }
}

extension ReportRecord.Facts {
    convenience init(report: Report, document: SourceDocument, forms: FormRegistry?) {
        var d = Digest()
        d.add(document.bytes)
        self.init(title: report.title, body: report.body, region: report.region, year: report.year, kind: document.kind,
                  encoding: document.encoding, diagnostics: report.diagnostics, figures: HeadlineFigures.values(report),
                  portal: PortalChecks.Entry(report, forms: forms), search: SearchEntry(report: report),
                  published: report.published, bytesDigest: d.value, coverage: CoverageFacts(report), data: DataRow(report: report))
    }
}
