import Foundation
import Testing
@testable import InputKit

/// Issue 10: `serve` brings its last walk of the content folder up to date at the files its
/// watcher names (`Discovery.updated`) instead of walking it again: the same entries, notes
/// and stamps as a new walk, from the `lstat` of each folder and each named file; and `nil`
/// (walk again) wherever a folder's stamp cannot vouch for its names.
@Suite struct ContentFolderUpdateTests {
    typealias Scratch = ContentFolderTests.Scratch

    /// Writes into the file in place (truncated, then written): its folder's stamp stays.
    static func inPlace(_ s: Scratch, _ path: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: s.content.appendingPathComponent(path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// Waits until the file system's clock has ticked since the walk, so that a change is
    /// stamped after it (what the racy-timestamp rule, `trusts`, here always yes, guards
    /// against otherwise): a file written beside the content folder, then again until its
    /// modification time moves. Whatever the file system's granularity, never a guessed delay.
    static func tick(_ s: Scratch) {
        let probe = s.root.appendingPathComponent(".tick").path
        func written() -> timespec {
            _ = FileManager.default.createFile(atPath: probe, contents: Data("t".utf8))
            var st = stat()
            _ = stat(probe, &st)
            return st.st_mtim
        }
        let first = written()
        for _ in 0..<5_000 {
            let now = written()
            if now.tv_sec != first.tv_sec || now.tv_nsec != first.tv_nsec { return }
            usleep(1_000)
        }
        Issue.record("the file system's clock did not move in 5,000 writes")
    }

    static func walk(_ s: Scratch) throws -> ContentFolder.Discovery { try ContentFolder.discover(in: s.content) }

    static func expectSame(_ a: ContentFolder.Discovery?, _ b: ContentFolder.Discovery) {
        #expect(a?.entries == b.entries)
        #expect(a?.notes == b.notes)
        #expect(a?.folders == b.folders && a?.base == b.base)
    }

    @Test func theNamedFilesAreStampedAgainAndNothingIsWalked() throws {
        let s = try Scratch()
        try s.write("a.txt")
        try s.write("c.txt")
        try s.write("sub/b.pdf", "%PDF-1.4\n")
        try s.write("sub/b.pdf.yml", "year: 2020\n")
        try s.write("notes.xlsx")
        try s.write(".hidden")
        let first = try Self.walk(s)
        #expect(first.folders.keys.sorted() == ["", "sub"] && first.links == 0)
        Self.tick(s)
        try Self.inPlace(s, "a.txt", "正文，改过\n")
        try Self.inPlace(s, "sub/b.pdf.yml", "year: 2021\n")
        try Self.inPlace(s, "notes.xlsx", "x")
        var looked = 0
        let updated = first.updated(at: ["a.txt", "sub/b.pdf.yml", "notes.xlsx", "gone.txt"], in: s.content, trusts: { _ in true },
                                    looked: &looked)
        Self.expectSame(updated, try Self.walk(s))
        // Two folders, the report and the sidecar: a file that is neither is not looked at.
        #expect(looked == 4)
        #expect(updated?.entries.map(\.stamp) != first.entries.map(\.stamp))
    }

    @Test func whatAFolderCannotVouchForIsWalkedAgain() throws {
        let s = try Scratch()
        try s.write("a.txt")
        try s.write("sub/b.txt")
        let first = try Self.walk(s)
        var looked = 0
        // Its stamp too new to vouch (the racy-timestamp rule): walked.
        #expect(first.updated(at: [], in: s.content, trusts: { _ in false }, looked: &looked) == nil)
        Self.expectSame(first.updated(at: [], in: s.content, trusts: { _ in true }, looked: &looked), first)
        // A hidden file put beside the reports (a note of the walk, never named by the watcher).
        Self.tick(s)
        try s.write("sub/.hidden")
        #expect(first.updated(at: [], in: s.content, trusts: { _ in true }, looked: &looked) == nil)
        let second = try Self.walk(s)
        // A report added, or renamed.
        Self.tick(s)
        try s.write("added.txt")
        #expect(second.updated(at: ["added.txt"], in: s.content, trusts: { _ in true }, looked: &looked) == nil)
        let third = try Self.walk(s)
        Self.tick(s)
        #expect(rename(s.content.appendingPathComponent("a.txt").path, s.content.appendingPathComponent("z.txt").path) == 0)
        #expect(third.updated(at: ["a.txt", "z.txt"], in: s.content, trusts: { _ in true }, looked: &looked) == nil)
        // Another content folder.
        let other = try Scratch()
        try other.write("a.txt")
        #expect(third.updated(at: [], in: other.content, trusts: { _ in true }, looked: &looked) == nil)
    }

    /// A link is read through (its target's changes are named by the target's path) or left
    /// out with a note that depends on what it points to: a walk that met one is walked again.
    @Test func aWalkWithALinkIsWalkedAgain() throws {
        let s = try Scratch()
        try s.write("a.txt")
        try s.link("b.txt", to: "nowhere.txt")
        let first = try Self.walk(s)
        #expect(first.links == 1)
        var looked = 0
        #expect(first.updated(at: [], in: s.content, trusts: { _ in true }, looked: &looked) == nil)
    }
}
