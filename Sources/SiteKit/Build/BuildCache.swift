import Foundation

/// What one build leaves for the next, inside the site it wrote (`.nianbao/cache/`): the
/// output folder is nianbao's alone and nothing is written beside it, and the cache is
/// carried into each new site by the same swap as the pages, so a killed build never leaves
/// a cache that disagrees with the site.
///
/// - `reports.bin` (the heads): one `ReportRecord` per report file, by path, with the digest
///   of what its parse read (bytes, sidecar front matter, path), its diagnostics and the place
///   of its facts in `bodies.bin` (`CacheBodies`), read only when a build needs facts.
/// - `pages.bin`: every output file's path and the digest of its inputs (`Manifest.Entry`
///   with every hash it names: kind, templates, settings, reports' contents, frame, data).
///   Its head (the digests of the site, the search index and the plan's shape, how many HTML
///   pages the site has, the checks across reports) is read with the file; its rows (pages,
///   reports) only when a build asks for them (`PageRows`): a rebuild that changed nothing
///   needs none of them.
/// - `output.bin`: the writer's (`OutputTable`): every file's path and the digest of its bytes.
///
/// Each file starts with its own magic, its format and the program that wrote it
/// (`BuildFingerprint`), and ends with the xxHash64 of everything before it: a file cut
/// short, damaged, or written by another nianbao is not read at all, and the build then
/// parses and draws everything (never half of it from a cache it cannot trust).
public struct BuildCache: Sendable {
    static let format: UInt64 = 10
    /// `reports.bin`'s own: 11 is the heads, the facts in `bodies.bin`; 12 each report's
    /// summary (`KeptSummary`) in `bodies.bin` too, its place in the head.
    static let reportsFormat: UInt64 = 12
    /// Where `stageReports` put a record's facts and summary in `bodies.bin`.
    typealias StagedPlaces = (facts: CacheBodies.Place?, summary: CacheBodies.Place?)
    /// `pages.bin`'s own format (it was `format` up to 10): 11 put the head first, the rows
    /// after it, and each report's `labels` digest beside its digest; 12 each page's place
    /// among the pages as the plan made them (`SitePlan.madeIndex`).
    static let pagesFormat: UInt64 = 12
    static let reportsPath = ".nianbao/cache/reports.bin"
    static let pagesPath = ".nianbao/cache/pages.bin"
    private static let reportsMagic = Array("nianbao-reports\n".utf8)
    private static let pagesMagic = Array("nianbao-pages\n".utf8)

    /// Report records by path relative to the content folder.
    var records: [String: ReportRecord] = [:]
    /// The last build's site map (`sitemap.bin`), read when first asked for.
    var siteMap = StoredSiteMap()
    /// The rows of `pages.bin`, decoded when first asked for (`PageRows`).
    var rows = PageRows(PageRows.Decoded())
    /// Each output file's row, in path order (`PageRows.Row`): the digest of its inputs, of
    /// its frame (hex, as the manifest has it; "" for a file with none), and of which reports
    /// it listed, by id (`SitePlan.membership`; 0 for a page about the whole site): with a
    /// plan of another shape, a page listing the same reports, none of them changed, keeps
    /// its frame digest.
    var pages: [PageRows.Row] { rows.value.pages }
    /// The shape of the site plan (`SitePlan.shapeDigest`), and each report's digest of its
    /// content, summary and place (`SitePlan.placeDigests`) by id (`ReportSummary.id`): with
    /// the same shape, a page none of whose reports changed keeps its frame digest.
    var shape: UInt64 = 0
    var reports: [String: UInt64] { rows.value.reports }
    /// Each report's digest of what a page that shows no figures shows of it, with its place
    /// (`ReportSummary.labels`), by id: such a page keeps its frame when only figures changed.
    var labels: [String: UInt64] { rows.value.labels }
    /// How many HTML pages the site has: what a rebuild that changed nothing reports.
    var htmlPages = 0
    /// Digest of what every page may be drawn with: the settings, the templates, the assets
    /// (`SiteRenderer.siteDigest`). The same digest and the same report files: nothing to do.
    var site: UInt64 = 0
    /// Digest of every search document (`SearchIndexBuilder.digest`) the live site's index was
    /// made from; 0 when it wrote none.
    var search: UInt64 = 0
    /// What the checks across reports gave each report file, by path, when it gave anything
    /// (`Pipeline.Scan.across`): a scan that finds exactly the cache's records has these.
    var across: [String: [Diagnostic]]?
    /// The stamps of the report files the last scan saw (`FileStamps`), when there are any.
    var stamps: FileStamps?
    /// How many records' facts this build decoded (`LazyFacts`).
    var decoded = Counter()
    /// Where the records' facts are (`bodies.bin`), and every form id the heads name.
    var bodies: CacheBodies?
    var formIDs: [String] = []
    /// Bytes of `reports.bin` read.
    var headsRead = 0

    /// Why the previous build's cache was not used, for `Pipeline.Result`.
    public enum Status: Equatable, Sendable {
        /// Nothing to use: a first build, or `--clean`.
        case none
        case used
        /// There was one, and it was left unused: damaged, or written by another program.
        case untrusted
    }

    /// The cache in the site at `root`; `.none` when there is none, `.untrusted` when a file of
    /// it is damaged or from another program (then the build starts from nothing).
    static func read(site root: String, forms: [String: Form]) -> (BuildCache, Status) {
        let fm = FileManager.default
        let reportsFile = fm.contents(atPath: root + "/" + reportsPath)
        let pagesFile = fm.contents(atPath: root + "/" + pagesPath)
        guard let reportsFile, let pagesFile else {
            return (BuildCache(), reportsFile == nil && pagesFile == nil ? .none : .untrusted)
        }
        do {
            let decoded = Counter()
            guard let bodies = CacheBodies(file: root + "/" + CacheBodies.path) else { throw CacheReader.Damaged() }
            var places: [CacheBodies.Place] = []
            var formIDs: [String] = []
            let records = try unsealed(reportsFile, magic: reportsMagic, format: reportsFormat, fingerprint: BuildFingerprint.current) { r in
                // Every form the records name, checked now: a record's facts are decoded later.
                formIDs = try r.array { try $0.string() }
                guard formIDs.allSatisfy({ forms[$0] != nil }) else { throw CacheReader.Damaged() }
                return try r.array { r in
                    try ReportRecord.readHead(from: &r, forms: forms, count: decoded, bodies: bodies, places: &places)
                }
            }
            // Cut short: known now. Damaged bytes within: when the facts are first needed (`factsReadable`).
            guard bodies.reaches(places) else { throw CacheReader.Damaged() }
            var cache = BuildCache(records: Dictionary(records.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }), decoded: decoded)
            cache.bodies = bodies
            cache.formIDs = formIDs
            cache.headsRead = reportsFile.count
            let rows = try unsealed(pagesFile, magic: pagesMagic, format: pagesFormat, fingerprint: BuildFingerprint.current) { r in
                cache.site = try r.fixed()
                cache.search = try r.fixed()
                cache.shape = try r.fixed()
                cache.htmlPages = Int(clamping: try r.uint())
                let a = try r.count()
                var across: [String: [Diagnostic]] = [:]
                across.reserveCapacity(a)
                for _ in 0..<a { across[try r.string()] = try r.array { try $0.diagnostic() } }
                cache.across = across
                // The rows are left for later: the reader is moved to the end.
                let rows = PageRows(file: pagesFile, from: r.offset)
                r.skipToEnd()
                return rows
            }
            cache.rows = rows
            cache.siteMap = StoredSiteMap(file: root + "/" + StoredSiteMap.path)
            cache.stamps = FileStamps.read(site: root)
            return (cache, .used)
        } catch {
            return (BuildCache(), .untrusted)
        }
    }

    /// Whether every record's facts can be decoded: those not in memory yet are in a
    /// `bodies.bin` whose every record holds the bytes of its digest (the file read once,
    /// whole). Asked before the first facts are decoded; when not, the cache is not used.
    func factsReadable() -> Bool {
        guard let bodies, records.values.contains(where: { !$0.factsDecoded || !$0.summaryDecoded }) else { return true }
        return bodies.read() != nil
    }

    /// Writes the heads and the bodies (`reports.bin`, `bodies.bin`) of `records` into the
    /// staged site at `folder`, beside its table, not in it: their bytes depend on the builds
    /// before (where each record's facts were appended). `previous` is the bodies file the
    /// cache was read with, appended to when it can be; `formIDs` the forms its heads named.
    static func stageReports(_ records: [ReportRecord], into folder: String, previous: CacheBodies?, formIDs: [String],
                             deadShare: Double) throws -> (places: [String: StagedPlaces], forms: [String], written: Int) {
        let records = records.sorted { $0.path < $1.path }
        try FileManager.default.createDirectories(folder + "/.nianbao/cache")
        // Each record's facts and summary, at `2 * i` and `2 * i + 1`.
        let blobs = records.flatMap { record -> [CacheBodies.Blob?] in
            guard record.isReport else { return [nil, nil] }
            return [CacheBodies.Blob(kept: record.place(in: previous)) { record.body! },
                    record.lazySummary.map { _ in CacheBodies.Blob(kept: record.summaryPlace(in: previous)) { record.summaryBody! } }]
        }
        let staged = try CacheBodies.stage(blobs, previous: previous, staged: folder + "/" + CacheBodies.path, deadShare: deadShare)
        // The forms of the records not decoded are among those the previous heads named.
        var forms = Set(records.allSatisfy(\.factsDecoded) ? [] : formIDs)
        for record in records where record.factsDecoded { forms.formUnion(record.formIDs) }
        var r = CacheWriter(magic: reportsMagic, format: reportsFormat, fingerprint: BuildFingerprint.current, capacity: records.count * 160)
        let formList = forms.sorted()
        r.array(formList) { $0.string($1) }
        r.uint(UInt64(records.count))
        for (i, record) in records.enumerated() { record.writeHead(to: &r, place: staged.places[2 * i], summary: staged.places[2 * i + 1]) }
        let heads = sealed(r)
        let path = folder + "/" + reportsPath
        try Disk.remove(path)
        try Disk.write(heads, to: path)
        var places: [String: StagedPlaces] = [:]
        for (i, record) in records.enumerated() where staged.places[2 * i] != nil {
            places[record.path] = (staged.places[2 * i], staged.places[2 * i + 1])
        }
        return (places, formList, staged.written + heads.count)
    }

    /// `pages.bin`, in path order so the same site gives the same bytes (`pages` come sorted:
    /// the plan's order).
    static func files(pages: [(path: String, inputs: UInt64, frame: String, lists: UInt64, made: Int)], site: UInt64, search: UInt64,
                      shape: UInt64, reports: [(id: String, digest: UInt64, labels: UInt64)], across: [String: [Diagnostic]]) -> [OutputFile] {
        var p = CacheWriter(magic: pagesMagic, format: pagesFormat, fingerprint: BuildFingerprint.current, capacity: pages.count * 88)
        p.fixed(site)
        p.fixed(search)
        p.fixed(shape)
        p.uint(UInt64(pages.filter { $0.path.hasSuffix(".html") }.count))
        p.array(across.sorted { $0.key < $1.key }) { w, item in
            w.string(item.key)
            w.array(item.value) { $0.diagnostic($1) }
        }
        p.array(pages) { w, page in
            w.string(page.path)
            w.fixed(page.inputs)
            w.string(page.frame)
            w.fixed(page.lists)
            w.uint(UInt64(page.made))
        }
        p.array(reports.sorted { $0.id < $1.id }) { w, report in
            w.string(report.id)
            w.fixed(report.digest)
            w.fixed(report.labels)
        }
        return [OutputFile(path: pagesPath, data: sealed(p))]
    }

    // MARK: Sealing

    /// The bytes followed by their digest.
    static func sealed(_ w: CacheWriter) -> Data {
        var w = w
        var d = Digest()
        w.bytes.withUnsafeBytes { d.add(bytes: $0) }
        w.fixed(d.value)
        return Data(w.bytes)
    }

    /// Checks the digest at the end, the magic, the format and (when given) the program, then
    /// reads the body with `body`, which must consume it exactly.
    static func unsealed<T>(_ data: Data, magic: [UInt8], format: UInt64, fingerprint: String? = nil,
                            _ body: (inout CacheReader) throws -> T) throws -> T {
        guard data.count >= magic.count + 8 else { throw CacheReader.Damaged() }
        return try data.withUnsafeBytes { raw in
            let content = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])
            var d = Digest()
            d.add(bytes: content)
            let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
            guard stored == d.value, content.starts(with: magic) else { throw CacheReader.Damaged() }
            var r = CacheReader(content, offset: magic.count)
            guard try r.uint() == format else { throw CacheReader.Damaged() }
            if let fingerprint, try r.string() != fingerprint { throw CacheReader.Damaged() }
            let value = try body(&r)
            guard r.atEnd else { throw CacheReader.Damaged() }
            return value
        }
    }
}

/// The rows of `pages.bin` (every page's inputs, frame and list; every report's digests),
/// decoded the first time a build asks for them, once, from any thread. A rebuild that
/// changed nothing reads only the file's head (docs/manifest.md).
final class PageRows: @unchecked Sendable {
    struct Decoded: Sendable {
        /// Each page's path, in the order written: the plan's (`SitePlan.paths`, sorted).
        var paths: [String] = []
        /// Each page's row, beside its path.
        var pages: [Row] = []
        /// Each page's place among the pages as the plan made them (`SitePlan.madeIndex(at:)`),
        /// beside its path: the next plan of the same pages takes it as their order when its
        /// paths are sorted in it (`SitePlan.init(config:summaries:map:order:)`), not sorting them again.
        var made: [Int] = []
        var reports: [String: UInt64] = [:]
        var labels: [String: UInt64] = [:]

        /// The row of each of `wanted` (sorted, as the plan's paths are), `nil` where there is
        /// none: found by walking both lists in order, one comparison of paths each, not by
        /// hashing 60,000 paths into a dictionary at 10,000 reports and looking each up. A
        /// row not found (a new page, or paths in another order) is only a page planned,
        /// drawn and written as if the last build had not had it.
        func rows(of wanted: [String]) -> [Row?] {
            var found = [Row?](repeating: nil, count: wanted.count)
            var j = 0
            for (i, path) in wanted.enumerated() {
                // The same pages as last time (an edit): each row the next, one comparison each.
                if j < paths.count, paths[j] == path {
                    found[i] = pages[j]
                    j += 1
                    continue
                }
                while j < paths.count, paths[j] < path { j += 1 }
                if j < paths.count, paths[j] == path {
                    found[i] = pages[j]
                    j += 1
                }
            }
            return found
        }
    }

    /// One page's row: the digest of its inputs, its frame digest (empty for none) and the
    /// digest of the reports it lists.
    struct Row: Sendable, Equatable {
        var inputs: UInt64
        var frame: String
        var lists: UInt64
    }

    private let lock = NSLock()
    private var decoded: Decoded?
    /// The sealed file and where its rows start, until they are decoded.
    private var file: (data: Data, offset: Int)?

    init(_ decoded: Decoded) { self.decoded = decoded }

    init(file: Data, from offset: Int) { self.file = (file, offset) }

    /// Whether the rows were decoded (tests: a rebuild that changed nothing decodes none).
    var isDecoded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return decoded != nil
    }

    var value: Decoded {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        // The file's seal was checked when it was read: rows that do not decode (which the
        // seal rules out) are taken as none, and every page is then drawn again.
        let made = file.flatMap { try? Self.decode($0.data, from: $0.offset) } ?? Decoded()
        decoded = made
        file = nil
        return made
    }

    private static func decode(_ data: Data, from offset: Int) throws -> Decoded {
        try data.withUnsafeBytes { raw in
            var r = CacheReader(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)]), offset: offset)
            var rows = Decoded()
            let n = try r.count()
            rows.paths.reserveCapacity(n)
            rows.pages.reserveCapacity(n)
            rows.made.reserveCapacity(n)
            for _ in 0..<n {
                rows.paths.append(try r.string())
                let inputs = try r.fixed(), frame = try r.string()
                rows.pages.append(Row(inputs: inputs, frame: frame, lists: try r.fixed()))
                rows.made.append(Int(clamping: try r.uint()))
            }
            let m = try r.count()
            rows.reports.reserveCapacity(m)
            rows.labels.reserveCapacity(m)
            for _ in 0..<m {
                let id = try r.string()
                rows.reports[id] = try r.fixed()
                rows.labels[id] = try r.fixed()
            }
            guard r.atEnd else { throw CacheReader.Damaged() }
            return rows
        }
    }
}
