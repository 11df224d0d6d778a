import Foundation
import Testing
@testable import SiteKit

/// Issue 10: reports added to the previous build's index (`SearchIndexBuilder.adding`) give the
/// bytes of an index made of every report with the same previous ids, and its `SearchState`.
@Suite struct SearchIndexAddTests {
    /// `count` reports of seeded text over a few phrases and characters, in four years and one
    /// unknown: enough reports share a phrase that its set is a file of its own (`search/s/`).
    static func documents(_ count: Int, seed: UInt64, prefix: String = "r") -> [SearchDocument] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let phrases = ["依申请公开", "政府信息公开申请", "行政复议", "行政诉讼", "主动公开", "本年度未收到申请", "低保", "Open Data"]
        let towns = [("掌政镇", "兴庆区", "640104100000"), ("习岗镇", "贺兰县", "640122100000"), ("兴泾镇", "西夏区", "640105100000")]
        return (0..<count).map { i in
            let year = [2019, 2020, 2021, 2022, nil][next(5)]
            let (town, county, code) = towns[next(3)]
            let text = (0..<(3 + next(6))).map { _ in phrases[next(phrases.count)] + String(next(40)) }.joined(separator: "。")
            return SearchIndexTests.doc("\(prefix)\(String(format: "%04d", i))/\(year.map(String.init) ?? "x")/", town, county,
                                        code: code, year: year, text: text)
        }
    }

    static func digest(_ doc: SearchDocument) -> UInt64 {
        var d = Digest()
        d.add(doc.folder)
        d.add(doc.title)
        d.add(doc.year)
        d.add(doc.indexedText)
        return d.value
    }

    /// The index of `docs` made whole, as a build makes it, with its state.
    static func made(_ docs: [SearchDocument], previous: SearchIDs = SearchIDs(), keysPerBucket: Int)
        -> (files: [String: Data], state: SearchState) {
        var builder = SearchIndexBuilder(previous: previous, keysPerBucket: keysPerBucket)
        for d in docs { builder.add(d) }
        let made = builder.made()
        var documents: [String: SearchState.Document] = [:]
        for (i, d) in docs.enumerated() { documents[d.folder] = SearchState.Document(digest: digest(d), id: made.ids[i]) }
        return (Dictionary(uniqueKeysWithValues: made.files.map { ($0.path, $0.data) }),
                SearchState(buckets: made.space.buckets, letters: made.space.letters, keys: made.keys,
                            letterKeys: made.space.letterKeys, documents: documents, sets: made.sets, salted: made.salted))
    }

    static func site(_ files: [String: Data]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-search-add-\(UUID().uuidString)")
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    /// Adds `added` to the index of `base` and checks it against the index made whole.
    func check(base: [SearchDocument], added: [SearchDocument], keysPerBucket: Int) throws {
        let before = Self.made(base, keysPerBucket: keysPerBucket)
        let root = try Self.site(before.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let all = base + added
        let result = try #require(SearchIndexBuilder.adding(all, digests: all.map(Self.digest), to: before.state, site: root,
                                                            keysPerBucket: keysPerBucket))
        let reference = Self.made(all, previous: SearchIDs(byFolder: before.state.documents.mapValues(\.id), buckets: before.state.buckets,
                                                                           letterBuckets: before.state.letters),
                                  keysPerBucket: keysPerBucket)
        var after = before.files
        for path in result.removed { after[path] = nil }
        for file in result.files { after[file.path] = file.data }
        #expect(after.keys.sorted() == reference.files.keys.sorted())
        for (path, data) in reference.files { #expect(after[path] == data, "\(path) differs from the index made whole") }
        #expect(result.state == reference.state)
        // Only what the new reports touch is written: not every key file, one or two pages of the table.
        let keyFiles = before.files.keys.filter { $0.hasPrefix("search/k/") }.count
        #expect(result.files.filter { $0.path.hasPrefix("search/k/") }.count < keyFiles)
        #expect(result.files.filter { $0.path.hasPrefix("search/d/") }.count <= 2 * added.count)
    }

    @Test func addingReportsGivesTheIndexMadeWhole() throws {
        let base = Self.documents(700, seed: 7)
        let before = Self.made(base, keysPerBucket: 8)
        // The case that matters: sets in files of their own, shared and salted by no collision.
        #expect(before.state.sets.count > 5)
        #expect(!before.state.salted)
        try check(base: base, added: Self.documents(1, seed: 8, prefix: "new"), keysPerBucket: 8)
        try check(base: base, added: Self.documents(3, seed: 9, prefix: "a"), keysPerBucket: 8)
        // A report of a year the site did not have, sorting first among the folders.
        let newYear = SearchIndexTests.doc("0000/2008/", "新镇", "兴庆区", code: "640104999000", year: 2008, text: "新的年份。依申请公开")
        try check(base: base, added: [newYear], keysPerBucket: 8)
    }

    /// A suggestion key lists the first 100 names: a name added before them, among them or
    /// after them gives the list made whole (the names after the first 100 are not in the file).
    @Test func suggestionsPastTheFirstHundredStayExact() throws {
        func town(_ i: Int, year: Int = 2020) -> SearchDocument {
            let name = "新" + String(Character(Unicode.Scalar(0x4E00 + 3 * i)!)) + "镇"
            return SearchIndexTests.doc("t\(i)/\(year)/", name, "兴庆区", code: "640104\(100 + i)000", year: year, text: "公开。")
        }
        let base = (10..<140).map { town($0) }
        for added in [[town(0)], [town(50, year: 2021)], [town(200)], [town(1), town(300)]] {
            try check(base: base, added: added, keysPerBucket: 8)
        }
    }

    /// An index with no letter key has no letter key files: the first report that brings one
    /// makes the index again (an addition never resizes a space of key files).
    @Test func theFirstLetterKeyMakesTheIndexAgain() throws {
        let base = [SearchIndexTests.doc("a/2020/", "掌政镇", "兴庆区", code: "640104100000", year: 2020, text: "依申请公开。")]
        let before = Self.made(base, keysPerBucket: 8)
        #expect(before.state.letters == 0 && before.state.letterKeys == 0)
        let root = try Self.site(before.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let letters = SearchIndexTests.doc("b/2021/", "掌政镇", "兴庆区", code: "640104100000", year: 2021, text: "www.xqq.gov.cn")
        let han = SearchIndexTests.doc("b/2021/", "掌政镇", "兴庆区", code: "640104100000", year: 2021, text: "行政复议。")
        #expect(SearchIndexBuilder.adding(base + [letters], digests: (base + [letters]).map(Self.digest), to: before.state, site: root,
                                          keysPerBucket: 8) == nil)
        #expect(SearchIndexBuilder.adding(base + [han], digests: (base + [han]).map(Self.digest), to: before.state, site: root,
                                          keysPerBucket: 8) != nil)
    }

    /// A report changed, removed or moved: not an addition, the index is made again.
    @Test func anythingButAnAdditionIsRefused() throws {
        let base = Self.documents(50, seed: 3)
        let before = Self.made(base, keysPerBucket: 8)
        let root = try Self.site(before.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let new = Self.documents(1, seed: 4, prefix: "new")
        func adding(_ docs: [SearchDocument], state: SearchState = before.state) -> SearchIndexBuilder.Added? {
            SearchIndexBuilder.adding(docs, digests: docs.map(Self.digest), to: state, site: root, keysPerBucket: 8)
        }
        #expect(adding(base + new) != nil)
        #expect(adding(base) == nil)                                   // nothing added
        #expect(adding(Array(base.dropFirst()) + new + new.map { d in  // one removed, two added
            SearchIndexTests.doc("other/2020/", "掌政镇", "兴庆区", code: "640104100000", year: 2020, text: d.indexedText)
        }) == nil)
        var changed = base
        changed[5] = SearchIndexTests.doc(base[5].folder, "掌政镇", "兴庆区", code: "640104100000", year: base[5].year, text: "改了")
        #expect(adding(changed + new) == nil)                          // one changed
        var salted = before.state
        salted.salted = true
        #expect(adding(base + new, state: salted) == nil)
        // Key files damaged on disk.
        for path in before.files.keys where path.hasPrefix("search/k/") {
            try Data("NBK1\u{7}".utf8).write(to: root.appendingPathComponent(path))
        }
        #expect(adding(base + new) == nil)
    }

    @Test func theStateReadsBackAsWritten() throws {
        let made = Self.made(Self.documents(500, seed: 5), keysPerBucket: 8)
        let root = try Self.site([SearchState.path: made.state.file.data])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(SearchState.read(site: root) == made.state)
        var damaged = made.state.file.data
        damaged[damaged.count / 2] ^= 1
        try damaged.write(to: root.appendingPathComponent(SearchState.path))
        #expect(SearchState.read(site: root) == nil)
    }
}
