import Foundation
import Testing
@testable import ServeKit
#if canImport(Glibc)
import Glibc
#endif

@Suite struct WatcherTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("content/sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("content/public"), withIntermediateDirectories: true)
        for (path, text) in ["content/a.txt": "a", "content/sub/b.txt": "b", "site.yml": "title: x\n"] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(path))
        }
        return dir
    }

    @Test func stampsSeeAddedChangedAndRemovedFilesButNotDotFilesOrSkippedFolders() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path, site = dir.appendingPathComponent("site.yml").path
        let roots = [content, site, dir.appendingPathComponent("missing.yml").path]
        let skipping = [content + "/public"]
        let before = Stamps.take(roots, skipping: skipping)
        #expect(before.files.keys.sorted() == [content + "/a.txt", content + "/sub/b.txt", site])
        try Data("aa".utf8).write(to: URL(fileURLWithPath: content + "/a.txt"))
        try Data("c".utf8).write(to: URL(fileURLWithPath: content + "/c.txt"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: content + "/.a.txt.swp"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: content + "/public/index.html"))
        try FileManager.default.removeItem(atPath: content + "/sub/b.txt")
        let after = Stamps.take(roots, skipping: skipping)
        #expect(after.changes(since: before) == [content + "/a.txt", content + "/c.txt", content + "/sub/b.txt"])
        #expect(after.changes(since: after) == [])
    }

    /// A file replaced by another of the same size and time (an editor's write-and-rename) is
    /// a change: the inode differs.
    @Test func aFileRenamedOverAnotherIsAChange() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("content/a.txt").path, tmp = dir.appendingPathComponent("content/a.tmp").path
        let attributes = try FileManager.default.attributesOfItem(atPath: a)
        let before = Stamps.take([a])
        try Data("b".utf8).write(to: URL(fileURLWithPath: tmp))
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: tmp)
        #expect(rename(tmp, a) == 0)
        #expect(Stamps.take([a]).changes(since: before) == [a])
    }

    @Test func nextReturnsWhatChangedSinceTheLastLook() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path
        var watcher = Watcher(roots: [content])
        watcher.interval = .milliseconds(10)
        watcher.settle = .milliseconds(5)
        #expect(watcher.watched == 2)
        try Data("new".utf8).write(to: URL(fileURLWithPath: content + "/a.txt"))
        #expect(try await watcher.next() == [content + "/a.txt"])
        try Data("d".utf8).write(to: URL(fileURLWithPath: content + "/d.txt"))
        try Data("e".utf8).write(to: URL(fileURLWithPath: content + "/e.txt"))
        #expect(try await watcher.next() == [content + "/d.txt", content + "/e.txt"])
    }

    /// With folder events (Linux inotify), the watcher looks at everything once, when it
    /// begins; after that only at the paths events name. Counted, never timed: the bound holds
    /// however long the sleeps take.
    @Test func folderEventsSpareTheLooksWhileNothingChanges() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path
        var watcher = Watcher(roots: [content, dir.appendingPathComponent("site.yml").path])
        #if canImport(Glibc)
        #expect(watcher.usesFolderEvents)
        #expect(watcher.watchedFolders == 4)  // content, content/sub, content/public, the project (site.yml's)
        #endif
        watcher.settle = .milliseconds(5)
        watcher.fullLook = .seconds(3600)
        let late = Task {
            try await Task.sleep(for: .milliseconds(300))
            try Data("new".utf8).write(to: URL(fileURLWithPath: content + "/sub/b.txt"))
        }
        #expect(try await watcher.next() == [content + "/sub/b.txt"])
        try await late.value
        #if canImport(Glibc)
        #expect(watcher.looks == 1)
        #endif
        // A folder made after the watcher began is watched too.
        try FileManager.default.createDirectory(atPath: content + "/new", withIntermediateDirectories: false)
        try Data("n".utf8).write(to: URL(fileURLWithPath: content + "/new/n.txt"))
        #expect(try await watcher.next() == [content + "/new/n.txt"])
        try Data("m".utf8).write(to: URL(fileURLWithPath: content + "/new/m.txt"))
        #expect(try await watcher.next() == [content + "/new/m.txt"])
        // site.yml, a file watched through its folder, removed, and made again.
        try FileManager.default.removeItem(atPath: dir.appendingPathComponent("site.yml").path)
        #expect(try await watcher.next() == [dir.appendingPathComponent("site.yml").path])
        try Data("title: y\n".utf8).write(to: dir.appendingPathComponent("site.yml"))
        #expect(try await watcher.next() == [dir.appendingPathComponent("site.yml").path])
        #if canImport(Glibc)
        #expect(watcher.looks == 1)
        #endif
    }

    #if canImport(Glibc)
    /// A watcher told by folder events only (no look at everything every few seconds).
    func eventWatcher(_ roots: [String], settle: Duration = .milliseconds(5)) -> Watcher {
        var watcher = Watcher(roots: roots)
        watcher.settle = settle
        watcher.fullLook = .seconds(3600)
        return watcher
    }

    /// Issue 10: a save in a site of many files looks at the file saved, not at every file.
    /// 400 files in 4 folders; one changed: one `lstat`, and no look at everything.
    @Test func aChangeInOneFileLooksAtThatFileOnly() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path
        for f in 0..<4 {
            try FileManager.default.createDirectory(atPath: content + "/y\(f)", withIntermediateDirectories: false)
            for i in 0..<100 { try Data("\(i)".utf8).write(to: URL(fileURLWithPath: content + "/y\(f)/r\(i).txt")) }
        }
        var watcher = eventWatcher([content])
        #expect(watcher.watched == 402 && watcher.looks == 1)
        let first = watcher.looked
        #expect(first == 402 + 7)  // every file, and the folders: content, sub, public, y0…y3
        try Data("changed".utf8).write(to: URL(fileURLWithPath: content + "/y2/r50.txt"))
        #expect(try await watcher.next() == [content + "/y2/r50.txt"])
        #expect(watcher.looks == 1)
        #expect(watcher.looked - first == 1)
    }

    /// A save that truncates the file, then writes it later (longer than `settle`), is
    /// taken once, whole: the watcher waits for the file to be closed.
    @Test func aSaveThatTruncatesThenWritesIsTakenWhole() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path, a = content + "/a.txt"
        var watcher = eventWatcher([content])
        let text = "saved in two steps"
        let writer = Task.detached {
            let fd = open(a, O_WRONLY | O_TRUNC)
            try await Task.sleep(for: .milliseconds(200))
            _ = text.withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        #expect(try await watcher.next() == [a])
        try await writer.value
        #expect(watcher.stamps.files[a]?.size == UInt64(text.utf8.count))
        #expect(watcher.looks == 1 && watcher.looked == 5 + 1)
    }

    /// Editors that save by writing another file and renaming it over the report (and vim,
    /// which renames the report to a backup first, then writes it, then removes the backup):
    /// the report changed, and nothing else.
    @Test func aSaveByRenameIsOneChangeOfTheReport() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path, a = content + "/a.txt"
        var watcher = eventWatcher([content], settle: .milliseconds(50))
        try Data("written beside".utf8).write(to: URL(fileURLWithPath: a + ".new"))
        #expect(rename(a + ".new", a) == 0)
        #expect(try await watcher.next() == [a])
        #expect(watcher.stamps.files[a]?.size == 14)
        #expect(rename(a, a + "~") == 0)
        try Data("vim".utf8).write(to: URL(fileURLWithPath: a))
        #expect(unlink(a + "~") == 0)
        #expect(try await watcher.next() == [a])
        #expect(watcher.stamps.files[a]?.size == 3)
        #expect(watcher.looks == 1)
    }

    /// A folder moved into the content, moved within it, and written in at its new place.
    @Test func foldersMovedInAndAroundAreFollowed() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path, outside = dir.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside + "/deep", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: outside + "/deep/x.txt"))
        var watcher = eventWatcher([content])
        #expect(rename(outside, content + "/in") == 0)
        #expect(try await watcher.next() == [content + "/in/deep/x.txt"])
        #expect(rename(content + "/in", content + "/moved") == 0)
        #expect(try await watcher.next() == [content + "/in/deep/x.txt", content + "/moved/deep/x.txt"])
        try Data("y".utf8).write(to: URL(fileURLWithPath: content + "/moved/deep/y.txt"))
        #expect(try await watcher.next() == [content + "/moved/deep/y.txt"])
        try FileManager.default.removeItem(atPath: content + "/moved")
        #expect(try await watcher.next() == [content + "/moved/deep/x.txt", content + "/moved/deep/y.txt"])
        #expect(watcher.looks == 1)
    }
    #endif

    /// Without folder events the watcher polls, and still sees the change.
    @Test func withoutFolderEventsTheWatcherPolls() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path
        var watcher = Watcher(roots: [content], folderEvents: false)
        #expect(!watcher.usesFolderEvents && watcher.watchedFolders == 0)
        watcher.interval = .milliseconds(2)
        watcher.settle = .milliseconds(5)
        let late = Task {
            try await Task.sleep(for: .milliseconds(300))
            try Data("new".utf8).write(to: URL(fileURLWithPath: content + "/a.txt"))
        }
        #expect(try await watcher.next() == [content + "/a.txt"])
        try await late.value
        #expect(watcher.looks >= 2, "\(watcher.looks) looks")
    }
}
