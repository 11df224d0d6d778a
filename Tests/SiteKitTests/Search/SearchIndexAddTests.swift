import Foundation
import Testing
@testable import SiteKit

/// Issue 10: reports added to, changed in or removed from the previous build's index
/// (`SearchIndexBuilder.updating`) give the bytes of an index made of every report with the same
/// previous ids, and its `SearchState`.
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
        for code in doc.codes { d.add(code) }
        for f in doc.figures { d.add(f.label + "=" + f.value) }
        return d.value
    }

    /// The index of `docs` made whole, as a build makes it, with its state.
    static func made(_ docs: [SearchDocument], previous: SearchIDs = SearchIDs(), keysPerBucket: Int)
        -> (files: [String: Data], state: SearchState) {
        var builder = SearchIndexBuilder(previous: previous, keysPerBucket: keysPerBucket)
        for d in docs { builder.add(d) }
        let made = builder.made()
        var documents: [String: SearchState.Document] = [:]
        for (i, d) in docs.enumerated() {
            documents[d.folder] = SearchState.Document(digest: digest(d), id: made.ids[i], name: d.body)
        }
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

    /// The previous version of each document of `base` that `now` lacks or changed, by folder.
    static func old(_ base: [SearchDocument], _ now: [SearchDocument]) -> [String: SearchDocument] {
        let digests = Dictionary(now.map { ($0.folder, digest($0)) }, uniquingKeysWith: { a, _ in a })
        return Dictionary(base.filter { digests[$0.folder] != digest($0) }.map { ($0.folder, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func updating(_ docs: [SearchDocument], from base: [SearchDocument], state: SearchState, site: URL,
                         keysPerBucket: Int = 8) -> SearchIndexBuilder.Updated? {
        SearchIndexBuilder.updating(docs, digests: docs.map(digest), names: docs.map(\.body), to: state, old: old(base, docs),
                                    site: site, keysPerBucket: keysPerBucket)
    }

    /// Updates the index of `base` to `now` and checks it against the index of `now` made whole
    /// with the same previous ids; returns the files written again.
    @discardableResult
    func check(base: [SearchDocument], now: [SearchDocument], keysPerBucket: Int = 8) throws -> [OutputFile] {
        let before = Self.made(base, keysPerBucket: keysPerBucket)
        let root = try Self.site(before.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try #require(Self.updating(now, from: base, state: before.state, site: root, keysPerBucket: keysPerBucket))
        let reference = Self.made(now, previous: SearchIDs(byFolder: before.state.documents.mapValues(\.id), buckets: before.state.buckets,
                                                                           letterBuckets: before.state.letters),
                                  keysPerBucket: keysPerBucket)
        var after = before.files
        for path in result.removed { after[path] = nil }
        for file in result.files { after[file.path] = file.data }
        #expect(after.keys.sorted() == reference.files.keys.sorted())
        for (path, data) in reference.files { #expect(after[path] == data, "\(path) differs from the index made whole") }
        #expect(result.state == reference.state)
        // Nothing is removed that the whole index has, nor written that it lacks.
        #expect(result.removed.allSatisfy { reference.files[$0] == nil && before.files[$0] != nil })
        // Only what the changed reports touch is written: not every key file, a page of the table each.
        let changed = Self.old(base, now).count + now.filter { b in !base.contains { $0.folder == b.folder } }.count
        let keyFiles = before.files.keys.filter { $0.hasPrefix("search/k/") }.count
        #expect(result.files.filter { $0.path.hasPrefix("search/k/") }.count < keyFiles)
        #expect(result.files.filter { $0.path.hasPrefix("search/d/") }.count <= 2 * changed)
        return result.files
    }

    @Test func addingReportsGivesTheIndexMadeWhole() throws {
        let base = Self.documents(700, seed: 7)
        let before = Self.made(base, keysPerBucket: 8)
        // The case that matters: sets in files of their own, shared and salted by no collision.
        #expect(before.state.sets.count > 5)
        #expect(!before.state.salted)
        try check(base: base, now: base + Self.documents(1, seed: 8, prefix: "new"))
        try check(base: base, now: base + Self.documents(3, seed: 9, prefix: "a"))
        // A report of a year the site did not have, sorting first among the folders.
        let newYear = SearchIndexTests.doc("0000/2008/", "新镇", "兴庆区", code: "640104999000", year: 2008, text: "新的年份。依申请公开")
        try check(base: base, now: base + [newYear])
    }

    /// Issue 10: a report changed or removed takes its old keys out of the index (sets that
    /// shrink, keys left with no report, keys that become "the same as the parent" again) and
    /// gives the index made whole with the same previous ids.
    @Test func changingAndRemovingReportsGivesTheIndexMadeWhole() throws {
        let base = Self.documents(700, seed: 7)
        func edited(_ i: Int, text: String) -> SearchDocument {
            var d = base[i]
            d.text = text
            return d
        }
        // The prose of one report changed: a phrase out, another in, most keys the same.
        var one = base
        one[10] = edited(10, text: base[10].text.replacingOccurrences(of: "行政复议", with: "复议申请") + "。新增一句话")
        try check(base: base, now: one)
        // Its text made entirely new, and a headline figure changed in another.
        var two = base
        two[20] = edited(20, text: "全新的内容。没有申请。")
        two[30].figures = [(label: "本年新收申请", value: "4")]
        let written = try check(base: base, now: two)
        // A figure shows only in the document table: one page of it, the manifest and regions.
        let figureOnly = try check(base: base, now: { var d = base; d[30].figures = [(label: "本年新收申请", value: "4")]; return d }())
        #expect(figureOnly.filter { $0.path.hasPrefix("search/k/") || $0.path.hasPrefix("search/s/") }.isEmpty)
        #expect(written.count > figureOnly.count)
        // Removed: one report, several, and removed with one added at the same time.
        try check(base: base, now: base.enumerated().filter { $0.offset != 5 }.map(\.element))
        try check(base: base, now: base.enumerated().filter { $0.offset % 50 != 3 }.map(\.element))
        try check(base: base, now: Array(base.dropLast()) + Self.documents(1, seed: 8, prefix: "new"))
        // The report with the highest number of its year removed while one of that year is
        // added: the new one takes the next number after those kept, as a whole build gives it.
        let before = Self.made(base, keysPerBucket: 8)
        let last = try #require(base.indices.filter { base[$0].year == 2020 }.max { before.state.documents[base[$0].folder]!.id
                < before.state.documents[base[$1].folder]!.id })
        let new2020 = SearchIndexTests.doc("zzz/2020/", "掌政镇", "兴庆区", code: "640104100000", year: 2020, text: "依申请公开。新来的")
        try check(base: base, now: base.enumerated().filter { $0.offset != last }.map(\.element) + [new2020])
    }

    /// A page of the document table, a province's region file and a key whose last report
    /// goes are removed with it; a report moved to another year is a removal and an addition.
    @Test func whatTheLastReportOfAPlaceHoldsGoesWithIt() throws {
        let base = Self.documents(120, seed: 11)
        let gansu = SearchDocument(folder: "gs/2020/", title: "城关区某镇 2020年政府信息公开工作年度报告", body: "城关区某镇人民政府", year: 2020,
                                   chain: ["甘肃省", "兰州市", "城关区", "某镇"],
                                   codes: ["620000000000", "620100000000", "620102000000", "620102100000"], code: "620102100000",
                                   figures: [], source: "source.txt", text: "独有的短语。依申请公开")
        let lone = SearchIndexTests.doc("lone/2008/", "新镇", "兴庆区", code: "640104999000", year: 2008, text: "孤零零")
        let files = try check(base: base + [gansu, lone], now: base)
        _ = files
        let before = Self.made(base + [gansu, lone], keysPerBucket: 8)
        let root = try Self.site(before.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let removed = try #require(Self.updating(base, from: base + [gansu, lone], state: before.state, site: root)).removed
        #expect(removed.contains("search/r/62.json"))
        #expect(removed.contains("search/d/108-0.json"))
        var moved = base
        moved[0] = SearchIndexTests.doc(base[0].folder.replacingOccurrences(of: "/", with: "-") + "2008/", "掌政镇", "兴庆区",
                                        code: "640104100000", year: 2008, text: base[0].text)
        try check(base: base, now: moved)
    }

    /// A suggestion key lists the first 100 names: a name added before them, among them or
    /// after them gives the list made whole (the names after the first 100 are not in the file),
    /// and so does one removed (the 101st comes in) or one another report still names.
    @Test func suggestionsPastTheFirstHundredStayExact() throws {
        func town(_ i: Int, year: Int = 2020) -> SearchDocument {
            let name = "新" + String(Character(Unicode.Scalar(0x4E00 + 3 * i)!)) + "镇"
            return SearchIndexTests.doc("t\(i)/\(year)/", name, "兴庆区", code: "640104\(100 + i)000", year: year, text: "公开。")
        }
        let base = (10..<140).map { town($0) }
        for added in [[town(0)], [town(50, year: 2021)], [town(200)], [town(1), town(300)]] {
            try check(base: base, now: base + added)
        }
        try check(base: base, now: base.filter { $0.folder != "t20/2020/" })
        try check(base: base, now: base.filter { $0.folder != "t139/2020/" })
        let twice = base + [town(20, year: 2021)]
        try check(base: twice, now: twice.filter { $0.folder != "t20/2020/" })
    }

    /// An index with no letter key has no letter key files: the first report that brings one
    /// makes the index again (an update never resizes a space of key files).
    @Test func theFirstLetterKeyMakesTheIndexAgain() throws {
        let base = [SearchIndexTests.doc("a/2020/", "掌政镇", "兴庆区", code: "640104100000", year: 2020, text: "依申请公开。")]
        let before = Self.made(base, keysPerBucket: 8)
        #expect(before.state.letters == 0 && before.state.letterKeys == 0)
        let root = try Self.site(before.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let letters = SearchIndexTests.doc("b/2021/", "掌政镇", "兴庆区", code: "640104100000", year: 2021, text: "www.xqq.gov.cn")
        let han = SearchIndexTests.doc("b/2021/", "掌政镇", "兴庆区", code: "640104100000", year: 2021, text: "行政复议。")
        #expect(Self.updating(base + [letters], from: base, state: before.state, site: root) == nil)
        #expect(Self.updating(base + [han], from: base, state: before.state, site: root) != nil)
    }

    /// What is refused, and the index made whole: nothing changed, a changed or removed report
    /// whose old version is not given, a report whose id would move (same folder, other year),
    /// a salted set name, damaged key files.
    @Test func whatCannotBeUpdatedIsRefused() throws {
        let base = Self.documents(50, seed: 3)
        let before = Self.made(base, keysPerBucket: 8)
        let root = try Self.site(before.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let new = Self.documents(1, seed: 4, prefix: "new")
        func updating(_ docs: [SearchDocument], state: SearchState = before.state, old: [String: SearchDocument]? = nil)
            -> SearchIndexBuilder.Updated? {
            SearchIndexBuilder.updating(docs, digests: docs.map(Self.digest), names: docs.map(\.body), to: state,
                                        old: old ?? Self.old(base, docs), site: root, keysPerBucket: 8)
        }
        #expect(updating(base + new) != nil)
        #expect(updating(base) == nil)                                           // nothing changed
        #expect(updating(Array(base.dropFirst()) + new, old: [:]) == nil)        // removed, old version unknown
        var changed = base
        changed[5] = SearchIndexTests.doc(base[5].folder, "掌政镇", "兴庆区", code: "640104100000", year: base[5].year, text: "改了")
        #expect(updating(changed) != nil)
        #expect(updating(changed, old: [:]) == nil)                              // changed, old version unknown
        var otherYear = base
        let year = base[5].year.map { $0 + 10 } ?? 2030
        otherYear[5] = SearchIndexTests.doc(base[5].folder, "掌政镇", "兴庆区", code: "640104100000", year: year, text: base[5].text)
        #expect(updating(otherYear) == nil)                                      // its id would move
        var salted = before.state
        salted.salted = true
        #expect(updating(base + new, state: salted) == nil)
        // Key files damaged on disk.
        for path in before.files.keys where path.hasPrefix("search/k/") {
            try Data("NBK1\u{7}".utf8).write(to: root.appendingPathComponent(path))
        }
        #expect(updating(base + new) == nil)
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
