import Foundation

extension Pipeline {
    struct Drawn {
        let pages: Int
        let drawn: Int
        let summary: OutputWriter.Summary
        var operations = 0
        var reusedSpare = false
        var spareListed = false
        var spareFoldersChecked = 0
        var foldersStamped = 0
        var searchIndexKept = false
        var searchIndexUpdated = false
        var framesTaken = 0
        var framesTakenOf: [String] = []
        /// Frames taken again to draw pages: not held from the planning (`PlannedPage.frame`).
        var framesRetaken = 0
        var reread = 0
        var siteMapKept = false
        /// Whether the plan sorted its pages' paths, or took the last build's order (`SitePlan.sorted`).
        var pathsSorted = true
        var searchDigestsMade = 0
        /// The cache this build wrote, as the next build would read it (`WarmCache`).
        var cache: BuildCache?
        /// Bytes of `reports.bin` and `bodies.bin` written.
        var cacheWritten = 0
    }

    /// The site as it is on disk, when nothing it is made from changed: every report file
    /// is the cache's (the same bytes, the same set of files), the theme, the settings and
    /// the program are the same, the site's files are the ones its table names (none
    /// removed or put there by hand), and no interrupted build left anything to clear. `nil`
    /// when anything differs. The site's files are known from its folders' stamps when they
    /// vouch for them (`FolderStamps`); otherwise the site is listed (`listing`, for the draw
    /// that follows when it differs) and, when it is its table, its folders stamped for next time.
    func unchanged(_ scan: Scan, cache: BuildCache, renderer: SiteRenderer, root: String, listing: inout Set<String>?,
                   checked: inout Int) -> (pages: Int, summary: OutputWriter.Summary)? {
        guard scan.fresh == 0, cache.site == renderer.siteDigest, scan.records.count == cache.records.count,
              !OutputWriter(output: plan.output).hasLeftovers else { return nil }
        // The head of pages.bin: its rows are not decoded (`PageRows`).
        let pages = cache.htmlPages
        if let vouched = FolderStamps.read(site: root)?.vouch(site: root, margin: limits.racyMargin, checked: &checked) {
            // Folders listed one by one (racy, or touched and the same): their stamps now.
            vouched.refreshed?.replace(in: root)
            return (pages, OutputWriter.Summary(written: 0, unchanged: vouched.files))
        }
        let clock = StampClock.now(on: root)
        var folders: [FolderStamps.Folder] = []
        let found = OutputTable.listing(site: root, folders: &folders)
        listing = found
        guard let table = OutputTable.read(site: root) else { return nil }
        // The same files: as many, and each of the table's found (no second set of 60,000 paths).
        var files = 0
        for path in table.digests.keys where !path.hasPrefix(".") {
            guard found.contains(path) else { return nil }
            files += 1
        }
        guard files == found.count else { return nil }
        if let stamp = FileStamp.of(root + "/" + OutputTable.path) {
            FolderStamps(clock: clock, table: stamp, files: files, folders: folders).replace(in: root)
        }
        return (pages, OutputWriter.Summary(written: 0, unchanged: files))
    }

    /// Plans the site, draws the pages whose inputs changed (all of them without a cache)
    /// into the staged site, keeps the others, and swaps it in. `listing` is the live site's
    /// files as found on disk; `nil` when its folders vouched for its table's (`vouched`).
    /// `swapped` is called as soon as the new site is swapped in (`Pipeline.swapped`).
    func draw(_ scan: Scan, cache: BuildCache, status: BuildCache.Status, renderer: SiteRenderer, pool: ParsedPool,
              listing: Set<String>?, reads: DrawReads? = nil, swapped: (@Sendable () -> Void)? = nil) async throws -> Drawn {
        // A build that parsed many reports gives back, after each stage, what the stage freed
        // (`FreedMemory`): the scan's parsed reports now (but those kept in `pool`).
        let trims = scan.parsed > limits.pool
        if trims { FreedMemory.release() }
        let summaries = scan.summaries
        let theMap = scan.map.map { (map: $0, inputs: scan.mapInputs, kept: scan.mapKept) } ?? siteMap(of: summaries, cache: cache)
        // The rows of the last build's pages.bin, decoded here (`PageRows`), or on another thread
        // as the build planned (`DrawReads`). Their order is the plan's when its pages are the same.
        let rows = status == .used && !clean ? cache.rows.value : PageRows.Decoded()
        let sitePlan = SitePlan(config: plan.config, summaries: summaries, map: theMap.map,
                                order: cache.site == renderer.siteDigest ? rows.made : [])
        // Which reports changed since the last build (content, summary or place in the map),
        // when the theme and settings are the same: a page that lists none of them and is drawn
        // from none keeps its frame digest, and its frame is not taken. With the same shape that
        // is every such page; with another (a report added, removed or moved) it is a page that
        // lists the same reports as last time (`SitePlan.membership`) and is not about the whole
        // site, so an added report takes the frames of its own pages and of the pages that list
        // it, not every page's (`SitePlan+Places`).
        progress.stage("site plan")
        let shape = sitePlan.shapeDigest
        let places = sitePlan.placeDigests()
        let reportDigests = sitePlan.summaries.indices.map { i -> UInt64 in
            var d = Digest()
            d.add(sitePlan.summaries[i].content)
            d.add(sitePlan.summaries[i].summary)
            d.add(places[i])
            return d.value
        }
        // What a page that shows no figure shows of each report (`Page.showsFigures`).
        let labelDigests = sitePlan.summaries.indices.map { i -> UInt64 in
            var d = Digest()
            d.add(sitePlan.summaries[i].labels)
            d.add(places[i])
            return d.value
        }
        let ids = sitePlan.summaries.map { s -> UInt64 in
            var d = Digest()
            d.add(s.id)
            return d.value
        }
        let trusted = status == .used && !clean && cache.site == renderer.siteDigest
        let sameShape = trusted && cache.shape == shape
        let changed = trusted ? Set(sitePlan.summaries.indices.filter { rows.reports[sitePlan.summaries[$0].id] != reportDigests[$0] }) : []
        // Of those, the ones a page that shows no figure can tell apart: a number edited
        // leaves the home page, the lists and the timeliness and quality pages their frames.
        let relabelled = changed.filter { rows.labels[sitePlan.summaries[$0].id] != labelDigests[$0] }
        // A build that changed few reports takes few frames, and holds them for the drawing.
        let holding = trusted && changed.count <= limits.cacheBesideDraw
        // The same, by report index: a page listing thousands of reports looks each up in an array, not a set.
        var isChanged = [Bool](repeating: false, count: sitePlan.summaries.count), isRelabelled = isChanged
        for i in changed { isChanged[i] = true }
        for i in relabelled { isRelabelled[i] = true }
        let changedFlags = isChanged, relabelledFlags = isRelabelled
        // Each page's row of the last build, beside the plan's paths (`PageRows.Decoded.rows(of:)`).
        let paths = sitePlan.paths
        let last = rows.rows(of: paths)
        @Sendable func keepsFrame(_ page: any Page, lists: UInt64?, last: PageRows.Row?) -> String? {
            guard trusted, let frame = last?.frame else { return nil }
            if page.reports.contains(where: { changedFlags[$0] }) { return nil }
            // Of the reports it lists, the ones whose figures it shows (`Page.figuresShown`).
            let figures = page.figuresShown
            guard let listed = page.summaries else {
                let touched = figures.map { $0.contains(where: { changedFlags[$0] }) } ?? !changed.isEmpty
                return sameShape && !touched && relabelled.isEmpty ? frame : nil
            }
            if listed.contains(where: { relabelledFlags[$0] }) || (figures ?? listed).contains(where: { changedFlags[$0] }) { return nil }
            if sameShape { return frame }
            return last?.lists == lists ? frame : nil
        }
        // Each report's search document digest, a function of the plan alone: beside the planning.
        // With a warm cache, the last build's of each report whose search document is the same.
        let searches = renderer.searchIndex, warm = self.warm
        async let searchDigesting: (digests: [UInt64], made: Int) = !searches ? ([], 0)
            : warm?.searchDigests(for: sitePlan) ?? (SearchIndexBuilder.documentDigests(for: sitePlan), sitePlan.summaries.count)
        // Every page's frame and inputs (each kept frame digest counted), in chunks across the cores.
        let chunk = 256
        let planned = try await Parallel.map((paths.count + chunk - 1) / chunk, width: limits.width) { c in
            ((c * chunk)..<min(paths.count, (c + 1) * chunk)).map { i -> (PlannedPage, lists: UInt64?, kept: Bool) in
                let page = sitePlan.page(at: i)
                // With the same shape a page lists the reports it listed, by the same ids, with the
                // same map inputs (all in the shape): its last row's list, not digested again.
                let lists = sameShape ? last[i].map { $0.lists == 0 ? nil : $0.lists } ?? sitePlan.membership(of: page, ids: ids)
                    : sitePlan.membership(of: page, ids: ids)
                if let frame = keepsFrame(page, lists: lists, last: last[i]) {
                    // Its inputs are the last build's: the same kind and theme (`trusted`), the same
                    // frame, and none of its reports changed its content (`keepsFrame`).
                    return (renderer.planned(page, plan: sitePlan, frame: frame.isEmpty ? nil : frame, inputs: last[i]?.inputs),
                            lists, true)
                }
                return (renderer.planned(page, plan: sitePlan, holding: holding), lists, false)
            }
        }.flatMap { $0 }

        progress.stage("pages planned")
        // Opened on another thread while the build planned (`DrawReads`), or now.
        let writer = drawWriter(status: status)
        let read = try await reads?.take(for: writer)
        let staging = try read.map { try writer.begin($0.opening) } ?? writer.begin()
        if status == .used {
            staging.liveFiles = listing
            staging.liveIsTable = listing == nil
        }
        progress.stage("staging opened")
        // Whether a file of the live site is on disk: found by the listing, or named by the table
        // the site's folders vouched for.
        let live = staging.live
        // `digest`: the live table's digest of `path`, for a caller that looked it up already.
        @Sendable func onDisk(_ path: String, digest: UInt64?) -> Bool {
            if let listing { return listing.contains(path) }
            return !path.hasPrefix(".") && digest != nil
        }
        @Sendable func onDisk(_ path: String) -> Bool { onDisk(path, digest: live?[path]) }

        // The search index is made again only when a search document changed; otherwise the
        // live site's index files are this build's, and are kept.
        var searching = renderer
        let (searchDigests, searchDigestsMade) = await searchDigesting
        let searchDigest = renderer.searchIndex ? SearchIndexBuilder.digest(of: searchDigests) : 0
        searching.searchDigests = searchDigests
        var keptSearch: [String]?
        // The live site's search index files (in its table, not pages of this plan), found once.
        let liveSearch = renderer.searchIndex && status == .used
            ? live.map { $0.digests.keys.filter { $0.hasPrefix("search/") && sitePlan.page($0) == nil } } : nil
        if status == .used, cache.search == searchDigest, let files = liveSearch {
            if !files.isEmpty, files.allSatisfy(onDisk) { keptSearch = files.sorted() }
        }
        // Reports added, changed or removed: the live index's main shards are kept and the
        // reports that differ go into its delta segment (`SearchIndexBuilder.updating`).
        let previousState = renderer.searchIndex && status == .used && !clean
            ? read.map { $0.searchState?.state } ?? SearchState.read(site: plan.output) : nil
        var updatedSearch: SearchIndexBuilder.Updated?
        if keptSearch == nil, let previousState, let files = liveSearch {
            if files.allSatisfy(onDisk),
               let added = SearchIndexBuilder.updated(for: sitePlan, digests: searchDigests, to: previousState, site: plan.output) {
                let made = Set(added.files.map(\.path))
                updatedSearch = added
                keptSearch = files.filter { !made.contains($0) && !added.removed.contains($0) }.sorted()
            }
        }
        if renderer.searchIndex, keptSearch == nil { searching.searchIDs = SearchIDs.read(site: plan.output) }
        // The last build's manifest, when the live site's table vouches for its bytes: the line
        // of a page whose inputs and list are the last build's is copied from it, not written.
        var previousManifest: (bytes: Data, unchanged: (Int) -> Bool)?
        if trusted, let digest = staging.live?[Manifest.path], let manifest = read.map({ $0.manifest }) ?? liveManifest(),
           manifest.digest == digest {
            let bytes = manifest.bytes
            // By the page's index in the plan: no set of paths.
            let same = planned.indices.map { i in last[i]?.inputs == planned[i].0.inputs && last[i]?.lists == (planned[i].lists ?? 0) }
            previousManifest = (bytes, { same[$0] })
        }
        var site = searching.plan(sitePlan, pages: planned.map(\.0), keptSearch: keptSearch, updatedSearch: updatedSearch,
                                  manifest: previousManifest)
        // The files made beside the pages and the manifest (the search index and the manifest:
        // some 130 MB at 50,000 reports) are staged now and let go, not held while every page
        // is drawn.
        progress.stage("search index, manifest")
        for file in site.takeFiles() { try staging.put(file) }
        // The search index's builder (its postings) and its files are gone.
        if trims { FreedMemory.release() }
        // The build's cache depends on the plan and the records, not on the pages drawn: made
        // beside the keep loop and the draw, as if no report file changed while the build read
        // it, and made again after the draw when one did (`stale`: its record left out).
        // The heads and bodies go beside the table, not in it (`CacheBodies`).
        staging.unlisted(BuildCache.reportsPath)
        staging.unlisted(CacheBodies.path)
        // In path order, as planned (`site.pages` are the planned pages, in the same order).
        let pages = zip(site.pages, planned).enumerated().map { i, planned in
            let (page, p) = planned
            return (path: page.page.path, inputs: page.inputs, frame: page.entry.frame ?? "", lists: p.lists ?? 0,
                    made: sitePlan.madeIndex(at: i))
        }
        let across = Dictionary(scan.across.map { (scan.records[$0.key].path, $0.value) }, uniquingKeysWith: { a, _ in a })
        let reportIDs = sitePlan.summaries.map(\.id), scanned = scan.records, reportIndices = scan.reports
        let folder = staging.folder, bodies = status == .used ? cache.bodies : nil, formIDs = cache.formIDs
        let deadShare = limits.deadBodies, siteDigest = renderer.siteDigest, plannedPages = site.pages
        let (map, mapInputs) = (theMap.map, theMap.inputs)
        @Sendable func stageCache(leaving stale: Set<Int>) throws -> StagedCache {
            // A record whose file changed while the build read it is left out: the next build parses it again.
            let records = scanned.enumerated().filter { !stale.contains($0.offset) && $0.element.hash != nil }.map(\.element)
            // A report whose file changed while the build read it is left out: changed next time.
            let reports = reportIDs.indices.filter { !stale.contains(reportIndices[$0]) }
                .map { (id: reportIDs[$0], digest: reportDigests[$0], labels: labelDigests[$0]) }
            // A page drawn from such a report's text was drawn from bytes its inputs (the scan's
            // read) do not describe: its row keeps no inputs, so the next build draws it again even
            // when the file is then back as the scan read it.
            let staleReports = Set(reportIDs.indices.filter { stale.contains(reportIndices[$0]) })
            var rows = pages
            if !staleReports.isEmpty {
                for i in rows.indices where plannedPages[i].page.reports.contains(where: staleReports.contains) { rows[i].inputs = 0 }
            }
            let files = BuildCache.files(pages: rows, site: siteDigest, search: searchDigest, shape: shape, reports: reports, across: across)
                + [StoredSiteMap.file(digest: mapInputs, map: map)]
            let stored = try BuildCache.stageReports(records, into: folder, previous: bodies, formIDs: formIDs, deadShare: deadShare)
            return StagedCache(records: records, reports: reports, files: files, stored: stored)
        }
        // Not in a build that parsed many reports (`Limits.cacheBesideDraw`).
        let beside = scan.parsed <= limits.cacheBesideDraw
        async let stagingCache: StagedCache? = beside ? stageCache(leaving: []) : nil
        var drawing = Set<String>(), toDraw: [PlannedPage] = []
        // `site.pages` are the planned pages, in the plan's order: `last` and the live table's
        // digests (`OutputTable.digests(ofSorted:)`) are beside them.
        let liveDigests = live?.digests(ofSorted: paths)
        var kept: [(path: String, digest: UInt64)] = []
        kept.reserveCapacity(site.pages.count)
        for (i, p) in site.pages.enumerated() {
            let path = p.page.path
            // Kept without drawing: its inputs are the last build's, and its file is still there
            // (`onDisk`, with the live table's digest looked up once).
            if last[i]?.inputs == p.inputs, let digest = liveDigests?[i], onDisk(path, digest: digest) {
                kept.append((path, digest))
            } else {
                drawing.insert(path)
                toDraw.append(p)
            }
        }
        try staging.keep(kept)
        progress.stage("pages kept")
        let units = site.units(of: toDraw)
        progress.update { $0.pages = drawing.count }

        // A page that copies from the previous build (a year's ZIP) reads the live site: the
        // files kept as they are, and its own old bytes.
        // (A page of the plan not drawn: no set of the 60,000 kept paths.)
        let drawnPaths = drawing
        let previous = status == .used && !clean
            ? PreviousFiles.site(plan.output, keeps: { sitePlan.page($0) != nil && !drawnPaths.contains($0) }) : .none
        let stale = StaleRecords(), reread = StaleRecords()
        let reader = self.reader.limited(toFileSize: plan.maxFileSize), progress = self.progress
        try await Parallel.forEach(units.count, width: limits.width) { u in
            var loaded = 0
            defer { for _ in 0..<loaded { pool.release() } }
            let files = try renderer.draw(units[u], plan: sitePlan, previous: previous) { i in
                loaded += 1
                return try Self.load(scan.reports[i], scan: scan, reader: reader, pool: pool, stale: stale, reread: reread)
            } release: { _ in
                loaded -= 1
                pool.release()
            }
            for file in files { try staging.put(file) }
            progress.update { $0.written += files.count }
        }
        progress.stage("pages drawn")
        // The reports drawn are gone, before the cache is written.
        if trims { FreedMemory.release() }
        for path in site.kept { try staging.keep(path) }
        // The search state goes with the index it describes: made again, or kept with it.
        if let state = site.searchState {
            try staging.put(state)
        } else if keptSearch != nil, previousState != nil,
                  let bytes = read.map({ $0.searchState?.bytes }) ?? (try? Data(contentsOf: plan.output.appendingPathComponent(SearchState.path))) {
            try staging.put(OutputFile(path: SearchState.path, data: bytes))
        }
        // Made beside the draw (or now, after a full build's draw); again when a report file
        // changed while the build read it.
        let early = try await stagingCache
        let staged = try (stale.count > 0 ? nil : early) ?? stageCache(leaving: stale.all)
        for file in staged.files { try staging.put(file) }
        let (records, reports, stored) = (staged.records, staged.reports, staged.stored)
        progress.stage("cache staged")
        let summary = try staging.commit()
        progress.stage("swapped in")
        swapped?()
        // Not in the site's table: the stamps name this machine's inodes and times, so two
        // folders of the same site never hold the same bytes there (`FileStamps.replace`).
        scan.stamps.replace(in: Disk.realPath(plan.output.path))
        var written: BuildCache?
        if warm != nil {
            // What `BuildCache.read` would make of the files just written.
            let root = Disk.realPath(plan.output.path)
            guard let bodies = CacheBodies(file: root + "/" + CacheBodies.path), bodies.reaches(stored.places.values.flatMap { [$0.facts, $0.summary].compactMap { $0 } }) else {
                return drawn(cache: nil)
            }
            // Each record with its facts and summary where they were written (and decoded, when they are).
            let forms = formsByID
            let kept = records.map { $0.stored(in: bodies, at: stored.places[$0.path], forms: forms, count: cache.decoded) }
            var made = BuildCache(records: Dictionary(kept.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }))
            made.bodies = bodies
            made.formIDs = stored.forms
            // The records taken from the last cache count their decoding there.
            made.decoded = cache.decoded
            made.rows = PageRows(PageRows.Decoded(paths: pages.map(\.path),
                                                  pages: pages.map { PageRows.Row(inputs: $0.inputs, frame: $0.frame, lists: $0.lists) },
                                                  made: pages.map(\.made),
                                                  reports: Dictionary(reports.map { ($0.id, $0.digest) }, uniquingKeysWith: { a, _ in a }),
                                                  labels: Dictionary(reports.map { ($0.id, $0.labels) }, uniquingKeysWith: { a, _ in a })))
            made.htmlPages = pages.filter { $0.path.hasSuffix(".html") }.count
            made.site = renderer.siteDigest
            made.search = searchDigest
            made.shape = shape
            made.across = across
            made.siteMap = StoredSiteMap(digest: mapInputs, map: map)
            made.stamps = scan.stamps
            written = made
        }
        // The plan and its pages: left to the exit of a one-shot build (`ExitHold`); not the
        // staging, which holds the output's lock until it is freed.
        exitHold?.hold((sitePlan, planned, site, rows, last, pages, staged, toDraw, units, reportDigests, labelDigests, ids))
        return drawn(cache: written)
        func drawn(cache: BuildCache?) -> Drawn {
            Drawn(pages: paths.filter { $0.hasSuffix(".html") }.count, drawn: drawing.count, summary: summary,
                  operations: staging.operations, reusedSpare: staging.reusesSpare, spareListed: staging.spareListed,
                  spareFoldersChecked: staging.spareFoldersChecked, foldersStamped: staging.foldersStamped,
                  searchIndexKept: keptSearch != nil && updatedSearch == nil, searchIndexUpdated: updatedSearch != nil,
                  framesTaken: planned.filter { !$0.kept }.count,
                  framesTakenOf: planned.filter { !$0.kept }.map(\.0.page.path), framesRetaken: renderer.framesTaken.value,
                  reread: reread.count, siteMapKept: theMap.kept, pathsSorted: sitePlan.sorted, searchDigestsMade: searchDigestsMade, cache: cache,
                  cacheWritten: stored.written)
        }
    }

    /// The live site's manifest and the digest of its bytes, read now (mapped: `Disk.mapped`).
    func liveManifest() -> (bytes: Data, digest: UInt64)? {
        Disk.mapped(plan.output.appendingPathComponent(Manifest.path).path).map { (bytes: $0, digest: OutputTable.digest($0)) }
    }

    /// A report for its pages, with the diagnostics of the checks across years: kept from the
    /// scan, or read and parsed again.
    static func load(_ r: Int, scan: Scan, reader: ReportReader, pool: ParsedPool, stale: StaleRecords,
                     reread: StaleRecords? = nil) throws -> ParsedDocument {
        var parsed: ParsedDocument
        if let kept = pool.take(r) {
            parsed = kept
        } else {
            let record = scan.records[r]
            let entry = scan.found[r]
            guard let file = SourceFile(entry.url, path: record.path, source: record.source, maxSize: reader.maxFileSize),
                  let again = reader.read(file.bytes, path: record.path, source: record.source, sidecar: file.sidecar).parsed else {
                throw BuildError.changedDuringBuild(record.source)
            }
            pool.parsed()
            reread?.insert(r)
            // Drawn from what is there now; its record (from the first read) is not cached.
            if file.hash != record.hash { stale.insert(r) }
            parsed = again
        }
        parsed.report.diagnostics += scan.across[r] ?? []
        return parsed
    }
}

/// The build's cache as staged (`BuildCache.stageReports`: the heads and bodies, beside the
/// site's table), with the records and reports it holds and its `pages.bin` to put.
struct StagedCache: Sendable {
    let records: [ReportRecord]
    let reports: [(id: String, digest: UInt64, labels: UInt64)]
    let files: [OutputFile]
    let stored: (places: [String: BuildCache.StagedPlaces], forms: [String], written: Int)
}

/// Report indices marked from many threads (records not to cache, reports read again).
final class StaleRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var indices = Set<Int>()

    func insert(_ i: Int) { lock.lock(); indices.insert(i); lock.unlock() }
    func contains(_ i: Int) -> Bool { lock.lock(); defer { lock.unlock() }; return indices.contains(i) }
    var count: Int { lock.lock(); defer { lock.unlock() }; return indices.count }
    var all: Set<Int> { lock.lock(); defer { lock.unlock() }; return indices }
}

/// What stops a build after the reports were read.
enum BuildError: DiagnosedError, Equatable {
    /// A report file became unreadable, or no longer a report, between the two passes.
    case changedDuringBuild(String)

    var diagnostic: FileDiagnostic {
        switch self {
        case .changedDuringBuild(let file):
            .error(file, code: "file.unreadable", "文件在构建过程中被改动或删除，已停止构建（上次生成的站点保持不变）；请重新运行")
        }
    }
}
