import Foundation
import Testing
@testable import SiteKit

/// `ZipSplice` must give the bytes `DataZip.archive` gives from the same files, whatever it
/// copied from the previous archive (issue 10: adding a report to a year deflates one entry).
struct ZipSpliceTests {
    /// Seeded files of report.json-like text, some of them empty or tiny.
    static func files(_ count: Int, seed: UInt64) -> [(String, Data)] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        return (0..<count).map { i in
            let length = Int(next() % 3000)
            let text = (0..<length).map { _ in ["报", "告", "{", "\"", "1", "2", " ", "\n", "a"][Int(next() % 9)] }.joined()
            return ("r\(String(format: "%04d", i * 7 % count))/2020/report.json", Data(text.utf8))
        } + [("reports.csv", Data("a,b\n1,2\n".utf8)), ("empty.json", Data())]
    }

    @Test func copiesUnchangedEntriesAndGivesTheBytesOfAFreshArchive() throws {
        let before = Self.files(40, seed: 1)
        let old = try DataZip.archive(before)
        var after = before
        after[3].1 = Data("changed".utf8)                        // an entry changed
        after.remove(at: 10)                                      // one gone
        after.append(("r9999/2021/report.json", Data("{}\n".utf8)))   // one added, sorting last
        after.append(("a0000/report.json", Data("first".utf8)))       // one added, sorting first
        let spliced = try #require(try ZipSplice.archive(after, previous: old))
        #expect(spliced == (try DataZip.archive(after)))
        // Nothing changed: the same bytes as the old archive.
        #expect(try ZipSplice.archive(before, previous: old) == old)
        // Everything changed.
        let other = Self.files(40, seed: 2)
        #expect(try ZipSplice.archive(other, previous: old) == (try DataZip.archive(other)))
        // Nothing left.
        #expect(try ZipSplice.archive([], previous: old) == (try DataZip.archive([])))
    }

    @Test func copiesAnEntryOnlyWhenItsBytesAreTheSame() throws {
        let old = try DataZip.archive([("a.json", Data("abcdef".utf8))])
        let entry = try #require(ZipSplice.entries([UInt8](old))?.entries.first)
        #expect(ZipSplice.same(entry, in: [UInt8](old), as: Data("abcdef".utf8)))
        #expect(!ZipSplice.same(entry, in: [UInt8](old), as: Data("abcdeg".utf8)))
        #expect(!ZipSplice.same(entry, in: [UInt8](old), as: Data("abcde".utf8)))
    }

    /// A previous file that is not an archive this program wrote is not used, never trusted.
    @Test func readsNoArchiveItDidNotWrite() throws {
        let files = Self.files(5, seed: 3)
        #expect(try ZipSplice.archive(files, previous: Data("not a zip".utf8)) == nil)
        #expect(try ZipSplice.archive(files, previous: Data()) == nil)
        var damaged = [UInt8](try DataZip.archive(files))
        damaged[damaged.count - 6] ^= 0xFF                       // the central directory's offset
        #expect(try ZipSplice.archive(files, previous: Data(damaged)) == nil)
    }
}
