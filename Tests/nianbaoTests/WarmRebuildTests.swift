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
    /// decoded; an edit of one report decodes the others' (its pages list them) and its own as
    /// it was (the checks across years look again at the series it was in), and parses it.
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
        #expect(edit.parsed == 1 && edit.recordsDecoded == 9)
    }

    /// The same edits built with the cache kept in memory and read from disk: the same site,
    /// byte for byte (the cache files included), and the same results; the kept cache is used
    /// from the second build on, its records' facts decoded once (by the first edit: the
    /// listing pages need them; and the edited report's as it was, for the checks across years)
    /// and never again. A build by another process in between (the cache files replaced) is noticed.
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
        try await both("edit", kept: true, decoded: 9)
        for root in [warmRoot, coldRoot] { try Self.edit(root, content, amount: "463.7") }
        try await both("edit again", kept: true, decoded: 0)
        try await both("no change again", kept: true, decoded: 0)
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
}
