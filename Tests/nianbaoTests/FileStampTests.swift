import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NianbaoTestSupport
import SiteKit
import Testing

/// Issue 10: a rebuild does not open a report file whose stamps (device, inode, size,
/// modification and change times) the last build saw and can vouch for — and every change to
/// a file's bytes is still seen, however its stamps were handled (counted, never timed). The
/// racy-timestamp margin is 0 here unless a test says otherwise: the files are written just
/// before each build, and with the real margin (2 s) none would be vouched for.
@Suite struct FileStampTests {
    typealias Incremental = IncrementalBuildTests

    static func build(_ root: URL, margin: Int64 = 0, clean: Bool = false) async throws -> Pipeline.Result {
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Incremental.theme, baseURL: nil)
        var pipeline = Pipeline(plan: plan)
        pipeline.limits.racyMargin = margin
        pipeline.clean = clean
        return try await pipeline.build()
    }

    /// The site a clean build of `content` over `previous` writes (the search ids kept).
    static func expectClean(_ root: URL, content: [String: Data], over previous: [String: Data],
                            sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let clean = try Incremental.project(content, over: previous)
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try await build(clean, clean: true)
        let site = try Incremental.site(root), reference = try Incremental.site(clean)
        // The search index's segments aside (a delta where the clean build merged it; the two
        // read the same: `SearchIndexSegmentTests`, the browser tests).
        let paths = site.keys.filter { !$0.hasPrefix(".") && !Incremental.isSegment($0) }.sorted()
        #expect(paths == reference.keys.filter { !$0.hasPrefix(".") && !Incremental.isSegment($0) }.sorted(), sourceLocation: sourceLocation)
        for path in paths { #expect(site[path] == reference[path], "\(path) differs from a clean build", sourceLocation: sourceLocation) }
    }

    /// A file's modification time, to the nanosecond.
    static func modified(_ url: URL) throws -> timespec {
        var st = stat()
        #expect(stat(url.path, &st) == 0)
        return st.st_mtim
    }

    static func setModified(_ url: URL, _ time: timespec) throws {
        var times = [time, time]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    static func later(_ t: timespec) -> timespec { timespec(tv_sec: t.tv_sec + 1, tv_nsec: t.tv_nsec) }
    static func same(_ a: timespec, _ b: timespec) -> Bool { a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec }

    static let edited = "001_ca48803eb8e502d4.txt"

    /// A second build with nothing changed opens no report file; the third too.
    @Test func unchangedFilesAreNotOpened() async throws {
        let root = try Incremental.project(try Incremental.content())
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        #expect(first.filesRead == 9)
        let before = try Incremental.site(root)
        let second = try await Self.build(root)
        #expect(second.filesRead == 0 && second.parsed == 0 && second.written?.written == 0)
        let third = try await Self.build(root)
        #expect(third.filesRead == 0)
        #expect(try Incremental.site(root) == before)
    }

    /// When every file is the cache's, the checks across reports are the last build's, not
    /// run again: the same diagnostics, the duplicate-report warnings among them; one file
    /// touched (read, not parsed) and they are run again, to the same result.
    @Test func theChecksAcrossReportsAreKeptWhenNoFileChanged() async throws {
        var content = try Incremental.content()
        content["copy-of-001.txt"] = content[Self.edited]
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        let duplicates = first.diagnostics.filter { $0.diagnostic.code.rawValue == "report.duplicate" }
        #expect(duplicates.count == 2)
        let second = try await Self.build(root)
        #expect(second.filesRead == 0)
        #expect(second.diagnostics == first.diagnostics)
        let file = root.appendingPathComponent("content/" + Self.edited)
        try Self.setModified(file, Self.later(try Self.modified(file)))
        let third = try await Self.build(root)
        #expect(third.filesRead == 1 && third.parsed == 0)
        #expect(third.diagnostics == first.diagnostics)
    }

    /// A file touched without a change is read and hashed (its stamps changed), not parsed,
    /// and nothing is written; the build after that vouches for it again.
    @Test func aTouchedFileIsReadNotParsed() async throws {
        let root = try Incremental.project(try Incremental.content())
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        _ = try await Self.build(root)
        let before = try Incremental.site(root)
        let file = root.appendingPathComponent("content/" + Self.edited)
        try Self.setModified(file, Self.later(try Self.modified(file)))
        let touched = try await Self.build(root)
        #expect(touched.filesRead == 1 && touched.parsed == 0 && touched.written?.written == 0)
        #expect(try Incremental.site(root) == before)
        let after = try await Self.build(root)
        #expect(after.filesRead == 0)
    }

    /// The same number of bytes, and the modification time put back as it was: the change time
    /// (which no program can set back) still tells, and the site is the clean build's.
    @Test func aSameSizeEditWithItsTimeRestoredIsSeen() async throws {
        var content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        _ = try await Self.build(root)
        let before = try Incremental.site(root)
        let file = root.appendingPathComponent("content/" + Self.edited)
        let time = try Self.modified(file)
        let text = String(decoding: content[Self.edited]!, as: UTF8.self)
        let changed = Data(text.replacingOccurrences(of: "\t461.7 万元", with: "\t462.7 万元").utf8)
        #expect(changed.count == content[Self.edited]!.count && changed != content[Self.edited])
        content[Self.edited] = changed
        // In place: the same inode.
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: changed)
        try handle.close()
        try Self.setModified(file, time)
        #expect(Self.same(try Self.modified(file), time))
        let r = try await Self.build(root)
        #expect(r.filesRead == 1 && r.parsed == 1)
        #expect(r.written?.written ?? 0 > 0)
        try await Self.expectClean(root, content: content, over: before)
    }

    /// A file replaced by another of the same size, with the same modification time (a copy
    /// kept with `cp -p`, an editor saving through a new file): another inode, read again.
    @Test func aFileReplacedWithTheSameSizeAndTimeIsSeen() async throws {
        var content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let before = try Incremental.site(root)
        let file = root.appendingPathComponent("content/" + Self.edited)
        let time = try Self.modified(file)
        let text = String(decoding: content[Self.edited]!, as: UTF8.self)
        content[Self.edited] = Data(text.replacingOccurrences(of: "\t461.7 万元", with: "\t462.7 万元").utf8)
        let beside = root.appendingPathComponent("content-new.txt")
        try content[Self.edited]!.write(to: beside)
        try Self.setModified(beside, time)
        #expect(rename(beside.path, file.path) == 0)
        let r = try await Self.build(root)
        #expect(r.filesRead == 1 && r.parsed == 1)
        try await Self.expectClean(root, content: content, over: before)
    }

    /// A sidecar front matter file put beside a PDF, then changed in place with its size and
    /// modification time kept: each time the PDF is read again and the site is the clean
    /// build's. Beside a text file (which reads no sidecar) it changes nothing.
    @Test func aSidecarBesideAPDFIsSeen() async throws {
        var content = try Incremental.content()
        let pdf = Fixture.repositoryRoot.appendingPathComponent("Tests/InputKitTests/Fixtures/office/seed-001.pdf")
        content["seed-001.pdf"] = try Data(contentsOf: pdf)
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let before = try Incremental.site(root)
        content[Self.edited + ".yml"] = Data("year: 2019\n".utf8)
        try content[Self.edited + ".yml"]!.write(to: root.appendingPathComponent("content/" + Self.edited + ".yml"))
        let beside = try await Self.build(root)
        #expect(beside.filesRead == 0)

        let sidecar = root.appendingPathComponent("content/seed-001.pdf.yml")
        content["seed-001.pdf.yml"] = Data("year: 2019\n".utf8)
        try content["seed-001.pdf.yml"]!.write(to: sidecar)
        let added = try await Self.build(root)
        #expect(added.filesRead == 1 && added.parsed == 1)
        try await Self.expectClean(root, content: content, over: before)

        let time = try Self.modified(sidecar)
        let previous = try Incremental.site(root)
        content["seed-001.pdf.yml"] = Data("year: 2018\n".utf8)
        let handle = try FileHandle(forWritingTo: sidecar)
        try handle.write(contentsOf: content["seed-001.pdf.yml"]!)
        try handle.close()
        try Self.setModified(sidecar, time)
        let changed = try await Self.build(root)
        #expect(changed.filesRead == 1 && changed.parsed == 1)
        try await Self.expectClean(root, content: content, over: previous)
    }

    /// Racy stamps: a file whose times are not older than the last scan's moment (on the file
    /// system's clock and on the wall clock: here an hour ahead) is read again, every time,
    /// until they are.
    @Test func stampsTooCloseToTheLastScanAreNotTrusted() async throws {
        let root = try Incremental.project(try Incremental.content())
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let folder = root.appendingPathComponent("content")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0) }
        func shift(_ seconds: Int) throws {
            for file in files { try Self.setModified(file, timespec(tv_sec: time(nil) + seconds, tv_nsec: 0)) }
        }
        try shift(3_600)
        let second = try await Self.build(root)
        #expect(second.filesRead == 9 && second.parsed == 0 && second.written?.written == 0)
        let third = try await Self.build(root)
        #expect(third.filesRead == 9)
        try shift(-3_600)
        let fourth = try await Self.build(root)
        #expect(fourth.filesRead == 9)
        let fifth = try await Self.build(root)
        #expect(fifth.filesRead == 0)
    }

    /// A damaged stamps file vouches for nothing: every file is read, nothing is parsed.
    @Test func aDamagedStampsFileIsNotTrusted() async throws {
        let root = try Incremental.project(try Incremental.content())
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        try Incremental.damage(root.appendingPathComponent("public/.nianbao/cache/stamps.bin"))
        let r = try await Self.build(root)
        #expect(r.cache == .used && r.filesRead == 9 && r.parsed == 0)
        let again = try await Self.build(root)
        #expect(again.filesRead == 0)
    }
}
