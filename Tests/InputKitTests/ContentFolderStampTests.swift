import Foundation
import Testing
@testable import InputKit

/// Issue 10: the walk hands the scan what its `lstat` saw of each report file and of the
/// sidecar front matter beside it, so that the scan stamps a file without a second `stat` —
/// the same stamps `FileStamp.of` takes, and `unknown` only where it cannot tell.
@Suite struct ContentFolderStampTests {
    typealias Scratch = ContentFolderTests.Scratch

    @Test func theWalkStampsEachFileAndItsSidecarOnce() throws {
        let s = try Scratch()
        try s.write("a.txt")
        try s.write("b.pdf", "%PDF-1.4\n")
        try s.write("b.pdf.yml", "year: 2020\n")
        try s.write("c.pdf", "%PDF-1.4\n")
        try s.write("d.docx", "PK")
        try FileManager.default.createDirectory(at: s.content.appendingPathComponent("d.docx.yml"), withIntermediateDirectories: true)
        try s.link("e.txt", to: "a.txt")
        let found = try ContentFolder.discover(in: s.content).entries
        let by = Dictionary(uniqueKeysWithValues: found.map { ($0.relativePath, $0) })
        #expect(found.map(\.relativePath) == ["a.txt", "b.pdf", "c.pdf", "d.docx"])
        for entry in found { #expect(entry.stamp == FileStamp.of(entry.url.path), "\(entry.relativePath)") }
        #expect(by["a.txt"]?.sidecar == ContentFolder.Sidecar.none)
        #expect(by["b.pdf"]?.sidecar == .file(FileStamp.of(s.content.path + "/b.pdf.yml")!))
        #expect(by["c.pdf"]?.sidecar == ContentFolder.Sidecar.none)
        // A folder by the sidecar's name: not a file the walk can vouch for.
        #expect(by["d.docx"]?.sidecar == .unknown)
    }

    /// A link read under its own name is stamped by the scan (through the link), not by the walk.
    @Test func aLinkIsLeftToTheScan() throws {
        let s = try Scratch()
        try s.write("sub/raw.dat")
        try s.link("x.txt", to: "sub/raw.dat")
        let found = try ContentFolder.discover(in: s.content).entries
        #expect(found.map(\.relativePath) == ["x.txt"])
        #expect(found.first?.stamp == nil && found.first?.sidecar == .unknown)
    }

    /// Issue 10: a folder of many files is looked at in parts, one a core; each name gets what
    /// one `lstat` of it alone gives, in order, and a name that is gone its error.
    @Test func aLargeFolderIsLookedAtInPartsWithTheSameResults() throws {
        let s = try Scratch()
        var names: [[UInt8]] = []
        for i in 0..<600 {
            let name = String(format: "%03d.txt", i)
            if i % 100 != 7 { try s.write(name) }  // 6 names with no file
            names.append(Array(name.utf8))
        }
        let dir = try #require(opendir(s.content.path))
        defer { closedir(dir) }
        let one = ContentFolder.looks(at: names, in: dirfd(dir), cores: 1)
        let three = ContentFolder.looks(at: names, in: dirfd(dir), cores: 3)
        #expect(one.map(\.error) == three.map(\.error))
        #expect(one.map { FileStamp($0.info) } == three.map { FileStamp($0.info) })
        #expect(three.filter { $0.error == ENOENT }.count == 6)
        for (name, look) in zip(names, three) where look.error == 0 {
            #expect(FileStamp(look.info) == FileStamp.of(s.content.path + "/" + String(decoding: name, as: UTF8.self)))
        }
    }
}
