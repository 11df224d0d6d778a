import Foundation

extension Pipeline {
    /// What the first pass found: a record per report file, in path order, and the
    /// diagnostics the checks across years gave each (by record index).
    struct Scan: Sendable {
        let found: [ContentFolder.Entry]
        /// What discovery noted about entries that are not read (temporary files, links
        /// leaving the folder …).
        let notes: [FileDiagnostic]
        let records: [ReportRecord]
        let across: [Int: [Diagnostic]]
        /// Reports parsed now, and records not taken from the cache (parsed, or of a file that
        /// could not be read).
        let parsed: Int
        let fresh: Int
        /// Record index of each report (each record that is one), in order: what the site
        /// plan's summary `i` is.
        let reports: [Int]
        /// The site map of the reports' summaries (`SitePlan`'s), when the scan made it (not
        /// when the checks across reports were the cache's).
        let map: SiteMap?
        /// The summaries the scan made for the site map (with it), so the draw does not make
        /// them a second time.
        var made: [ReportSummary]? = nil
        /// Summaries the scan made: of each report parsed now or whose checks across reports
        /// changed (a report parsed now that a duplicate check warns: twice, before the check and after).
        var summariesMade = 0
        /// The digest of what `map` was made from (`SiteMap.inputs`), and whether it is the
        /// last build's (`StoredSiteMap`).
        var mapInputs: UInt64 = 0
        var mapKept = false
        /// Whether the content folder was walked, or the last walk brought up to date with the
        /// `lstat` of `looked` folders and files (`WarmCache+Walk`).
        var walked = true
        var looked = 0
        /// The stamps of the files read (`FileStamps`), for the next build; and how many
        /// files were read and hashed because the last build's stamps could not vouch for them.
        var stamps = FileStamps(clock: StampClock(wall: 0, device: 0, file: 0))
        var hashed = 0

        /// The summaries of the reports, in `reports` order: the scan's when it made them, the
        /// kept ones otherwise (made where a record has none that serves).
        var summaries: [ReportSummary] {
            if let made { return made }
            return reports.map { Pipeline.summary(of: records[$0], across: across[$0] ?? []).summary.value.summary }
        }

        /// How many of `summaries` are made, not kept, when the scan made none.
        var summariesUnkept: Int {
            guard made == nil else { return 0 }
            return reports.filter { records[$0].lazySummary?.value.across != across[$0] ?? [] }.count
        }
    }

    /// Reads every file (in parallel, a few at a time) into its record: the cached one when
    /// the file's hash is the cache's, otherwise parsed now — and then kept in `pool` for its
    /// pages when there is room. A file whose stamps the last build saw and can vouch for
    /// (`FileStamps`) is not read at all: its hash is the one seen then.
    ///
    /// When the records' facts are needed (a file changed) and the cache's bodies cannot give
    /// them (`BuildCache.factsReadable`), the cache is dropped (`status` untrusted) and the
    /// scan done again without it.
    ///
    /// `drawing` is called once the files are read when a record is not the cache's (a file
    /// changed, came or went): the build will draw (`DrawReads`).
    func scan(cache: inout BuildCache, status: inout BuildCache.Status, pool: ParsedPool,
              drawing: (@Sendable () -> Void)? = nil) async throws -> Scan {
        do {
            return try await scan(cache: cache, pool: pool, drawing: drawing)
        } catch is CacheBodies.Damaged {
            (cache, status) = (BuildCache(), .untrusted)
            pool.drain()
            return try await scan(cache: cache, pool: pool, drawing: drawing)
        }
    }

    private func scan(cache: BuildCache, pool: ParsedPool, drawing: (@Sendable () -> Void)?) async throws -> Scan {
        // Before the first `stat`: what this scan's stamps are judged against next time. The
        // file system's clock is read in the output folder (nianbao's own: nothing is made in
        // the content folder, not even an unnamed file); content on another device, or a first
        // build with no output folder yet, is judged by the wall clock's rule (`StampClock`).
        let taken = StampClock.now(on: Disk.realPath(plan.output.path))
        // `serve`: the last walk, brought up to date at the files its watcher named (`WarmCache+Walk`).
        var looked = 0
        let kept = warm?.discovery(of: plan.content, margin: limits.racyMargin, looked: &looked)
        let discovery = try kept?.discovery ?? ContentFolder.discover(in: plan.content)
        warm?.keep(walk: discovery, clock: kept?.clock ?? taken)
        progress.stage("content listed")
        let found = discovery.entries
        let plan = self.plan
        @Sendable func show(_ path: String) -> String { plan.source(of: path) }
        let notes = discovery.notes.map { FileDiagnostic(file: show($0.relativePath), diagnostic: $0.diagnostic) }
        let reader = self.reader.limited(toFileSize: plan.maxFileSize)
        let maxFileSize = plan.maxFileSize
        let forms = reader.parser.forms
        let progress = self.progress
        progress.update { $0.files = found.count }
        let cached = cache.records
        let lastStamps = cache.stamps, margin = limits.racyMargin
        let records = try await Parallel.map(found.count, width: limits.width) { i -> (ReportRecord, Origin, FileStamps.Entry?) in
            // How each file is named in messages and in `report.source`: `content/000.txt`.
            let entry = found[i]
            let source = show(entry.relativePath)
            defer { progress.update { $0.read += 1 } }
            // Stamps before bytes: a change after the `stat` changes the stamp seen next time.
            // The walk's `lstat` of a regular file is its stamp (one `stat` a file, not two).
            let stamp = entry.stamp ?? FileStamp.of(entry.url.path)
            let sidecar = FileStamps.sidecar(of: entry)
            if let stamp, stamp.size <= UInt64(max(0, maxFileSize)), let record = cached[entry.relativePath], let hash = record.hash,
               lastStamps?.hash(of: entry.relativePath, source: source, stamp: stamp, sidecar: sidecar, margin: margin) == hash {
                return (record, .vouched, FileStamps.Entry(source: source, stamp: stamp, sidecar: sidecar, hash: hash))
            }
            guard let file = SourceFile(entry.url, path: entry.relativePath, source: source, maxSize: maxFileSize, size: stamp?.size) else {
                let outcome = reader.read(fileAt: entry.url, path: entry.relativePath, source: source)
                return (ReportRecord(path: entry.relativePath, source: source, hash: nil, outcome: outcome, forms: forms), .unread, nil)
            }
            let seen = stamp.map { FileStamps.Entry(source: source, stamp: $0, sidecar: sidecar, hash: file.hash) }
            if let record = cached[entry.relativePath], record.hash == file.hash { return (record, .cached, seen) }
            let outcome = reader.read(file.bytes, path: entry.relativePath, source: source, sidecar: file.sidecar)
            let record = ReportRecord(path: entry.relativePath, source: source, hash: file.hash, outcome: outcome, forms: forms)
            if let parsed = outcome.parsed {
                pool.parsed()
                pool.offer(i, parsed)
            }
            return (record, .parsed, seen)
        }
        progress.stage("files read, parsed")
        var stamps = FileStamps(clock: taken)
        stamps.entries.reserveCapacity(found.count)
        for (i, record) in records.enumerated() {
            if let seen = record.2 { stamps.entries[found[i].relativePath] = seen }
        }
        let reports = records.indices.filter { records[$0].0.isReport }
        var across: [Int: [Diagnostic]] = [:]
        var map: SiteMap?
        var made: [ReportSummary]?, summariesMade = 0, keptMap = false, mapInputs: UInt64 = 0
        var scanned = records.map(\.0)
        // Every record the cache's, and exactly the cache's files: the checks across reports
        // (a function of the records, in path order) gave what the last build kept of them.
        let asCached = records.allSatisfy { $0.1 == .vouched || $0.1 == .cached } && records.count == cached.count
        if asCached, let kept = cache.across {
            for i in reports { if let found = kept[records[i].0.path] { across[i] = found } }
        } else {
            drawing?()
            guard cache.factsReadable() else { throw CacheBodies.Damaged() }
            let portal = try await portalChecks(of: records, reports: reports, cache: cache)
            for (index, found) in portal { across[reports[index]] = found }
            progress.stage("checks across years")
            // First any summary of each report (the last build's, whatever checks across reports
            // it was made with; made otherwise), in runs across the cores, in order: the site map
            // and the duplicate check read only what a summary takes of the facts (`SiteMap.Input`).
            let checked = across
            let first = try await Parallel.map(reports.count, chunk: 256, width: limits.width) { k in
                let record = records[reports[k]].0
                guard let last = record.lazySummary else { return Self.summary(of: record, across: checked[reports[k]] ?? []) }
                _ = last.value
                return (summary: last, made: false)
            }
            let summaries = first.map(\.summary.value.summary)
            progress.stage("summaries")
            let (siteMap, inputs, mapKept) = self.siteMap(of: summaries, cache: cache)
            (keptMap, mapInputs) = (mapKept, inputs)
            progress.stage("site map")
            // The date and digest of the reports in a group only (their facts decoded: their
            // summaries are made again with the warning below).
            let warnings = DuplicateReports.warnings(summaries, map: siteMap) { k in
                let record = records[reports[k]].0, facts = record.facts!
                return DuplicateReports.File(source: record.source, published: facts.published, bytesDigest: facts.bytesDigest)
            }
            for (index, warning) in warnings {
                across[reports[index], default: []].append(warning)
            }
            map = siteMap
            // Then each report's summary with this build's checks: the one above when it was made
            // with them, made again otherwise (`summary(of:across:)`).
            let final = across
            let second = try await Parallel.map(reports.count, chunk: 256, width: limits.width) { k in
                let found = final[reports[k]] ?? []
                return first[k].summary.value.across == found ? (summary: first[k].summary, made: false)
                    : Self.summary(of: records[reports[k]].0, across: found)
            }
            let kept = second.map(\.summary)
            made = kept.map(\.value.summary)
            summariesMade = first.filter(\.made).count + second.filter(\.made).count
            // Each report's record with its summary, for the cache (kept where it was).
            for (k, i) in reports.enumerated() where kept[k] !== records[i].0.lazySummary {
                scanned[i] = records[i].0.keeping(kept[k])
            }
        }
        return Scan(found: found, notes: notes, records: scanned, across: across, parsed: records.filter { $0.1 == .parsed }.count,
                    fresh: records.filter { $0.1 == .parsed || $0.1 == .unread }.count, reports: reports, map: map, made: made,
                    summariesMade: summariesMade, mapInputs: mapInputs, mapKept: keptMap, walked: kept == nil, looked: looked, stamps: stamps, hashed: records.filter { $0.1 != .vouched }.count)
    }

    /// The checks across years (`PortalChecks`) of the reports (`reports`: record indices), by
    /// index into `reports`. With the last build's results (`BuildCache.across`), only the series
    /// the records parsed now or gone since touch are checked again, and the others keep what
    /// the last build's check gave them (without the duplicate warnings it added after): the
    /// same results as checking every series (`PortalChecksChangesTests`). Only the reports of
    /// those series have their facts decoded: every other report's entry is its series and year
    /// (`KeptSummary.series`), which no check compares (`PortalChecks.check(_:changed:gone:kept:)`
    /// compares the reports of the series touched alone).
    private func portalChecks(of records: [(ReportRecord, Origin, FileStamps.Entry?)], reports: [Int],
                              cache: BuildCache) async throws -> [Int: [Diagnostic]] {
        guard let kept = cache.across, !cache.records.isEmpty else {
            return PortalChecks.check(try await Parallel.map(reports.count, chunk: 256, width: limits.width) {
                records[reports[$0]].0.facts!.portal
            })
        }
        let cached = cache.records
        var changed: [Int] = [], gone: [PortalChecks.Entry] = []
        var inCache = 0  // files of this scan the cache has a record of
        var k = 0  // the next of `reports`
        for (i, record) in records.enumerated() {
            let isReport = k < reports.count && reports[k] == i
            defer { if isReport { k += 1 } }
            if record.1 == .vouched || record.1 == .cached {
                inCache += 1
                continue
            }
            if isReport { changed.append(k) }
            guard let old = cached[record.0.path] else { continue }
            inCache += 1
            if old.isReport { gone.append(Self.seriesEntry(of: old)) }
        }
        // Files the cache has and this scan does not.
        if inCache < cached.count {
            let paths = Set(records.map(\.0.path))
            for (path, old) in cached where old.isReport && !paths.contains(path) { gone.append(Self.seriesEntry(of: old)) }
        }
        var touched = Set(gone.compactMap(\.series))
        for k in changed { if let series = records[reports[k]].0.facts!.portal.series { touched.insert(series) } }
        let series = touched
        let entries = try await Parallel.map(reports.count, chunk: 256, width: limits.width) { k in
            let record = records[reports[k]].0, entry = Self.seriesEntry(of: record)
            return entry.series.map(series.contains) == true ? record.facts!.portal : entry
        }
        return PortalChecks.check(entries, changed: changed, gone: gone) { k in
            (kept[records[reports[k]].0.path] ?? []).filter { $0.code != DuplicateReports.code }
        }
    }

    /// A report's entry for the checks across years without its tables (its facts not decoded
    /// when its summary was kept): enough to tell which series it is in.
    static func seriesEntry(of record: ReportRecord) -> PortalChecks.Entry {
        guard let kept = record.lazySummary?.value else { return record.facts!.portal }
        return PortalChecks.Entry(source: record.source, year: kept.summary.year, series: kept.series, tables: [])
    }

    /// The summary of the report `record` with the diagnostics of the checks across reports
    /// `across`: its last one when it was made with the same (the record's head keeps it with
    /// the facts it was made of: a summary is a function of these alone), made from its facts
    /// otherwise (`made`). A clean build makes the same.
    static func summary(of record: ReportRecord, across: [Diagnostic]) -> (summary: LazySummary, made: Bool) {
        if let last = record.lazySummary, last.value.across == across { return (last, false) }
        let facts = record.facts!
        let summary = ReportSummary(record, facts: facts, across: across)
        return (LazySummary(KeptSummary(series: facts.portal.series, across: across, summary: summary)), true)
    }

    /// The site map of `summaries` and the digest of what it is made from (`SiteMap.inputs`):
    /// the last build's when that is the same (`StoredSiteMap`), made otherwise; `kept` says so.
    func siteMap(of summaries: [ReportSummary], cache: BuildCache) -> (map: SiteMap, inputs: UInt64, kept: Bool) {
        let inputs = SiteMap.inputs(of: summaries, slug: slug)
        if let kept = cache.siteMap.map(for: inputs) { return (kept, inputs, true) }
        return (SiteMap(reports: summaries, slug: slug), inputs, false)
    }

    /// Where a record came from: the cache, on the word of the file's stamps (not read) or of
    /// its hash (read and hashed); parsed now; or a file that could not be read.
    enum Origin: Sendable { case vouched, cached, parsed, unread }
}

/// A report file's bytes and what else its parse reads, with their digest (`ReportRecord.hash`).
struct SourceFile {
    let bytes: Data
    /// The text of the front matter file beside a PDF or Word file (`NAME.pdf.yml`).
    let sidecar: String?
    let hash: UInt64

    /// `nil` when the file cannot be read or is larger than `maxSize` (`ReportReader` then
    /// says why).
    /// `size` is the file's when its stamp was just taken (no second `stat`).
    init?(_ url: URL, path: String, source: String, maxSize: Int, size: UInt64? = nil) {
        if let size = size.map(Int.init) ?? (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int), size > maxSize { return nil }
        guard let bytes = try? Data(contentsOf: url) else { return nil }
        self.bytes = bytes
        sidecar = ReportReader.sidecar(of: url)
        hash = ReportRecord.hash(source: source, path: path, bytes: bytes, sidecar: sidecar)
    }
}
