import Testing
import Foundation
@testable import SiteKit

@Suite struct OutputWriterTests {
    func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesFilesAndReplacesTheOutputWhole() throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        let writer = OutputWriter(output: out)
        _ = try writer.write([OutputFile(path: "a/index.html", text: "one"), OutputFile(path: "old.html", text: "x")])
        let summary = try writer.write([OutputFile(path: "a/index.html", text: "one"), OutputFile(path: "b.html", text: "two")])
        #expect(summary == .init(written: 1, unchanged: 1))
        #expect(try String(contentsOf: out.appendingPathComponent("a/index.html"), encoding: .utf8) == "one")
        #expect(try String(contentsOf: out.appendingPathComponent("b.html"), encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("old.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(leftovers == ["public"])
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

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "", "a//b", "./a", "a\\b"])
    func refusesPathsThatLeaveTheOutput(_ path: String) throws {
        let root = try tempFolder()
        let out = root.appendingPathComponent("public")
        let writer = OutputWriter(output: out)
        _ = try writer.write([OutputFile(path: "index.html", text: "previous")])
        #expect(throws: OutputWriter.Failure.self) {
            try writer.write([OutputFile(path: "new.html", text: "n"), OutputFile(path: path, text: "bad")])
        }
        // The failed build left the previous output as it was, and nothing beside it.
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("new.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func keepsHiddenEntriesAtTheTop() throws {
        let out = try tempFolder().appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref".utf8).write(to: out.appendingPathComponent(".git/HEAD"))
        _ = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "x")])
        #expect(try String(contentsOf: out.appendingPathComponent(".git/HEAD"), encoding: .utf8) == "ref")
    }
}
