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
}
