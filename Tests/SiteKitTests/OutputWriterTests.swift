import Testing
import Foundation
import NianbaoTestSupport
@testable import SiteKit

/// Each test's folders go when the test ends (`TempFolders`).
@Suite final class OutputWriterTests {
    let temp = TempFolders("nianbao-out")

    func tempFolder() throws -> URL { try temp.folder() }

    static let marker = OutputFile(path: ".nianbao-site", text: OutputWriter.Staging.markerText)

    /// A table of five files written into the site at `root`, and the table read back.
    static func tableWrittenAndRead(in root: URL) throws -> (written: OutputTable, read: OutputTable) {
        let table = OutputTable(["b/index.html": 1, "b/报告.pdf": 2, "c/index.html": 3, "e.xml": 4, "index.html": 5])
        try FileManager.default.createDirectories(root.appendingPathComponent(".nianbao/cache").path)
        try table.data.write(to: root.appendingPathComponent(OutputTable.path))
        return (table, try #require(OutputTable.read(site: root.path)))
    }

    /// A table written in the order of the one it was read from, with paths added, changed and
    /// removed, is the table sorted: the same bytes; an added path the previous table had (or a
    /// previous table out of order) gives the sorted bytes too.
    @Test func aTableFollowsThePreviousOrder() throws {
        let (previous, read) = try Self.tableWrittenAndRead(in: tempFolder())
        #expect(read == previous)
        var next = previous
        next.digests["c/index.html"] = 30
        next.digests["e.xml"] = nil
        for (path, digest) in [("a.css", 6), ("b/z.html", 7), ("d/index.html", 8), ("zz/index.html", 9), ("b/报告.html", 10)] {
            next.digests[path] = UInt64(digest)
        }
        let added = ["zz/index.html", "a.css", "b/z.html", "d/index.html", "b/报告.html"]
        #expect(next.data(after: read, adding: added) == next.data)
        #expect(next.data(after: read, adding: added + ["index.html"]) == next.data)
        #expect(next.data(after: previous, adding: added) == next.data)
        let back = try BuildCache.unsealed(next.data(after: read, adding: added), magic: Array("nianbao-output\n".utf8), format: OutputTable.format) { r in
            try (0..<r.count()).map { _ in try (r.string(), r.fixed()) }
        }
        #expect(back.map(\.0) == next.digests.keys.sorted() && back.count == 9)
    }

    /// `OutputTable.digests(ofSorted:)` gives each path's digest, `nil` for a path the table
    /// lacks, walking a table read from its file beside sorted paths; paths out of order, and
    /// a table changed after it was read, are looked up one by one, with the same answers.
    @Test func aTableGivesTheDigestsOfSortedPaths() throws {
        let tables = try Self.tableWrittenAndRead(in: tempFolder())
        let table = tables.written
        var read = tables.read
        let wanted = ["a.css", "b/index.html", "b/z.html", "b/报告.pdf", "e.xml", "index.html", "zz"]
        #expect(read.digests(ofSorted: wanted) == [nil, 1, nil, 2, 4, 5, nil])
        #expect(read.digests(ofSorted: wanted.reversed()) == [nil, 5, 4, 2, nil, 1, nil])
        #expect(read.digests(ofSorted: []) == [] && table.digests(ofSorted: wanted) == [nil, 1, nil, 2, 4, 5, nil])
        read.digests["e.xml"] = 40
        #expect(read.digests(ofSorted: wanted) == [nil, 1, nil, 2, 40, 5, nil])
    }

    @Test func writesFilesAndReplacesTheOutputWhole() throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        let writer = OutputWriter(output: out)
        _ = try writer.write([OutputFile(path: "a/index.html", text: "one"), OutputFile(path: "old.html", text: "x")])
        let summary = try writer.write([OutputFile(path: "a/index.html", text: "one"), OutputFile(path: "b.html", text: "two")])
        #expect(summary == .init(written: 1, unchanged: 1, removed: 1))
        #expect(try FolderSnapshot.take(root) == FolderSnapshot([
            "public": .folder, "public/.nianbao-site": .file(Self.marker.data), "public/a": .folder,
            "public/a/index.html": .file(Data("one".utf8)), "public/b.html": .file(Data("two".utf8)),
        ]))
    }

    @Test func unchangedFileKeepsItsModificationTime() throws {
        let out = try tempFolder().appendingPathComponent("public")
        let writer = OutputWriter(output: out)
        _ = try writer.write([OutputFile(path: "same.html", text: "same"), OutputFile(path: "changed.html", text: "1")])
        let file = out.appendingPathComponent("same.html").path
        // A fixed time (1970 + 1,000,000 s) set on the file and read back: no clock is read.
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        _ = try writer.write([OutputFile(path: "same.html", text: "same"), OutputFile(path: "changed.html", text: "2")])
        var st = stat()
        #expect(stat(file, &st) == 0)
        #expect(st.st_mtim.tv_sec == 1_000_000 && st.st_mtim.tv_nsec == 0)
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "", "a//b", "./a", "a\\b", ".nianbao-site"])
    func refusesPathsThatLeaveTheOutput(_ path: String) throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        let writer = OutputWriter(output: out)
        _ = try writer.write([OutputFile(path: "index.html", text: "previous")])
        let before = try FolderSnapshot.take(root)
        #expect(throws: OutputWriter.Failure.unsafePath(path)) {
            try writer.write([OutputFile(path: "new.html", text: "n"), OutputFile(path: path, text: "bad")])
        }
        // The failed build left the previous output as it was, and nothing beside it.
        #expect(try FolderSnapshot.take(root) == before)
    }

    @Test func aFailedStagingLeavesThePreviousSiteAndNothingBesideIt() throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        let writer = OutputWriter(output: out)
        _ = try writer.write([OutputFile(path: "index.html", text: "previous")])
        let before = try FolderSnapshot.take(root)
        do {
            let staging = try writer.begin()
            try staging.add(OutputFile(path: "index.html", text: "new"))
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public.nianbao-new/index.html").path))
            #expect(throws: OutputWriter.Failure.duplicate("index.html")) { try staging.add(OutputFile(path: "index.html", text: "again")) }
        }   // dropped without a commit
        #expect(try FolderSnapshot.take(root) == before)
    }

    @Test func keepsHiddenEntriesAtTheTop() throws {
        let out = try tempFolder().appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref".utf8).write(to: out.appendingPathComponent(".git/HEAD"))
        _ = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "x")])
        _ = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "y")])
        #expect(try String(contentsOf: out.appendingPathComponent(".git/HEAD"), encoding: .utf8) == "ref")
    }

    /// A link in the previous output is never carried into the new site, even when what it
    /// points to holds the very bytes of a new file.
    @Test func aLinkInThePreviousSiteIsNotLinkedIntoTheNewOne() throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        _ = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "x")])
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        let page = out.appendingPathComponent("page.html").path
        try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: root.appendingPathComponent("secret.txt").path)
        let files = [OutputFile(path: "index.html", text: "x"), OutputFile(path: "page.html", text: "secret")]
        #expect(try OutputWriter(output: out).write(files) == .init(written: 1, unchanged: 1, removed: 0))
        let type = try FileManager.default.attributesOfItem(atPath: page)[.type] as? FileAttributeType
        #expect(type == .typeRegular)
    }

    @Test func refusesAFolderThatIsNotASiteAndKeepsItsFiles() throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for name in ["a.txt", "b.txt", "c.txt", "d.txt"] { try Data(name.utf8).write(to: out.appendingPathComponent(name)) }
        let before = try FolderSnapshot.take(root)
        #expect(throws: OutputRefusal(.notASite(names: ["a.txt", "b.txt", "c.txt"], count: 4), shown: out.path, resolved: out.path)) {
            try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "x")])
        }
        #expect(try FolderSnapshot.take(root) == before)
    }

    /// Staging names carry no process id: whatever a killed build left is found and removed,
    /// and a folder under that name that nianbao did not leave is refused, not deleted.
    @Test func removesWhatAKilledBuildLeftAndRefusesAForeignFolderUnderItsName() throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        _ = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "1")])
        for stale in ["public.nianbao-new", "public.nianbao-old"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(stale + "/deep"), withIntermediateDirectories: true)
            try Data(OutputWriter.Staging.markerText.utf8).write(to: root.appendingPathComponent(stale + "/.nianbao-site"))
            try Data("half".utf8).write(to: root.appendingPathComponent(stale + "/deep/page.html"))
        }
        _ = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "2")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])

        try FileManager.default.createDirectory(at: root.appendingPathComponent("public.nianbao-new"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: root.appendingPathComponent("public.nianbao-new/mine.txt"))
        let before = try FolderSnapshot.take(root)
        #expect(throws: OutputRefusal.self) { try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "3")]) }
        let after = try FolderSnapshot.take(root)
        #expect(after == before, "\(after)\n---\n\(before)")
    }

    /// An incremental writer keeps the site it replaced as the spare and brings it up to
    /// date the next time: only entries that differ are touched, counted exactly, and the
    /// site is the same as one staged in an empty folder.
    @Test func theSpareIsBroughtUpToDateTouchingOnlyWhatDiffers() throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        var writer = OutputWriter(output: out)
        writer.tracksOutput = true
        func files(_ pairs: [(String, String)]) -> [OutputFile] { pairs.map { OutputFile(path: $0.0, text: $0.1) } }
        func write(_ pairs: [(String, String)]) throws -> (OutputWriter.Summary, Int, Bool) {
            let staging = try writer.begin()
            for file in files(pairs) { try staging.put(file) }
            let summary = try staging.commit()
            return (summary, staging.operations, staging.reusesSpare)
        }
        let site1 = [("a.html", "a"), ("b/index.html", "b"), ("c/d/index.html", "c"), ("e.html", "e")]
        // First build: no site yet, so no spare after it.
        #expect(try write(site1).2 == false)
        // Second: a fresh folder (4 links, 3 folders, the marker and the folder, the table);
        // the first site stays as the spare.
        let site2 = [("a.html", "a"), ("b/index.html", "B"), ("c/d/index.html", "c"), ("e.html", "e")]
        let second = try write(site2)
        #expect(second.0 == .init(written: 1, unchanged: 3, removed: 0))
        #expect(second.1 == 2 + 3 + 4 + 1 && second.2 == false)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public.nianbao-new/b/index.html").path))
        // Third, in the spare (site 1): a.html and e.html are there as they are; b/index.html
        // is the live one's (unlink, link); f/g.html is new (folder, write); c/d/index.html
        // goes with its two folders; plus the spare's table removed and the new one written.
        let site3 = [("a.html", "a"), ("b/index.html", "B"), ("e.html", "e"), ("f/g.html", "g")]
        let third = try write(site3)
        #expect(third.0 == .init(written: 1, unchanged: 3, removed: 1))
        #expect(third.2 == true)
        #expect(third.1 == 1 + 2 + 2 + 3 + 1, "\(third.1) operations")
        var expected: [String: FolderSnapshot.Entry] = ["public": .folder, "public/.nianbao-site": .file(Self.marker.data),
                                                        "public/b": .folder, "public/f": .folder]
        for (path, text) in site3 { expected["public/" + path] = .file(Data(text.utf8)) }
        let taken = try FolderSnapshot.take(root).excluding("public.nianbao-new").excluding("public/.nianbao")
        #expect(taken == FolderSnapshot(expected), "\(taken)")
        // The spare is now site 2, whole, with its own table.
        let spare = try FolderSnapshot.take(root.appendingPathComponent("public.nianbao-new"))
        #expect(Set(spare.entries.keys.filter { !$0.hasPrefix(".") }) == ["a.html", "b", "b/index.html", "c", "c/d", "c/d/index.html", "e.html"])
        #expect(OutputTable.read(site: root.appendingPathComponent("public.nianbao-new").path)?.digests.count == 4)
    }

    /// A spare that cannot be trusted — its table gone (a build killed while it updated it)
    /// or damaged, or files put into it or removed by hand — is cleared, never carried into
    /// the site: the site is staged in an empty folder.
    @Test(arguments: ["no table", "damaged table", "stray file"])
    func anUntrustedSpareIsNotCarriedIntoTheSite(_ damage: String) throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        var writer = OutputWriter(output: out)
        writer.tracksOutput = true
        let site = [OutputFile(path: "a.html", text: "a"), OutputFile(path: "b/index.html", text: "b")]
        _ = try writer.write(site)
        _ = try writer.write(site + [OutputFile(path: "c.html", text: "c")])
        let spare = root.appendingPathComponent("public.nianbao-new")
        let table = spare.appendingPathComponent(OutputTable.path)
        switch damage {
        case "no table": try FileManager.default.removeItem(at: table)
        case "damaged table":
            var bytes = try Data(contentsOf: table)
            bytes[bytes.count / 2] ^= 1
            try bytes.write(to: table)
        default:
            try Data("mine".utf8).write(to: spare.appendingPathComponent("stray.html"))
            try FileManager.default.removeItem(at: spare.appendingPathComponent("b/index.html"))
            try FileManager.default.removeItem(at: spare.appendingPathComponent("b"))
            try Data("not a folder".utf8).write(to: spare.appendingPathComponent("b"))
        }
        let staging = try writer.begin()
        #expect(!staging.reusesSpare)
        for file in site + [OutputFile(path: "d/e.html", text: "e")] { try staging.put(file) }
        _ = try staging.commit()
        let taken = try FolderSnapshot.take(out)
        let files = Set(taken.entries.keys.filter { !$0.hasPrefix(".") })
        #expect(files == ["a.html", "b", "b/index.html", "d", "d/e.html"])
        #expect(taken.entries["b/index.html"] == .file(Data("b".utf8)))
    }

    /// Where the file system cannot exchange, two renames; a kill between them leaves the
    /// previous site under `<output>.nianbao-old`, and the next build puts it back first.
    @Test func theFallbackSwapAndItsRecovery() throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        var writer = OutputWriter(output: out)
        writer.allowsExchange = false
        _ = try writer.write([OutputFile(path: "index.html", text: "1")])
        #expect(try writer.write([OutputFile(path: "index.html", text: "2")]) == .init(written: 1, unchanged: 0, removed: 0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])

        // As a kill between the two renames leaves it:
        try FileManager.default.moveItem(at: out, to: root.appendingPathComponent("public.nianbao-old"))
        let staging = try writer.begin()
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == "2")
        try staging.add(OutputFile(path: "index.html", text: "2"))
        #expect(try staging.commit() == .init(written: 0, unchanged: 1, removed: 0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func theOutputKeepsThePermissionsOfTheFolderItReplaces() throws {
        let out = try tempFolder().appendingPathComponent("public")
        _ = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "1")])
        try FileManager.default.setAttributes([.posixPermissions: 0o2775], ofItemAtPath: out.path)
        _ = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "2")])
        #expect(try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int == 0o2775)
    }

    @Test func anIOFailureSaysWhatWentWrongAndWhatToDo() throws {
        let root = try tempFolder()
        try Data("x".utf8).write(to: root.appendingPathComponent("file"))
        let out = root.appendingPathComponent("file/public")
        #expect(throws: IOFailure(path: root.appendingPathComponent("file").path, action: .create, number: EEXIST)) {
            try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "x")])
        }
        #expect(IOFailure(path: "public/a.html", action: .write, number: ENOSPC).description
                == "public/a.html: error: 无法写入：磁盘空间不足（腾出空间后重新运行） [output.io]")
        #expect(IOFailure(path: "public", action: .create, number: EACCES).description
                == "public: error: 无法创建：没有权限（检查这个文件夹的权限，或换一个可写的文件夹） [output.io]")
        let cocoa = CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/x/y"])
        #expect(IOFailure(cocoa, path: "?", action: .write) == IOFailure(path: "/x/y", action: .write, number: ENOSPC))
    }

    /// `Disk.holds` compares a file a block at a time: the same bytes over many blocks, and
    /// every way of differing (the last byte, a byte more or less, a link to the same bytes).
    @Test func aFileHoldsExactlyItsBytes() throws {
        let dir = try temp.folder().path
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let path = dir + "/file"
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(Disk.holds(path, bytes))
        var last = bytes
        last[last.count - 1] ^= 1
        #expect(!Disk.holds(path, last))
        #expect(!Disk.holds(path, bytes + [0]))
        #expect(!Disk.holds(path, bytes.dropLast()))
        #expect(!Disk.holds(dir + "/none", bytes))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: path)
        #expect(!Disk.holds(dir + "/link", bytes))
        try Data().write(to: URL(fileURLWithPath: dir + "/empty"))
        #expect(Disk.holds(dir + "/empty", Data()) && !Disk.holds(dir + "/empty", Data([0])))
    }

    /// `Disk.mapped` gives a file's bytes, mapped when the file is large and read when it is
    /// small, and nothing for a folder or a file that is not there.
    @Test func aMappedFileGivesItsBytes() throws {
        let dir = try temp.folder().path
        for count in [0, 10, (1 << 20) - 1, 3 << 20] {
            let bytes = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7) })
            try bytes.write(to: URL(fileURLWithPath: dir + "/f\(count)"))
            #expect(Disk.mapped(dir + "/f\(count)") == bytes)
        }
        #expect(Disk.mapped(dir) == nil && Disk.mapped(dir + "/none") == nil)
    }
}
