import Testing
import Foundation
import NianbaoTestSupport
@testable import SiteKit

/// A class, so that each test's folders go when the test ends (`deinit`).
@Suite final class OutputWriterTests {
    var folders: [URL] = []
    deinit { for url in folders { try? FileManager.default.removeItem(at: url) } }

    func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folders.append(url)
        return url
    }

    static let marker = OutputFile(path: ".nianbao-site", text: OutputWriter.Staging.markerText)

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
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file)
        _ = try writer.write([OutputFile(path: "same.html", text: "same"), OutputFile(path: "changed.html", text: "2")])
        let mtime = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        #expect(mtime == past)
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
}
