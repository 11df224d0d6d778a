import Foundation

/// A diagnostic with the file it is about: the core knows the line, the pipeline adds the file.
public struct FileDiagnostic: Sendable, Hashable {
    public var file: String
    public var diagnostic: Diagnostic

    public init(file: String, diagnostic: Diagnostic) {
        self.file = file
        self.diagnostic = diagnostic
    }
}

/// The whole flow, in two passes over the reports, each spread over the cores:
///
/// 1. **scan** (`Pipeline+Scan`): every report file is read and hashed; a file whose hash the
///    build cache knows keeps its record, any other is parsed into a `ReportRecord` (a few
///    KB: what the listing pages, the checks across years and the search index need). Then
///    the checks across years, from the records.
/// 2. **draw** (`Pipeline+Draw`, `build` only): the site is planned from the summaries, every
///    page's inputs are digested, and only the pages whose inputs changed are drawn — each
///    report's pages from the report parsed again (or kept from the scan, a few at a time) —
///    into a staged copy of the site that is swapped in whole.
///
/// Memory holds a record per report and the reports in flight, never every parsed report or
/// every page. `check` runs the scan only. Nothing here prints.
public struct Pipeline: Sendable {
    public struct Result: Sendable {
        public var diagnostics: [FileDiagnostic]
        /// Files that are reports (a page each), and files that could not be read as one.
        public var reports: Int
        public var filesLeftOut: Int
        /// HTML pages of the site.
        public var pages: Int
        public var written: OutputWriter.Summary?
        public var seconds: Double
        /// Reports parsed by this run (the others came from the cache), and pages drawn.
        public var parsed: Int
        public var drawn: Int
        /// Report files read (and hashed) by this run: the others' stamps vouched for them
        /// (`FileStamps`), and they were not opened.
        public var filesRead = 0
        /// Whether the previous build's cache was used.
        public var cache: BuildCache.Status
        /// Reports held parsed at once at the most (`ParsedPool`): bounded by the work in
        /// flight, not by the number of reports.
        public var peakParsed: Int
        /// File-system changes the write made (`OutputWriter.Staging.operations`; 0 when nothing
        /// was staged), and whether it brought the spare up to date rather than filling an
        /// empty folder: the work of a rebuild, counted rather than timed.
        public var operations = 0
        public var reusedSpare = false
        /// Whether the search index was kept as it was (no search document changed) rather
        /// than made again.
        public var searchIndexKept = false
        /// Whether reports were added to, changed in or removed from the previous build's search
        /// index rather than the index made again (`SearchIndexBuilder.updating`).
        public var searchIndexUpdated = false
        /// Files whose frame was taken (the others kept the last build's frame digest: none of
        /// their reports changed, and the plan has the same shape).
        public var framesTaken = 0
        /// The pages whose frame was taken, by path, sorted (tests: which pages an edit touched).
        public var framesTakenOf: [String] = []
        /// Frames taken again to draw a page, not held from its planning (`PlannedPage.frame`).
        public var framesRetaken = 0
        /// Whether this build decoded the rows of `pages.bin` (`PageRows`): a rebuild that
        /// changed nothing reads only the file's head.
        public var pageRowsDecoded = false
        /// Cached records whose facts were decoded (`LazyFacts`): none on a rebuild that
        /// changed nothing, which needs only their diagnostics.
        public var recordsDecoded = 0
        /// Bytes of the records' cache read (`reports.bin`, and `bodies.bin` when facts were
        /// needed) and written (`CacheBodies`): what a rebuild's cache costs, counted.
        public var cacheRead = 0
        public var cacheWritten = 0
        /// Whether the cache was the one kept in memory from the previous build (`WarmCache`)
        /// rather than read from its files.
        public var cacheKept = false
        /// Whether the live site was listed (every folder read), and how many of its folders'
        /// stamps were looked at instead (`FolderStamps`): a rebuild that changed nothing lists
        /// it only when its folders cannot vouch for it.
        public var siteListed = false
        public var foldersChecked = 0
        /// The same of the spare (the site before last) when the build brought it up to date:
        /// listed whole, or how many of its folders' stamps were looked at.
        public var spareListed = false
        public var spareFoldersChecked = 0
        /// How many folders the commit looked at to stamp the new site (`FolderStamps`): every
        /// one, or, when it brought the spare up to date on its folders' word, those it changed.
        public var foldersStamped = 0
        /// Reports read and parsed again to draw pages, beyond the ones the scan kept: a year's
        /// ZIP takes the report.json of unchanged reports from the live site instead.
        public var reread = 0
        /// Report summaries made (`ReportSummary`), not taken from the cache (`KeptSummary`): by
        /// the scan, of the reports parsed now or whose checks across reports changed, and by the
        /// draw, of a report with no kept summary, when the scan made none.
        public var summariesMade = 0
        /// Whether the site map was the last build's (`StoredSiteMap`: no report's place
        /// changed), and how many search document digests were worked out (the others were the
        /// last build's, `WarmCache.searchDigests`): what a warm rebuild did again, counted.
        public var siteMapKept = false
        /// Whether the plan sorted its pages' paths (`SitePlan.sorted`): not when its pages are the
        /// last build's, whose order it takes.
        public var pathsSorted = false
        public var searchDigestsMade = 0
        /// Whether the content folder was walked (every file `lstat`ed), or `serve`'s last walk
        /// brought up to date at the files its watcher named, with `contentLooked` `lstat`s
        /// (`WarmCache+Walk`).
        public var contentWalked = true
        public var contentLooked = 0
        /// Whether the draw's reads of the disk were started before it (`DrawReads`: the output's
        /// lock, the live site's and the spare's tables): a build that changes nothing never
        /// starts them, nor opens the spare.
        public var drawReadsStarted = false
        /// Whether the live site's folders' word for its table (`FolderStamps`) was asked on
        /// another thread beside the scan (`DrawReads`), not on the build's path before the draw.
        public var siteVouchedAside = false
        /// The build's stages with their times, when its progress times them (`--timings`).
        public var stages: [BuildProgress.Stage] = []
        /// The lines of a report file as the source page numbers them (for `--verbose`),
        /// read again from the file.
        public var lines: @Sendable (String) -> [String]?

        public func count(_ severity: Diagnostic.Severity) -> Int { diagnostics.filter { $0.diagnostic.severity == severity }.count }
    }

    /// How much a build may hold at once.
    public struct Limits: Sendable {
        /// Reports parsed, drawn or written at the same time.
        public var width = Parallel.width
        /// Parsed reports the scan may keep for the drawing (`ParsedPool`).
        public var pool = 64
        /// How much older than the last scan a file's times must be for its stamps to vouch
        /// for it, in nanoseconds (`FileStamps`: the racy-timestamp guard). Tests set it to 0.
        public var racyMargin = Int64(2_000_000_000)
        /// How many dead bytes `bodies.bin` may hold, as a share of the live ones, before a
        /// build writes it new rather than append to it (`CacheBodies`).
        public var deadBodies = 0.25
        /// Up to how many reports parsed the build's cache is made beside the drawing of the
        /// pages (`Pipeline.draw`); a build that parsed more (a full build) makes it after, not at
        /// the peak of its memory (42 MB more at 50,000 reports, for a few percent of its time).
        public var cacheBesideDraw = 64

        public init() {}
    }

    public var plan: BuildPlan
    public var reader: ReportReader
    public var slug: @Sendable (String) -> String
    /// Ignore the cache of the previous build: parse every report, draw every page, compare
    /// every file with the live site's byte for byte (`nianbao build --clean`).
    public var clean = false
    public var limits = Limits()
    /// Counters for a progress line, raised as the build goes.
    public var progress = BuildProgress()
    /// The cache kept in memory from the previous build of this process (`serve`), used
    /// instead of reading the cache files while they are the ones it describes.
    public var warm: WarmCache?
    /// Told as soon as a build that draws has swapped the new site in, with the build's
    /// diagnostics (the result's): `serve` tells the open pages to reload then, not after the
    /// cache is kept and the build's memory let go (some 150 ms at 10,000 reports).
    public var swapped: (@Sendable (_ diagnostics: [FileDiagnostic]) -> Void)?
    /// Where a build run by a process that exits after it leaves its large values, not freed
    /// (`ExitHold`); `nil` frees them as the build ends (`serve`, tests).
    public var exitHold: ExitHold?

    public init(plan: BuildPlan, reader: ReportReader = .standard, slug: @escaping @Sendable (String) -> String = Pinyin.slug) {
        self.plan = plan
        self.reader = reader
        self.slug = slug
    }

    /// Reads and parses every report (a report the cache knows is not parsed again), then
    /// runs the checks across reports.
    public func check() async throws -> Result {
        let start = Date()
        var (cache, status) = clean ? (BuildCache(), .none) : readCache()
        let pool = ParsedPool(capacity: 0)
        let scan = try await self.scan(cache: &cache, status: &status, pool: pool)
        exitHold?.hold((scan, cache))
        return result(scan, cache: status, pool: pool, start: start)
    }

    /// Checks, draws what changed and writes the site atomically.
    public func build() async throws -> Result {
        if searchSwitch == "only" { return try buildSearchOnly() }
        let start = Date()
        progress.stage("start")
        // The theme read and its templates compiled on another thread while the cache is read:
        // neither depends on the other. Its error, if any, is thrown where it was made before.
        let theme = Background { [config = plan.config, slug] in try SiteRenderer(config: config, slug: slug) }
        try OutputWriter(output: plan.output).putBackRetired()
        let root = Disk.realPath(plan.output.path)
        let kept = clean ? nil : warm?.cache(site: root)
        var (cache, status) = kept.map { ($0, BuildCache.Status.used) } ?? (clean ? (BuildCache(), .none) : readCache())
        // The previous build's search ids are read only if the index is made again (`draw`).
        var renderer = try await theme.value
        renderer.searchIndex = searchSwitch != "off"
        // Not before: a build whose theme fails leaves `serve` its kept cache.
        warm?.forget()
        let decodedBefore = cache.decoded.value
        let bodiesReadBefore = cache.bodies?.bytesRead ?? 0
        let rowsBefore = cache.rows.isDecoded
        var pool = ParsedPool(capacity: limits.pool)
        progress.stage("cache and theme read")
        // What the draw reads from the disk alone, started once the scan knows a draw is coming.
        let reads = drawReads(cache: cache, status: status)
        var scan = try await self.scan(cache: &cache, status: &status, pool: pool, drawing: { reads.start() })
        var result = result(scan, cache: status, pool: pool, start: start)
        result.cacheRead = (kept == nil ? cache.headsRead : 0)
        result.cacheKept = kept != nil
        var listed: Set<String>?, foldersChecked = 0
        if status == .used, let unchanged = unchanged(scan, cache: cache, renderer: renderer, root: root, listing: &listed,
                                                      checked: &foldersChecked) {
            // Nothing the site is made from changed: the site on disk is this build's.
            result.pages = unchanged.pages
            result.written = unchanged.summary
            // Files read because their stamps could not vouch for them (changed, touched, or
            // too new): their stamps now, so the next build need not read them.
            if scan.hashed > 0 || cache.stamps == nil {
                scan.stamps.replace(in: root)
                cache.stamps = scan.stamps
            }
            warm?.keep(cache, site: root)
        } else {
            if status == .used, !cache.factsReadable() {
                // The bodies are damaged: nothing of the cache is trusted, and everything is built.
                result.cacheRead += cache.bodies?.bytesRead ?? 0
                (cache, status) = (BuildCache(), .untrusted)
                pool = ParsedPool(capacity: limits.pool)
                scan = try await self.scan(cache: &cache, status: &status, pool: pool)
                let read = result.cacheRead
                result = self.result(scan, cache: status, pool: pool, start: start)
                result.cacheRead = read
            }
            // The live site's files: its table's, when its folders' stamps vouch for them; listed otherwise.
            // Their word asked beside the scan when it started the draw's reads (`DrawReads`), here otherwise.
            var vouched = false
            if status == .used, listed == nil {
                let aside = await reads.vouched()
                result.siteVouchedAside = aside != nil
                let vouch = aside ?? self.vouch(site: root)
                vouched = vouch.vouched
                foldersChecked += vouch.checked
            }
            let listing = vouched ? nil : listed ?? (status == .used ? OutputTable.listing(site: root) : [])
            if status == .used, !vouched { listed = listing }
            let told = swapped.map { hook in { @Sendable [diagnostics = result.diagnostics] in hook(diagnostics) } }
            let drawn = try await draw(scan, cache: cache, status: status, renderer: renderer, pool: pool, listing: listing,
                                       reads: reads, swapped: told)
            result.pages = drawn.pages
            result.drawn = drawn.drawn
            result.written = drawn.summary
            result.operations = drawn.operations
            result.reusedSpare = drawn.reusedSpare
            (result.spareListed, result.spareFoldersChecked) = (drawn.spareListed, drawn.spareFoldersChecked)
            result.foldersStamped = drawn.foldersStamped
            result.searchIndexKept = drawn.searchIndexKept
            result.searchIndexUpdated = drawn.searchIndexUpdated
            result.framesTaken = drawn.framesTaken
            result.framesTakenOf = drawn.framesTakenOf
            result.framesRetaken = drawn.framesRetaken
            result.reread = drawn.reread
            result.siteMapKept = drawn.siteMapKept
            result.pathsSorted = drawn.pathsSorted
            result.searchDigestsMade = drawn.searchDigestsMade
            result.summariesMade = scan.summariesMade + scan.summariesUnkept
            result.cacheWritten = drawn.cacheWritten
            if let made = drawn.cache { warm?.keep(made, site: root) }
        }
        // Started and not drawn with (a no-change build never starts them): the lock let go now.
        result.drawReadsStarted = reads.isStarted
        await reads.discard()
        result.siteListed = listed != nil
        result.foldersChecked = foldersChecked
        pool.drain()
        result.peakParsed = pool.peak
        result.recordsDecoded = cache.decoded.value - decodedBefore
        if status == .used { result.cacheRead += (cache.bodies?.bytesRead ?? 0) - bodiesReadBefore }
        result.pageRowsDecoded = !rowsBefore && cache.rows.isDecoded
        result.seconds = Date().timeIntervalSince(start)
        progress.stage("finished")
        exitHold?.hold((scan, cache, pool))
        result.stages = progress.stages
        return result
    }

    /// The cache in the output folder (a `check` reads it too: it only reads).
    func readCache() -> (BuildCache, BuildCache.Status) {
        BuildCache.read(site: Disk.realPath(plan.output.path), forms: formsByID)
    }

    /// The reader's forms by id: what a cached record's facts name.
    var formsByID: [String: Form] { Dictionary(reader.parser.forms.forms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }

    func result(_ scan: Scan, cache: BuildCache.Status, pool: ParsedPool, start: Date) -> Result {
        var problems: [FileDiagnostic] = []
        var diagnostics: [FileDiagnostic] = scan.notes
        for (i, record) in scan.records.enumerated() {
            if let list = record.problems {
                problems += list.map { FileDiagnostic(file: record.source, diagnostic: $0) }
            } else {
                diagnostics += (record.diagnostics + (scan.across[i] ?? [])).map { FileDiagnostic(file: record.source, diagnostic: $0) }
            }
        }
        // Each file's place in the scan by its source name, made the first time a line is asked
        // for (`--verbose`), not on every build.
        let records = scan.records, found = scan.found
        let index = FirstUse { Dictionary(records.indices.map { (records[$0].source, $0) }, uniquingKeysWith: { a, _ in a }) }
        let reader = self.reader
        let lines: @Sendable (String) -> [String]? = { file in
            guard let i = index.value[file] else { return nil }
            let url = found[i].url
            guard let data = try? Data(contentsOf: url) else { return nil }
            return reader.prepare(data, path: records[i].path, source: file, sidecar: ReportReader.sidecar(of: url)).document.sourceLines.map(\.text)
        }
        let reports = scan.records.filter(\.isReport).count
        var result = Result(diagnostics: problems + diagnostics, reports: reports, filesLeftOut: scan.records.count - reports, pages: 0,
                            written: nil, seconds: Date().timeIntervalSince(start), parsed: scan.parsed, drawn: 0, cache: cache,
                            peakParsed: pool.peak, lines: lines)
        result.filesRead = scan.hashed
        result.summariesMade = scan.summariesMade
        (result.contentWalked, result.contentLooked) = (scan.walked, scan.looked)
        return result
    }
}

/// Fixed slots filled from concurrent iterations (`DispatchQueue.concurrentPerform`), one
/// writer per index, read once all are done; results stay in input order.
public final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    public subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return storage[i] }
        set { lock.lock(); storage[i] = newValue; lock.unlock() }
    }

    public var values: [T?] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// A value made the first time it is read, from any thread, then kept.
final class FirstUse<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: T?
    private let make: @Sendable () -> T

    init(_ make: @escaping @Sendable () -> T) { self.make = make }

    var value: T {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
