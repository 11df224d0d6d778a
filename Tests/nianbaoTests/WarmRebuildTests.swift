import Foundation
import NianbaoTestSupport
@testable import SiteKit
import Testing

/// Issue 10, the floor of every rebuild: a rebuild that changed nothing decodes no record's
/// facts from the cache (only the diagnostics it prints), and `serve`'s builds keep the cache
/// in memory from one to the next (`WarmCache`) — the same bytes and the same diagnostics as
/// builds that read it from disk, counted, never timed.
@Suite struct WarmRebuildTests {
    typealias Incremental = IncrementalBuildTests
    static let edited = "001_ca48803eb8e502d4.txt"

    static func build(_ root: URL, warm: WarmCache? = nil) async throws -> Pipeline.Result {
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Incremental.theme, baseURL: nil)
        var pipeline = Pipeline(plan: plan)
        pipeline.limits.racyMargin = 0
        pipeline.warm = warm
        return try await pipeline.build()
    }

    /// Writes one number of the edited report as `amount` (a new file renamed over the old).
    static func edit(_ root: URL, _ content: [String: Data], amount: String) throws {
        let text = String(decoding: content[edited]!, as: UTF8.self).replacingOccurrences(of: "\t461.7 万元", with: "\t\(amount) 万元")
        let file = root.appendingPathComponent("content/" + edited), temporary = root.appendingPathComponent("content/.edit.tmp")
        try Data(text.utf8).write(to: temporary)
        #expect(rename(temporary.path, file.path) == 0)
    }

    /// No change: the same diagnostics as the build before, and not one record's facts
    /// decoded; an edit of one report parses it and decodes the facts of the other reports of
    /// its series alone (the checks across years look again at them; every other report's
    /// summary is the cache's): none, for 001, the only report of its body.
    @Test func aRebuildWithNoChangeDecodesNoRecord() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        #expect(first.reports == 9 && first.recordsDecoded == 0)
        let again = try await Self.build(root)
        #expect(again.cache == .used && again.written?.written == 0)
        #expect(again.recordsDecoded == 0)
        #expect(again.diagnostics == first.diagnostics && !first.diagnostics.isEmpty)
        #expect(again.reports == first.reports && again.filesLeftOut == first.filesLeftOut && again.pages == first.pages)
        try Self.edit(root, content, amount: "462.7")
        let edit = try await Self.build(root)
        #expect(edit.parsed == 1 && edit.recordsDecoded == 0)
    }

    /// The same edits built with the cache kept in memory and read from disk: the same site,
    /// byte for byte (the cache files included), and the same results; the kept cache is used
    /// from the second build on, its records' facts decoded only for the checks across years
    /// of the series an edit touches, once, and never again. A build by another process in
    /// between (the cache files replaced) is noticed.
    @Test func aCacheKeptInMemoryBuildsTheSameSite() async throws {
        let content = try Incremental.content()
        let warmRoot = try Incremental.project(content), coldRoot = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: warmRoot); try? FileManager.default.removeItem(at: coldRoot) }
        let warm = WarmCache()
        func both(_ step: String, kept: Bool, decoded: Int) async throws {
            let w = try await Self.build(warmRoot, warm: warm)
            let c = try await Self.build(coldRoot)
            #expect(w.cacheKept == kept && !c.cacheKept, "\(step)")
            #expect(w.recordsDecoded == decoded, "\(step): decoded \(w.recordsDecoded)")
            #expect(w.diagnostics == c.diagnostics && w.written == c.written && w.parsed == c.parsed && w.drawn == c.drawn, "\(step)")
            let a = try Incremental.site(warmRoot), b = try Incremental.site(coldRoot)
            #expect(a.keys.sorted() == b.keys.sorted(), "\(step)")
            for (path, data) in a { #expect(b[path] == data, "\(step): \(path) differs") }
        }
        // As serve starts over a site built before: its first build reads the cache files.
        for root in [warmRoot, coldRoot] { _ = try await Self.build(root) }
        try await both("no change", kept: false, decoded: 0)
        try await both("no change, kept", kept: true, decoded: 0)
        for root in [warmRoot, coldRoot] { try Self.edit(root, content, amount: "462.7") }
        try await both("edit", kept: true, decoded: 0)
        for root in [warmRoot, coldRoot] { try Self.edit(root, content, amount: "463.7") }
        try await both("edit again", kept: true, decoded: 0)
        try await both("no change again", kept: true, decoded: 0)
        // A report of the longde series (five reports, 003 its 2023): the four others' facts
        // decoded once, then kept.
        for (step, from, to) in [("edit longde", "加强领导", "加强统筹协调"), ("edit longde again", "加强统筹协调", "加强领导")] {
            for root in [warmRoot, coldRoot] {
                let file = root.appendingPathComponent("content/longde-2017.txt")
                let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                #expect(text.contains(from))
                try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: file)
            }
            try await both(step, kept: true, decoded: step == "edit longde" ? 4 : 0)
        }
        // Another process builds the same site: its cache files are new, and read again.
        for root in [warmRoot, coldRoot] { try Self.edit(root, content, amount: "464.7") }
        _ = try await Self.build(warmRoot)
        let after = try await Self.build(warmRoot, warm: warm)
        #expect(!after.cacheKept && after.written?.written == 0)
    }

    /// A build stamps the folders of the site it writes, and the next one (nothing changed)
    /// looks at the folders' stamps instead of listing it (counted). A page deleted by hand, or
    /// a file put there by hand, changes its folder: the site is listed again, the page drawn
    /// again (the stray file left out), and the site is the clean one.
    @Test func folderStampsStandForTheListingUntilAFolderChanges() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        let site = try Incremental.site(root)
        let folders = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("public").path)
            .filter { path in
                var isFolder: ObjCBool = false
                return !path.hasPrefix(".") && FileManager.default.fileExists(atPath: root.appendingPathComponent("public/" + path).path, isDirectory: &isFolder) && isFolder.boolValue
            }
        let vouched = try await Self.build(root)
        #expect(!vouched.siteListed && vouched.foldersChecked == folders.count + 1)
        #expect(vouched.written?.written == 0 && vouched.written?.unchanged == first.written?.written)
        #expect(vouched.diagnostics == first.diagnostics && vouched.pages == first.pages)

        let page = site.keys.first { $0.hasSuffix("/index.html") && $0.split(separator: "/").count > 3 }!
        try FileManager.default.removeItem(at: root.appendingPathComponent("public/" + page))
        let restored = try await Self.build(root)
        #expect(restored.siteListed && restored.written?.written == 1)
        #expect(try Incremental.site(root)[page] == site[page])

        try Data("mine".utf8).write(to: root.appendingPathComponent("public/stray.html"))
        let cleared = try await Self.build(root)
        #expect(cleared.siteListed && cleared.written?.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/stray.html").path))
        let again = try await Self.build(root)
        #expect(again.written?.written == 0)
        let last = try Incremental.site(root)
        #expect(last.keys.filter { !$0.hasPrefix(".") }.sorted() == site.keys.filter { !$0.hasPrefix(".") }.sorted())
        for (path, data) in site where !path.hasPrefix(".") { #expect(last[path] == data, "\(path)") }
    }

    /// Writes `data` into the file at `url` in place (truncated, then written: its folder's
    /// stamp stays as it was), as `serve.py` and many editors save.
    static func writeInPlace(_ data: Data, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: data)
        try handle.close()
    }

    /// Issue 10: `serve` tells its next build which files changed (`WarmCache.changed`, as its
    /// watcher names them), and the build brings its last walk of the content folder up to date
    /// at those files (the `lstat` of each folder and of each file named) instead of walking it,
    /// keeps the site map when no report's place changed, and makes again the summary and the
    /// search document digest of a changed report only (and of one the checks across reports
    /// see otherwise now). Every step gives the same site, byte for byte,
    /// and the same results, as a cold build of the same content; anything the walk's folders
    /// cannot vouch for (a file added, removed or renamed, a folder renamed, a hidden file put
    /// beside the reports) or a change the watcher could not name walks the folder again.
    @Test func aWalkBroughtUpToDateAtTheNamedFilesBuildsTheSameSite() async throws {
        let content = try Incremental.content()
        let warmRoot = try Incremental.project(content), coldRoot = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: warmRoot); try? FileManager.default.removeItem(at: coldRoot) }
        let warm = WarmCache()
        func file(_ root: URL, _ name: String) -> URL { root.appendingPathComponent("content/" + name) }
        // One report in a folder below: content/ and content/sub/ are the walk's folders.
        let folders = 2
        for root in [warmRoot, coldRoot] {
            try FileManager.default.createDirectory(at: file(root, "sub"), withIntermediateDirectories: false)
            #expect(rename(file(root, "longde-2016.txt").path, file(root, "sub/longde-2016.txt").path) == 0)
        }
        @discardableResult
        func both(_ step: String, told: [String]?, walked: Bool, looked: Int = 0, mapKept: Bool, digestsMade: Int,
                  summaries: Int) async throws -> Pipeline.Result {
            if let told { warm.changed(told.map { file(warmRoot, $0).path }, vouched: true) }
            let w = try await Self.build(warmRoot, warm: warm)
            let c = try await Self.build(coldRoot)
            // (A walk may follow a look at a folder or two that could not vouch.)
            #expect(w.contentWalked == walked && (walked || w.contentLooked == looked), "\(step): looked \(w.contentLooked)")
            #expect(w.siteMapKept == mapKept && w.searchDigestsMade == digestsMade, "\(step): \(w.searchDigestsMade) digests")
            #expect(w.summariesMade == summaries, "\(step): \(w.summariesMade) summaries")
            // A build of another process takes the map from the cache's file (`StoredSiteMap`) as `serve` keeps it.
            #expect(c.contentWalked && c.siteMapKept == mapKept, "\(step)")
            #expect(w.diagnostics == c.diagnostics && w.written == c.written && w.parsed == c.parsed && w.drawn == c.drawn, "\(step)")
            #expect(w.reports == c.reports && w.filesLeftOut == c.filesLeftOut && w.pages == c.pages, "\(step)")
            let a = try Incremental.site(warmRoot), b = try Incremental.site(coldRoot)
            #expect(a.keys.sorted() == b.keys.sorted(), "\(step)")
            for (path, data) in a { #expect(b[path] == data, "\(step): \(path) differs") }
            return w
        }
        func edit(_ name: String, _ from: String, _ to: String) throws {
            for root in [warmRoot, coldRoot] {
                let text = String(decoding: try Data(contentsOf: file(root, name)), as: UTF8.self)
                #expect(text.contains(from))
                try Self.writeInPlace(Data(text.replacingOccurrences(of: from, with: to).utf8), to: file(root, name))
            }
        }
        for root in [warmRoot, coldRoot] { _ = try await Self.build(root) }
        // Nothing told yet: the first build of serve walks the folder (and, changing nothing,
        // makes no map and no digest).
        try await both("first", told: nil, walked: true, mapKept: false, digestsMade: 0, summaries: 0)
        // A number edited in place, the file named: its folders' and its own lstat, nothing
        // else; no digest kept yet, the map the cache's (`StoredSiteMap`, read from its file), the
        // summaries the cache's (its own alone made).
        try edit(Self.edited, "\t461.7 万元", "\t462.7 万元")
        try await both("edit", told: [Self.edited], walked: false, looked: folders + 1, mapKept: true, digestsMade: 9, summaries: 1)
        // A report in a folder below, edited and named with a file that is no report.
        try edit("sub/longde-2016.txt", "积极推进政府信息公开工作", "积极推进政务公开工作")
        try await both("edit below", told: ["sub/longde-2016.txt", "notes.tmp.xlsx"], walked: false, looked: folders + 1,
                       mapKept: true, digestsMade: 1, summaries: 1)
        // Edited and not told: the next build walks (told nothing is not told "nothing").
        try edit(Self.edited, "\t462.7 万元", "\t463.7 万元")
        try await both("edit untold", told: nil, walked: true, mapKept: true, digestsMade: 1, summaries: 1)
        // Told that the watcher cannot name them (its events overflowed): walked.
        try edit(Self.edited, "\t463.7 万元", "\t464.7 万元")
        warm.changed([file(warmRoot, Self.edited).path], vouched: false)
        try await both("overflow", told: nil, walked: true, mapKept: true, digestsMade: 1, summaries: 1)
        // A report added: its folder's stamp moved, walked; a place more, a new map. Its
        // summary and digest are made, and 001's digest (the duplicate check warns both of the
        // pair: their summaries are made again with the warning; the added one's twice, before
        // the check and after).
        let added = content["001_ca48803eb8e502d4.txt"]!
        for root in [warmRoot, coldRoot] {
            try Data(String(decoding: added, as: UTF8.self).replacingOccurrences(of: "2020年", with: "2019年").utf8)
                .write(to: file(root, "added.txt"))
        }
        try await both("add", told: ["added.txt"], walked: true, mapKept: false, digestsMade: 2, summaries: 3)
        // A hidden file beside the reports (its note is the walk's; the watcher never names it).
        // 001 edited, warned again: made before the duplicate check and after; the added
        // report's summary, with the same warning, is the last build's.
        for root in [warmRoot, coldRoot] { try Data("x".utf8).write(to: file(root, ".hidden")) }
        try edit(Self.edited, "\t464.7 万元", "\t465.7 万元")
        try await both("hidden file", told: [Self.edited], walked: true, mapKept: true, digestsMade: 1, summaries: 2)
        // A report renamed, then the folder below renamed: walked each time (the report moved
        // below is parsed again: its path is part of its record; the pair's warnings are the same).
        for root in [warmRoot, coldRoot] { #expect(rename(file(root, "added.txt").path, file(root, "renamed.txt").path) == 0) }
        try await both("rename", told: ["added.txt", "renamed.txt"], walked: true, mapKept: false, digestsMade: 2, summaries: 3)
        for root in [warmRoot, coldRoot] { #expect(rename(file(root, "sub").path, file(root, "below").path) == 0) }
        try await both("folder renamed", told: ["sub/longde-2016.txt", "below/longde-2016.txt"], walked: true, mapKept: false,
                       digestsMade: 1, summaries: 1)
        // A report removed: walked; 001 is warned no more (its summary, made with the warning,
        // is made again without it; and its digest).
        for root in [warmRoot, coldRoot] { try FileManager.default.removeItem(at: file(root, "renamed.txt")) }
        try await both("remove", told: ["renamed.txt"], walked: true, mapKept: false, digestsMade: 1, summaries: 1)
        // And edits named again after all that: brought up to date, the same site.
        try edit("below/longde-2016.txt", "积极推进政务公开工作", "积极推进政府信息公开工作")
        try await both("edit after", told: ["below/longde-2016.txt"], walked: false, looked: folders + 1, mapKept: true,
                       digestsMade: 1, summaries: 1)
        // Nothing changed: the scan alone (no map made, no digest), brought up to date at no file.
        try await both("no change", told: [], walked: false, looked: folders, mapKept: false, digestsMade: 0, summaries: 0)
    }

    /// A build whose theme fails (read on another thread while the cache is read; here broken
    /// after the plan is resolved) throws the theme's error, as it did when it read the theme
    /// first, and leaves `serve` the cache it kept: the next build, with the theme as it was
    /// planned with, takes it and parses nothing.
    @Test func aBuildWhoseThemeFailsKeepsTheCacheInMemory() async throws {
        let root = try Incremental.project(try Incremental.content())
        defer { try? FileManager.default.removeItem(at: root) }
        let warm = WarmCache()
        _ = try await Self.build(root, warm: warm)
        let broken = root.appendingPathComponent("themes/broken")
        try FileManager.default.createDirectory(at: broken.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Incremental.theme), to: broken)
        // Broken after the plan is resolved (which reads the theme's files too).
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: broken.path, baseURL: nil)
        try Data("{{> nothere}}\n".utf8).write(to: broken.appendingPathComponent("home.mustache"))
        var pipeline = Pipeline(plan: plan)
        pipeline.limits.racyMargin = 0
        pipeline.warm = warm
        await #expect(throws: (any Error).self) { try await pipeline.build() }
        let next = try await Self.build(root, warm: warm)
        #expect(next.cacheKept && next.parsed == 0 && next.drawn == 0)
    }
}
