import Testing
import Foundation
import NianbaoTestSupport
@testable import SiteKit

/// The spare made before a build needs it (`OutputWriter.prepareSpare`, what `serve` does
/// while it waits): the next build brings it up to date touching only what differs, exactly
/// as it does the site an incremental build kept; until its table is written it is not
/// trusted.
@Suite final class SparePreparationTests {
    let temp = TempFolders("nianbao-spare")

    func tempFolder() throws -> URL { try temp.folder() }

    static func files(_ pairs: [(String, String)]) -> [OutputFile] { pairs.map { OutputFile(path: $0.0, text: $0.1) } }
    static let site1 = files([("a.html", "a"), ("b/index.html", "b"), ("c/d/index.html", "c"), ("e.html", "e")])
    static let site2 = files([("a.html", "a"), ("b/index.html", "B"), ("c/d/index.html", "c"), ("e.html", "e")])

    func writer(_ out: URL) -> OutputWriter {
        var writer = OutputWriter(output: out)
        writer.tracksOutput = true
        return writer
    }

    /// The site (its own files, the build's records left out) as a clean build writes it.
    func clean(_ files: [OutputFile]) throws -> FolderSnapshot {
        let out = try tempFolder().appendingPathComponent("public")
        _ = try writer(out).write(files)
        return try FolderSnapshot.take(out).excluding(".nianbao")
    }

    /// Site 1 written by a first (full) build: its writer, output and spare's path (none yet).
    func built() throws -> (writer: OutputWriter, out: URL, spare: String) {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        let writer = writer(out)
        _ = try writer.write(Self.site1)
        return (writer, out, root.path + "/public.nianbao-new")
    }

    /// Site 1 edited into site 2 (b/index.html changed) in the spare: the operations it took.
    func edit(_ writer: OutputWriter) throws -> Int {
        let staging = try writer.begin()
        #expect(staging.reusesSpare)
        for file in Self.site2 { try staging.put(file) }
        #expect(try staging.commit() == .init(written: 1, unchanged: 3, removed: 0))
        return staging.operations
    }

    func inode(_ path: String) -> UInt64 {
        var st = stat()
        return stat(path, &st) == 0 ? UInt64(st.st_ino) : 0
    }

    /// After a first (full) build there is no spare; prepared, it holds the live site's files
    /// as the same inodes, and the edit that follows touches 4 entries (the spare's table
    /// removed, b/index.html unlinked and written, the new table) instead of the 10 of a build
    /// from an empty folder — none linked from the live site — and leaves the site a clean
    /// build writes.
    @Test func anEditAfterAPreparedSpareTouchesOnlyWhatDiffers() throws {
        let (writer, out, spare) = try built()
        #expect(!FileManager.default.fileExists(atPath: spare))
        #expect(try writer.prepareSpare() == .made(files: 4))
        for file in Self.site1 { #expect(inode(spare + "/" + file.path) == inode(out.path + "/" + file.path)) }
        #expect(OutputTable.read(site: spare)?.digests.count == 4)
        #expect(FolderStamps.read(site: spare) != nil)
        // There now: left as it is.
        #expect(try writer.prepareSpare() == .present)
        #expect(OutputTable.read(site: spare)?.digests.count == 4)

        #expect(try edit(writer) == 1 + 2 + 1)
        #expect(try FolderSnapshot.take(out).excluding(".nianbao") == clean(Self.site2))
    }

    /// Stopped early (`serve` stopping), the files linked so far are sealed as the spare: its
    /// table names exactly them, and the next build brings it up to date (linking the rest)
    /// to the site a clean build writes.
    @Test func aStoppedPreparationLeavesASpareOfWhatItLinked() throws {
        let (writer, out, spare) = try built()
        var asked = 0
        let result = try writer.prepareSpare(stopping: {
            asked += 1
            return asked > 2
        })
        #expect(result == .stopped(files: 2))
        #expect(OutputTable.read(site: spare).map { Set($0.digests.keys) } == ["a.html", "b/index.html"])

        // The spare's table removed; b/index.html unlinked and written; c, c/d and
        // c/d/index.html, e.html linked; the new table.
        #expect(try edit(writer) == 1 + 2 + 4 + 1)
        #expect(try FolderSnapshot.take(out).excluding(".nianbao") == clean(Self.site2))
    }

    /// A preparation cut short before its table is written (killed) leaves a folder that is
    /// not trusted: the next build clears it and starts from an empty folder.
    @Test func anUnfinishedPreparationIsNotTrusted() throws {
        let (writer, out, spare) = try built()
        do {
            let staging = try OutputWriter.Staging(writer, opensSpare: false)
            let live = try #require(staging.live)
            for path in ["a.html", "b/index.html"] { try staging.keep(path, digest: try #require(live[path])) }
            // As a kill here leaves it: the marker and two files, no table.
            var checked = 0, listed = false
            var stamps: (stamps: FolderStamps, listed: [String])?
            #expect(FileManager.default.fileExists(atPath: spare + "/a.html"))
            #expect(OutputWriter.Staging.trustedSpare(spare, margin: 0, checked: &checked, listed: &listed, stamps: &stamps) == nil)
            try staging.seal()
            #expect(OutputWriter.Staging.trustedSpare(spare, margin: 0, checked: &checked, listed: &listed, stamps: &stamps)?.digests.count == 2)
        }
        // Sealed, then its table lost: cleared, and the site staged from an empty folder.
        try FileManager.default.removeItem(atPath: spare + "/" + OutputTable.path)
        let staging = try writer.begin()
        #expect(!staging.reusesSpare)
        for file in Self.site2 { try staging.put(file) }
        _ = try staging.commit()
        #expect(try FolderSnapshot.take(out).excluding(".nianbao") == clean(Self.site2))
    }
}
