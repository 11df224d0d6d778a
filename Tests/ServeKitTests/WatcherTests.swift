import Foundation
import Testing
@testable import ServeKit

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

    /// With folder events (Linux inotify), the watcher looks at the files only when a folder
    /// says something happened: many checks while nothing changes, a handful of looks in all
    /// (the first, one more for the folders watched after it began, the change, its settling).
    /// Polling (`folderEvents: false`) looks at every check. Counted, never timed: the bound
    /// holds however long the sleeps take.
    @Test func folderEventsSpareTheLooksWhileNothingChanges() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path
        var watcher = Watcher(roots: [content, dir.appendingPathComponent("site.yml").path])
        #if canImport(Glibc)
        #expect(watcher.usesFolderEvents)
        #expect(watcher.watchedFolders == 4)  // content, content/sub, content/public, the project (site.yml's)
        #endif
        watcher.quick = .milliseconds(2)
        watcher.settle = .milliseconds(5)
        watcher.fullLook = .seconds(3600)
        let late = Task {
            try await Task.sleep(for: .milliseconds(300))
            try Data("new".utf8).write(to: URL(fileURLWithPath: content + "/sub/b.txt"))
        }
        #expect(try await watcher.next() == [content + "/sub/b.txt"])
        try await late.value
        #if canImport(Glibc)
        #expect(watcher.looks <= 5, "\(watcher.looks) looks")
        #endif
        // A folder made after the watcher began is watched too.
        try FileManager.default.createDirectory(atPath: content + "/new", withIntermediateDirectories: false)
        try Data("n".utf8).write(to: URL(fileURLWithPath: content + "/new/n.txt"))
        #expect(try await watcher.next() == [content + "/new/n.txt"])
        try Data("m".utf8).write(to: URL(fileURLWithPath: content + "/new/m.txt"))
        #expect(try await watcher.next() == [content + "/new/m.txt"])
        // site.yml, a file watched through its folder, removed.
        try FileManager.default.removeItem(atPath: dir.appendingPathComponent("site.yml").path)
        #expect(try await watcher.next() == [dir.appendingPathComponent("site.yml").path])
    }

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
