import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NianbaoTestSupport
@testable import SiteKit
import Testing

/// Issue 10, the output side of a rebuild: a build stamps the folders of the site it writes
/// (`FolderStamps.built`), so neither the next rebuild nor the one after it (which brings the
/// replaced site, the spare, up to date) lists a folder tree that nothing but nianbao touched —
/// and a file added to or removed from either by hand, or a build killed half way, is still
/// seen, and the site is the clean build's. Counted (folders looked at, listings), never timed;
/// the real racy-timestamp rule throughout (the file system's clock: `StampClock`).
@Suite struct FolderStampTests {
    typealias Incremental = IncrementalBuildTests

    static func build(_ root: URL, clean: Bool = false) async throws -> Pipeline.Result {
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Incremental.theme, baseURL: nil)
        var pipeline = Pipeline(plan: plan)
        pipeline.clean = clean
        return try await pipeline.build()
    }

    /// The folders of the site at `folder` (itself among them), hidden ones at its top left out.
    static func folders(_ folder: URL) throws -> Int {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isFolder: ObjCBool = false
            return !path.hasPrefix(".") && FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }.count + 1
    }

    /// A page three folders deep in the site (the first by path).
    static func deepPage(_ site: [String: Data]) -> String {
        site.keys.sorted().first { $0.hasSuffix("/index.html") && $0.split(separator: "/").count > 3 }!
    }

    /// One number of a report changed from `from` to `amount` (a new file renamed over the old).
    static func edit(_ root: URL, _ content: inout [String: Data], from: String = "461.7", amount: String) throws {
        let name = WarmRebuildTests.edited
        let text = String(decoding: content[name]!, as: UTF8.self)
        #expect(text.contains("\t\(from) 万元"))
        content[name] = Data(text.replacingOccurrences(of: "\t\(from) 万元", with: "\t\(amount) 万元").utf8)
        let temporary = root.appendingPathComponent("content/.edit.tmp")
        try content[name]!.write(to: temporary)
        #expect(rename(temporary.path, root.appendingPathComponent("content/" + name).path) == 0)
    }

    /// Right after a build, the next one (nothing changed) lists no folder tree: it looks at
    /// each folder's stamp once, and lists alone the site's own folder (the swap changed it
    /// after the build's moment), whose stamp it then keeps — so the one after lists none. Once
    /// the output folder is there, a rebuild right after a build reads no report file either:
    /// its scan's moment is read on the file system's clock in the output folder. (The very
    /// first build has no output folder to read it in: its stamps are judged by the wall
    /// clock's rule, so the files just written are read once more by the second.)
    @Test func theFirstRebuildAfterABuildListsNothing() async throws {
        let root = try Incremental.project(try Incremental.content())
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        let site = try Incremental.site(root)
        let folders = try Self.folders(root.appendingPathComponent("public"))
        let stamps = try #require(FolderStamps.read(site: root.appendingPathComponent("public").path))
        #expect(stamps.folders.count == folders && stamps.files == first.written.map { $0.written + $0.unchanged })

        let second = try await Self.build(root)
        #expect(!second.siteListed && second.foldersChecked == folders)
        #expect(second.written?.written == 0 && second.written?.unchanged == first.written?.written)
        let refreshed = try #require(FolderStamps.read(site: root.appendingPathComponent("public").path))
        var checked = 0
        let vouched = refreshed.vouch(site: root.appendingPathComponent("public").path, margin: StampClock.margin, checked: &checked)
        #expect(vouched?.listed == 0 && checked == folders)
        let third = try await Self.build(root)
        #expect(third.filesRead == 0 && !third.siteListed && third.foldersChecked == folders)
        #expect(try Incremental.site(root) == site)
    }

    /// An edit, then another: neither lists the live site, and the second brings the spare up
    /// to date on its folders' word, without listing it; each site is the clean build's.
    @Test func anEditListsNeitherTheSiteNorTheSpare() async throws {
        var content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        var before = try Incremental.site(root)
        let folders = try Self.folders(root.appendingPathComponent("public"))
        try Self.edit(root, &content, amount: "462.7")
        let edited = try await Self.build(root)
        // The folders asked once each, beside the scan (`DrawReads`).
        #expect(edited.parsed == 1 && !edited.siteListed && edited.foldersChecked == folders && edited.siteVouchedAside)
        #expect(!edited.reusedSpare)
        try await FileStampTests.expectClean(root, content: content, over: before)

        before = try Incremental.site(root)
        try Self.edit(root, &content, from: "462.7", amount: "463.7")
        let again = try await Self.build(root)
        #expect(again.parsed == 1 && !again.siteListed && again.reusedSpare && !again.spareListed)
        #expect(again.spareFoldersChecked == (try Self.folders(root.appendingPathComponent("public.nianbao-new"))))
        try await FileStampTests.expectClean(root, content: content, over: before)
        let still = try await Self.build(root)
        #expect(still.filesRead == 0 && !still.siteListed && still.written?.written == 0)
    }

    /// The commit stamps a spare it brought up to date by the folders it changed alone
    /// (`FolderStamps.updated`), and they are the stamps `built` takes from the whole table:
    /// after an edit, a report added in a new year (folders made), removed, and the spare that
    /// held it brought up to date (folders removed). Each site is the clean build's.
    @Test func aSpareIsStampedByTheFoldersItChanged() async throws {
        var content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        let all = try Self.folders(root.appendingPathComponent("public"))
        #expect(first.foldersStamped == all)
        try Self.expectStampsAsBuilt(root)
        try Self.edit(root, &content, amount: "462.7")
        let edited = try await Self.build(root)
        // No spare yet: an empty folder, every folder stamped.
        #expect(!edited.reusedSpare && edited.foldersStamped == all)
        try Self.expectStampsAsBuilt(root)
        var before = try Incremental.site(root)
        try Self.edit(root, &content, from: "462.7", amount: "463.7")
        let again = try await Self.build(root)
        #expect(again.reusedSpare && again.foldersStamped > 0 && again.foldersStamped < all / 4)
        try Self.expectStampsAsBuilt(root)
        try await FileStampTests.expectClean(root, content: content, over: before)

        // A report in a year no other has: its folders are made (in the spare of the edit).
        before = try Incremental.site(root)
        let seed = String(decoding: content["longde-2015.txt"]!, as: UTF8.self)
        content["longde-2011.txt"] = Data(seed.replacingOccurrences(of: "2015年", with: "2011年").utf8)
        try content["longde-2011.txt"]!.write(to: root.appendingPathComponent("content/longde-2011.txt"))
        let added = try await Self.build(root)
        let withYear = try Self.folders(root.appendingPathComponent("public"))
        #expect(added.reusedSpare && withYear > all && added.foldersStamped < all / 2)
        try Self.expectStampsAsBuilt(root)
        try await FileStampTests.expectClean(root, content: content, over: before)

        // Removed: the spare (the edit's site) never had it; the one after holds it, and its
        // folders are removed from it.
        before = try Incremental.site(root)
        content["longde-2011.txt"] = nil
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/longde-2011.txt"))
        let removed = try await Self.build(root)
        #expect(removed.reusedSpare && removed.foldersStamped < all / 2)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/years/2011").path))
        try Self.expectStampsAsBuilt(root)
        before = try Incremental.site(root)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public.nianbao-new/years/2011").path))
        try Self.edit(root, &content, from: "463.7", amount: "464.7")
        let pruned = try await Self.build(root)
        #expect(pruned.reusedSpare && pruned.foldersStamped < all / 2)
        #expect(pruned.written?.removed == 0 && pruned.operations > 0)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/years/2011").path))
        try Self.expectStampsAsBuilt(root)
        try await FileStampTests.expectClean(root, content: content, over: before)
        let still = try await Self.build(root)
        #expect(still.filesRead == 0 && !still.siteListed && still.written?.written == 0)
    }

    /// The live site's folder stamps are the ones `FolderStamps.built` takes from its table now,
    /// and its table's bytes the ones its paths sorted give.
    static func expectStampsAsBuilt(_ root: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let site = Disk.realPath(root.appendingPathComponent("public").path)
        let stamps = try #require(FolderStamps.read(site: site), sourceLocation: sourceLocation)
        let table = try #require(OutputTable.read(site: site), sourceLocation: sourceLocation)
        let built = try #require(FolderStamps.built(site: site, table: table, clock: stamps.clock), sourceLocation: sourceLocation)
        #expect(stamps.files == built.files && stamps.table == built.table, sourceLocation: sourceLocation)
        #expect(stamps.folders.count == built.folders.count, sourceLocation: sourceLocation)
        // The table, written in the last one's order with the paths added merged in
        // (`OutputTable.data(after:adding:)`): the bytes of the whole table sorted.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: site + "/" + OutputTable.path))
        #expect(bytes == table.data, sourceLocation: sourceLocation)
        let byPath = Dictionary(built.folders.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for folder in stamps.folders {
            #expect(byPath[folder.path] == folder, "folder \(folder.path)", sourceLocation: sourceLocation)
        }
    }

    /// A page removed by hand from a folder deep in the site: its folder moved, so it is listed,
    /// then the site; the page is drawn again and the site is the clean build's.
    @Test func aPageRemovedByHandIsDrawnAgain() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let site = try Incremental.site(root)
        let page = Self.deepPage(site)
        try FileManager.default.removeItem(at: root.appendingPathComponent("public/" + page))
        let restored = try await Self.build(root)
        #expect(restored.siteListed && restored.written?.written == 1)
        try await FileStampTests.expectClean(root, content: content, over: site)
    }

    /// A file put by hand into a folder of the site, and another into a folder of the spare:
    /// each is seen (the site listed, the spare not trusted), taken out, and each site is the
    /// clean build's.
    @Test func aFilePutByHandIntoTheSiteOrTheSpareIsSeen() async throws {
        var content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let site = try Incremental.site(root)
        let folder = Self.deepPage(site)
            .split(separator: "/").dropLast().joined(separator: "/")
        let stray = root.appendingPathComponent("public/" + folder + "/stray.html")
        try Data("mine".utf8).write(to: stray)
        let cleared = try await Self.build(root)
        #expect(cleared.siteListed && cleared.written?.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: stray.path))
        try await FileStampTests.expectClean(root, content: content, over: site)

        // A spare to bring up to date, then a file put into it.
        try Self.edit(root, &content, amount: "462.7")
        _ = try await Self.build(root)
        let before = try Incremental.site(root)
        try Data("mine".utf8).write(to: root.appendingPathComponent("public.nianbao-new/" + folder + "/stray.html"))
        try Self.edit(root, &content, from: "462.7", amount: "463.7")
        let spare = try await Self.build(root)
        #expect(spare.spareListed && !spare.reusedSpare)
        try await FileStampTests.expectClean(root, content: content, over: before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/" + folder + "/stray.html").path))
    }

    /// A file removed by hand from the spare: the spare's folder moved, it is listed, and (its
    /// table naming a file it lacks) not trusted; the site is the clean build's.
    @Test func aFileRemovedByHandFromTheSpareIsSeen() async throws {
        var content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        try Self.edit(root, &content, amount: "462.7")
        _ = try await Self.build(root)
        let before = try Incremental.site(root)
        let page = Self.deepPage(before)
        try FileManager.default.removeItem(at: root.appendingPathComponent("public.nianbao-new/" + page))
        try Self.edit(root, &content, from: "462.7", amount: "463.7")
        let r = try await Self.build(root)
        #expect(r.spareListed && !r.reusedSpare)
        try await FileStampTests.expectClean(root, content: content, over: before)
    }

    /// A page edited by hand in place changes no folder: as with the listing before, a rebuild
    /// keeps it (the table's word), and `--clean` writes the clean build's site.
    @Test func aPageEditedByHandInPlaceIsForClean() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let site = try Incremental.site(root)
        let page = root.appendingPathComponent("public/index.html")
        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: Data("<!-- mine -->".utf8))
        try handle.close()
        let kept = try await Self.build(root)
        #expect(!kept.siteListed && kept.written?.written == 0)
        let clean = try await Self.build(root, clean: true)
        #expect(clean.written?.written ?? 0 >= 1)
        try await FileStampTests.expectClean(root, content: content, over: site)
    }

    /// Racy stamps: stamps taken before a moment that is not later than the folders' times
    /// (here the moment put back to the start of time) vouch for nothing — each folder is
    /// listed alone, its names found the same, and its stamp kept under the new moment; more
    /// folders than `listedAtMost` and the site is listed instead.
    @Test func racyFolderStampsAreListedOneByOne() async throws {
        let root = try Incremental.project(try Incremental.content())
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let public_ = root.appendingPathComponent("public").path
        var stamps = try #require(FolderStamps.read(site: public_))
        stamps.clock.file = 0
        stamps.clock.wall = 0
        var checked = 0
        let vouched = try #require(stamps.vouch(site: public_, margin: 0, checked: &checked))
        #expect(vouched.listed == stamps.folders.count && checked == stamps.folders.count)
        let refreshed = try #require(vouched.refreshed)
        checked = 0
        #expect(refreshed.vouch(site: public_, margin: 0, checked: &checked)?.listed == 0)
        // One name changed in a folder listed alone: not the same names.
        var renamed = stamps
        renamed.folders[renamed.folders.count - 1].names.digest &+= 1
        #expect(renamed.vouch(site: public_, margin: 0, checked: &checked) == nil)
        if stamps.folders.count <= FolderStamps.listedAtMost {
            let many = (0...FolderStamps.listedAtMost).map { _ in stamps.folders[0] }
            #expect(FolderStamps(clock: stamps.clock, table: stamps.table, files: stamps.files, folders: many)
                .vouch(site: public_, margin: 0, checked: &checked) == nil)
        }
    }

    /// The rule itself: a stamp of the clock's device vouches when older than the file
    /// system's moment; any stamp (another device's, or with no file-system clock) when older
    /// than the wall clock by the margin.
    @Test func theClockRule() throws {
        let clock = StampClock(wall: 10_000, device: 7, file: 5_000)
        func stamp(device: UInt64, _ time: Int64) -> FileStamp { FileStamp(device: device, inode: 1, size: 1, modified: time, changed: time) }
        #expect(clock.trusts(stamp(device: 7, 4_999), margin: 6_000))
        #expect(!clock.trusts(stamp(device: 7, 5_000), margin: 6_000))
        #expect(!clock.trusts(FileStamp(device: 7, inode: 1, size: 1, modified: 1, changed: 5_000), margin: 6_000))
        #expect(clock.trusts(stamp(device: 7, 7_999), margin: 2_000))
        #expect(clock.trusts(stamp(device: 8, 7_999), margin: 2_000))
        #expect(!clock.trusts(stamp(device: 8, 8_000), margin: 2_000))
        let wallOnly = StampClock(wall: 10_000, device: 0, file: 0)
        #expect(wallOnly.trusts(stamp(device: 0, 7_999), margin: 2_000) && !wallOnly.trusts(stamp(device: 0, 8_000), margin: 2_000))
        // Read now, on the file system of the repository's files (older than the test): later
        // than their times, and nothing left in the folder.
        let folder = Fixture.repositoryRoot.appendingPathComponent("content")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let now = StampClock.now(on: folder.path)
        let file = try #require(before.first.map { folder.appendingPathComponent($0).path })
        #expect(now.device != 0)
        #expect(now.trusts(try #require(FileStamp.of(file)), margin: Int64.max / 2))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }
}
