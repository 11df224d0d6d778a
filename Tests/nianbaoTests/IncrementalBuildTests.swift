import Foundation
import NianbaoTestSupport
import SiteKit
import Testing

/// Issue 10: a build spread over the cores gives the same bytes whatever its width, holds a
/// bounded number of parsed reports, and a rebuild does only the work its changes call for —
/// counted (reports parsed, files written), never timed — and gives the site a clean build
/// of the same content gives, byte for byte.
@Suite struct IncrementalBuildTests {
    static let theme = Fixture.repositoryRoot.appendingPathComponent("themes/default").path

    /// The seeds, and seed 003 (隆德县城关镇, 2023) again for each of `years`.
    static func content(years: ClosedRange<Int> = 2015...2018) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let folder = Fixture.repositoryRoot.appendingPathComponent("content")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        let seed003 = String(decoding: files["003_f36b546d9ff9c8b9.txt"]!, as: UTF8.self)
        for year in years { files["longde-\(year).txt"] = Data(seed003.replacingOccurrences(of: "2023年", with: "\(year)年").utf8) }
        return files
    }

    /// A project folder holding `files` in content/.
    /// A project with these report files and, when given, the site a previous build left in
    /// public/ (`site`): a clean build over it keeps the search index's document ids, as an
    /// incremental one does (`SearchIDs` are read from the site, not from the cache).
    static func project(_ files: [String: Data], over site: [String: Data] = [:]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-incremental-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: root.appendingPathComponent("content/" + name)) }
        for (path, data) in site {
            let url = root.appendingPathComponent("public/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    static func build(_ root: URL, width: Int = Pipeline.Limits().width, pool: Int = 64,
                      clean: Bool = false) async throws -> Pipeline.Result {
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: theme, baseURL: nil)
        var pipeline = Pipeline(plan: plan)
        pipeline.limits.width = width
        pipeline.limits.pool = pool
        pipeline.clean = clean
        return try await pipeline.build()
    }

    /// Every file under the project's public/, with its bytes; not the stamps of the content
    /// files and of the site's folders (`.nianbao/cache/stamps.bin`, `folders.bin`: inodes and
    /// times, which differ in every folder), nor the records' cache, whose bytes depend on the
    /// builds before (`FolderSnapshot.unlike`; `CacheBodiesTests` compares them after compaction).
    static func site(_ root: URL) throws -> [String: Data] {
        let out = root.appendingPathComponent("public")
        var files: [String: Data] = [:]
        for rel in try SourceLoaderTestWalk.files(in: out) where !FolderSnapshot.unlike.contains(rel) {
            files[rel] = try Data(contentsOf: out.appendingPathComponent(rel))
        }
        return files
    }

    /// Flips one bit in the middle of a file.
    static func damage(_ url: URL) throws {
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: url)
    }

    /// Expects `site` to be, byte for byte, what a clean build of `content` makes over the
    /// previous site `before` (whose search ids it keeps, as an incremental build does).
    static func expectClean(_ site: [String: Data], content: [String: Data], over before: [String: Data], _ name: String) async throws {
        let clean = try project(content, over: before)
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try await build(clean, clean: true)
        try expectSame(site, try self.site(clean), name)
    }

    /// Whether `path` is a file of the search index's segments (the main shards, the delta, the
    /// manifest that names them, the state): an incremental build keeps the shards and puts the
    /// reports that differ in a delta, a clean build merges them, and the two read the same
    /// (`SearchIndexSegmentTests`, the browser tests). The writer's table of the site's files
    /// (`output.bin`) lists them too.
    static func isSegment(_ path: String) -> Bool {
        ["search/k/", "search/s/", "search/delta/", "search/index.json", ".nianbao/cache/search.bin", ".nianbao/cache/output.bin"]
            .contains { path.hasPrefix($0) }
    }

    /// `site` is `reference` byte for byte, but for the search index's segments; its manifest
    /// is the reference's but for the entries of those files.
    static func expectSame(_ site: [String: Data], _ reference: [String: Data], _ name: String) throws {
        let manifestPath = ".nianbao/manifest.json"
        let paths = site.keys.filter { !isSegment($0) }.sorted()
        #expect(paths == reference.keys.filter { !isSegment($0) }.sorted(), "\(name)")
        for path in paths where path != manifestPath { #expect(site[path] == reference[path], "\(name): \(path) differs from a clean build") }
        func manifest(_ files: [String: Data]) throws -> NSDictionary {
            var m = try JSONSerialization.jsonObject(with: files[manifestPath] ?? Data()) as? [String: Any] ?? [:]
            m["files"] = (m["files"] as? [String: Any] ?? [:]).filter { !isSegment($0.key) }
            return m as NSDictionary
        }
        #expect(try manifest(site) == manifest(reference), "\(name): \(manifestPath) differs from a clean build")
        #expect(site["search/index.json"] != nil && reference["search/index.json"] != nil, "\(name)")
    }

    /// The files of `b` whose bytes differ from `a`'s, or that `a` does not have; the build's
    /// own records (`.nianbao/`) left out.
    static func changed(from a: [String: Data], to b: [String: Data]) -> Set<String> {
        Set(b.keys.filter { !$0.hasPrefix(".nianbao") && a[$0] != b[$0] })
    }

    /// The same content built one report at a time and eight at a time, with no parsed
    /// report kept between the passes and with some: every byte of every file is the same,
    /// the build's own records (manifest, cache) included.
    @Test func theWidthOfABuildChangesNoByte() async throws {
        let content = try Self.content()
        let narrow = try Self.project(content), wide = try Self.project(content)
        defer { try? FileManager.default.removeItem(at: narrow); try? FileManager.default.removeItem(at: wide) }
        let a = try await Self.build(narrow, width: 1, pool: 0)
        let b = try await Self.build(wide, width: 8, pool: 3)
        #expect(a.reports == 9 && b.reports == 9)
        #expect(a.parsed == 9 && b.parsed == 9)
        let siteA = try Self.site(narrow), siteB = try Self.site(wide)
        #expect(siteA.count > 40)
        #expect(siteA.keys.sorted() == siteB.keys.sorted())
        for (path, data) in siteA { #expect(siteB[path] == data, "\(path) differs") }
    }

    /// Parsed reports alive at once are bounded by the work in flight and the pool, not by
    /// the number of reports: 9 reports, 2 at a time, at most 2 kept between the passes.
    @Test func aBuildHoldsABoundedNumberOfParsedReports() async throws {
        let root = try Self.project(try Self.content(years: 2010...2023))
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try await Self.build(root, width: 2, pool: 2)
        #expect(r.reports == 19)
        #expect(r.peakParsed >= 1 && r.peakParsed <= 4, "peak \(r.peakParsed)")
    }

    /// Nothing changed: no report parsed, no page drawn, no file written, and of the pages'
    /// cache only its head read (`PageRows`).
    @Test func aRebuildWithNoChangeParsesAndWritesNothing() async throws {
        let root = try Self.project(try Self.content())
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        let before = try Self.site(root)
        let again = try await Self.build(root)
        #expect(first.cache == .none && again.cache == .used)
        #expect(again.parsed == 0 && again.drawn == 0 && again.summariesMade == 0)
        #expect(!again.pageRowsDecoded && again.pages == first.pages)
        #expect(again.written == OutputWriter.Summary(written: 0, unchanged: before.keys.filter { !$0.hasPrefix(".") }.count))
        #expect(try Self.site(root) == before)
    }

    /// Edit one number, add a report, rename one, delete one: each rebuild parses only the
    /// files that changed, writes exactly the files whose bytes changed, and leaves the site a
    /// clean build of the same content over the same previous site makes (the search ids are kept).
    @Test func eachChangeRebuildsOnlyWhatItTouchesAndGivesTheCleanSite() async throws {
        var content = try Self.content()
        // The longde series (one body, 2015–2018) with a broken carry-over: 2016 carries 2
        // forward, 2017 carries 0 over. The steps that add, rename, edit and delete its reports
        // check that series again, and no other (`PortalChecks.check(_:changed:gone:kept:)`),
        // and must give the clean build's warnings.
        let carried = String(decoding: content["longde-2016.txt"]!, as: UTF8.self)
        #expect(carried.contains("四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t"))
        content["longde-2016.txt"] = Data(carried.replacingOccurrences(of: "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t",
                                                                       with: "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2\t").utf8)
        let root = try Self.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        #expect(first.diagnostics.filter { $0.diagnostic.code == "portal.carryOver" }.map(\.file).sorted()
                    == ["content/longde-2016.txt", "content/longde-2017.txt"])
        let folder = root.appendingPathComponent("content")

        // A second build with no change to content writes nothing; one that changes a report
        // is needed for the spare: the first build left none (there was no site before it).
        var lastChanges = 0
        func step(_ name: String, parsed: Int, made: Int, decoded: Int, searchKept: Bool, searchUpdated: Bool = false, mapKept: Bool = false,
                  samePaths: Bool? = nil, framesKept: [String] = [], framesTaken: [String] = [], _ change: (inout [String: Data]) throws -> Void) async throws {
            let before = try Self.site(root)
            let old = content
            try change(&content)
            for (file, data) in content where old[file] != data { try data.write(to: folder.appendingPathComponent(file)) }
            for file in old.keys where content[file] == nil { try FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
            let r = try await Self.build(root)
            #expect(r.cache == .used, "\(name)")
            #expect(r.parsed == parsed, "\(name): parsed \(r.parsed)")
            // Only the reports parsed and those whose checks across reports changed are
            // summarised again (every other summary is the cache's: `KeptSummary`), and only the
            // facts of the reports of the series the change touches are decoded from the cache.
            #expect(r.summariesMade == made, "\(name): \(r.summariesMade) summaries of \(r.reports) reports")
            #expect(r.recordsDecoded == decoded, "\(name): \(r.recordsDecoded) records decoded")
            let after = try Self.site(root)
            let changed = Self.changed(from: before, to: after)
            #expect(!changed.isEmpty, "\(name)")
            #expect(r.written?.written == changed.count, "\(name): wrote \(r.written?.written ?? -1), \(changed.count) changed")
            #expect(r.drawn < r.pages, "\(name): drew \(r.drawn) of \(r.pages)")
            let removed = Set(before.keys.filter { !$0.hasPrefix(".") && after[$0] == nil })
            #expect(r.written?.removed == removed.count, "\(name)")
            // The write's work is bounded by what changed: in the spare (every step but the
            // first; it holds the site before last, so the changes of this step and the one
            // before), per file written or removed at most an unlink and a link or write, and a
            // folder made or removed; plus the build's own records (manifest, two cache files,
            // the table: two operations each) and the spare's table removed.
            #expect(r.reusedSpare == (name != "edit one number"), "\(name)")
            defer { lastChanges = changed.count + removed.count }
            if r.reusedSpare {
                #expect(r.operations <= 3 * (changed.count + removed.count + lastChanges) + 9, "\(name): \(r.operations) operations")
            } else {
                #expect(r.operations > after.count, "\(name): \(r.operations) operations")
            }
            #expect(r.searchIndexKept == searchKept, "\(name)")
            // The site map is the last build's (`StoredSiteMap`) when no report's place changed:
            // a figure, a date or a sentence edited, not a name, a report added, renamed or removed.
            #expect(r.siteMapKept == mapKept, "\(name)")
            // With the map (or another map with the same folders), the pages are the last build's,
            // whose order the plan takes (checked, not sorted again: `SitePlan.sorts`); a report
            // added, removed or given another place sorts them.
            #expect(r.pathsSorted == !(samePaths ?? mapKept), "\(name)")
            #expect(r.searchIndexUpdated == searchUpdated, "\(name)")
            // At most the changed report is read again to draw pages: the ZIP of its year takes the
            // report.json of the others from the live site (the add lands in 2020 beside three seeds),
            // and the changed one's from this build when its report.json was drawn first
            // (`DrawnReportData`; the units run in parallel, so that is 0 or 1 read).
            // Deleting longde-2016 takes the carry-over warning off longde-2017, whose pages are
            // then drawn again from its file.
            #expect(r.reread <= parsed + (name == "delete a report" ? 1 : 0), "\(name): read \(r.reread) reports again")
            // Only the pages of and listing the changed report (and those about the whole site)
            // take their frames, whether the change keeps the plan's shape (an edit) or not (an
            // addition, a rename, a removal: `SitePlan+Places`); every frame was taken for those.
            #expect(r.framesTaken > 0 && r.framesTaken * 4 < after.count, "\(name): \(r.framesTaken) frames")
            #expect(r.framesTakenOf.count == r.framesTaken, "\(name)")
            // A frame taken to plan a page is held for its drawing, not taken again: of the pages
            // drawn, those whose bytes changed and whose frames were taken (the CSVs listing the
            // report among them) take none while drawn.
            let heldAndDrawn = r.framesTakenOf.filter(changed.contains).count
            #expect(heldAndDrawn > 0 && r.framesRetaken <= r.drawn - heldAndDrawn,
                    "\(name): \(r.framesRetaken) frames taken again of \(r.drawn) drawn, \(heldAndDrawn) held")
            // A page's frame is taken only when what it shows changed (`Page.showsFigures`).
            for path in framesKept { #expect(!r.framesTakenOf.contains(path), "\(name): took the frame of \(path)") }
            for path in framesTaken { #expect(r.framesTakenOf.contains(path), "\(name): kept the frame of \(path)") }
            try await Self.expectClean(after, content: content, over: before, name)
        }

        // 001 is the only report of its body: an edit of it decodes no other report's facts. The
        // longde series has five reports (003 is its 2023), six once one is added: adding one,
        // or renaming, editing or deleting one of the six, decodes the facts of the five others
        // (the checks across years compare them again) and of no other report. Deleting longde-2016 takes the carry-over warning off
        // longde-2017, whose summary alone is made (no report is parsed).
        // The pages about the whole site that show no figure: an edited number leaves them their
        // frames; an edited date (what the timeliness and home pages show) does not.
        let figureless = ["index.html", "timeliness/index.html", "quality/index.html", "years/index.html", "regions/index.html",
                          "counties/index.html", "data/index.html", "data/table/index.html", "feed.xml"]
        try await step("edit one number", parsed: 1, made: 1, decoded: 0, searchKept: true, mapKept: true, framesKept: figureless) { c in
            let text = String(decoding: c["001_ca48803eb8e502d4.txt"]!, as: UTF8.self)
            #expect(text.contains("政府集中采购\t7\t461.7 万元"))
            c["001_ca48803eb8e502d4.txt"] = Data(text.replacingOccurrences(of: "\t461.7 万元", with: "\t462.7 万元").utf8)
        }
        try await step("edit a date", parsed: 1, made: 1, decoded: 0, searchKept: false, searchUpdated: true, mapKept: true,
                       framesTaken: ["index.html", "timeliness/index.html"]) { c in
            let text = String(decoding: c["001_ca48803eb8e502d4.txt"]!, as: UTF8.self)
            #expect(text.contains("2021年1月26日"))
            c["001_ca48803eb8e502d4.txt"] = Data(text.replacingOccurrences(of: "2021年1月26日", with: "2021年3月26日").utf8)
        }
        try await step("edit a name", parsed: 1, made: 1, decoded: 0, searchKept: false, searchUpdated: true) { c in
            let text = String(decoding: c["001_ca48803eb8e502d4.txt"]!, as: UTF8.self)
            #expect(text.contains("南岗区王岗镇人民政府"))
            c["001_ca48803eb8e502d4.txt"] = Data(text.replacingOccurrences(of: "南岗区王岗镇人民政府", with: "南岗区红旗镇人民政府").utf8)
        }
        try await step("add a report", parsed: 1, made: 1, decoded: 5, searchKept: false, searchUpdated: true) { c in
            let text = String(decoding: c["003_f36b546d9ff9c8b9.txt"]!, as: UTF8.self)
            c["longde-2020.txt"] = Data(text.replacingOccurrences(of: "2023年", with: "2020年").utf8)
        }
        // Another id (a new map), the same year and body: the same folders, the same pages.
        try await step("rename a report", parsed: 1, made: 1, decoded: 5, searchKept: true, samePaths: true) { c in
            c["longde-2014.txt"] = c.removeValue(forKey: "longde-2015.txt")
        }
        // A sentence of the prose: the report's search document changes, and the index is
        // patched (its old keys taken out, its new ones put in), not made again.
        try await step("edit a sentence", parsed: 1, made: 1, decoded: 5, searchKept: false, searchUpdated: true, mapKept: true) { c in
            let text = String(decoding: c["longde-2017.txt"]!, as: UTF8.self)
            #expect(text.contains("加强领导"))
            c["longde-2017.txt"] = Data(text.replacingOccurrences(of: "加强领导", with: "加强统筹协调").utf8)
        }
        try await step("delete a report", parsed: 0, made: 1, decoded: 5, searchKept: false, searchUpdated: true) { c in
            c["longde-2016.txt"] = nil
        }
        // The changes are in the delta segment; a clean build merges it into the main shards.
        #expect(try Self.site(root).keys.contains { $0.hasPrefix("search/delta/") })
        _ = try await Self.build(root, clean: true)
        let merged = try Self.site(root)
        #expect(!merged.keys.contains { $0.hasPrefix("search/delta/") })
        let manifest = try JSONSerialization.jsonObject(with: merged["search/index.json"]!) as? [String: Any]
        #expect(manifest?["delta"] == nil && manifest?["deleted"] == nil)
    }

    /// A build killed while it writes leaves the previous site with its own cache, which the
    /// next build uses: it parses only the report added meanwhile and gives the clean site.
    @Test(arguments: ["staging.file.10", "staging.complete"])
    func aKilledBuildLeavesACacheTheNextBuildUses(_ point: String) async throws {
        var content = try Self.content()
        let root = try Self.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let before = try Self.site(root)
        let text = String(decoding: content["003_f36b546d9ff9c8b9.txt"]!, as: UTF8.self)
        content["longde-2020.txt"] = Data(text.replacingOccurrences(of: "2023年", with: "2020年").utf8)
        try content["longde-2020.txt"]!.write(to: root.appendingPathComponent("content/longde-2020.txt"))
        #expect(try CommandRunner.killAt(point, ["build", "--theme", Self.theme], in: root))
        #expect(try Self.site(root) == before)
        let r = try await Self.build(root)
        #expect(r.cache == .used)
        #expect(r.parsed == 1)
        let clean = try Self.project(content, over: before)
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try await Self.build(clean, clean: true)
        try Self.expectSame(try Self.site(root), try Self.site(clean), point)
    }

    /// A damaged cache is never trusted: the build says so, parses everything, and writes the
    /// site a clean build writes.
    @Test func aDamagedCacheIsRebuiltNotTrusted() async throws {
        let content = try Self.content()
        let root = try Self.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        try Self.damage(root.appendingPathComponent("public/.nianbao/cache/reports.bin"))
        let r = try await Self.build(root)
        #expect(r.cache == .untrusted)
        #expect(r.parsed == 9)
        let clean = try Self.project(content)
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try await Self.build(clean, clean: true)
        let site = try Self.site(root), reference = try Self.site(clean)
        #expect(site.keys.sorted() == reference.keys.sorted())
        for (path, data) in reference { #expect(site[path] == data, "\(path) differs from a clean build") }
    }
}
