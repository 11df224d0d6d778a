import Foundation
import Testing
@testable import SiteKit

/// Issue 10: reports added to, changed in or removed from the previous build's index go into a
/// delta segment (`SearchIndexBuilder.updating`), and the main shards are not written. Read as
/// `search.js` reads it (`IndexReader`: the shards' sets without the deleted ids, with the
/// delta's; the delta's suggestion lists), every key gives the reports and names the index made
/// whole with the same previous ids gives, and the document table and region files are its bytes.
@Suite struct SearchIndexSegmentTests {
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
        for name in doc.chain { d.add(name) }
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
        for (i, d) in docs.enumerated() { documents[d.folder] = SearchState.Document(digest: digest(d), id: made.ids[i]) }
        return (Dictionary(uniqueKeysWithValues: made.files.map { ($0.path, $0.data) }),
                SearchState(buckets: made.space.buckets, letters: made.space.letters, documents: documents))
    }

    static func site(_ files: [String: Data]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-search-segment-\(UUID().uuidString)")
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    /// An index on disk, updated step by step as builds update a site.
    struct Site {
        var files: [String: Data]
        var state: SearchState
        let keysPerBucket: Int

        init(_ docs: [SearchDocument], keysPerBucket: Int = 8) {
            (files, state) = SearchIndexSegmentTests.made(docs, keysPerBucket: keysPerBucket)
            self.keysPerBucket = keysPerBucket
        }

        /// The update to `docs`, or `nil` (made whole); the files it writes.
        mutating func update(_ docs: [SearchDocument]) throws -> [OutputFile]? {
            let root = try SearchIndexSegmentTests.site(files)
            defer { try? FileManager.default.removeItem(at: root) }
            guard let result = SearchIndexBuilder.updating(docs, digests: docs.map(SearchIndexSegmentTests.digest), to: state, site: root,
                                                           keysPerBucket: keysPerBucket) else { return nil }
            // Nothing removed that the site did not have.
            #expect(result.removed.allSatisfy { files[$0] != nil })
            for path in result.removed { files[path] = nil }
            for file in result.files { files[file.path] = file.data }
            state = result.state
            return result.files
        }
    }

    /// Updates `site` to `now` and checks it against the index of `now` made whole with the same
    /// previous ids; returns the files written.
    @discardableResult
    func check(_ site: inout Site, _ now: [SearchDocument]) throws -> [OutputFile] {
        let previous = SearchIDs(byFolder: site.state.documents.mapValues(\.id), buckets: site.state.buckets, letterBuckets: site.state.letters)
        let shards = site.files.filter { $0.key.hasPrefix("search/k/") || $0.key.hasPrefix("search/s/") }
        let written = try #require(try site.update(now))
        let reference = Self.made(now, previous: previous, keysPerBucket: site.keysPerBucket)
        try expectSame(site.files, reference.files)
        // The main shards are neither written nor removed.
        #expect(written.allSatisfy { !$0.path.hasPrefix("search/k/") && !$0.path.hasPrefix("search/s/") })
        #expect(site.files.filter { $0.key.hasPrefix("search/k/") || $0.key.hasPrefix("search/s/") } == shards)
        #expect(site.state.documents == reference.state.documents)
        return written
    }

    /// Every key of either index gives the same reports (or names), and the document table, the
    /// region files and the manifest's counts are the same.
    func expectSame(_ files: [String: Data], _ whole: [String: Data]) throws {
        let a = try IndexReader(files), b = try IndexReader(whole)
        var keys = a.keys().union(b.keys())
        keys.insert("x不在索引里")
        for key in keys.sorted() {
            if key.hasPrefix("s") {
                #expect(a.names(key) == b.names(key), "names of \(key)")
            } else {
                #expect(a.ids(key) == b.ids(key), "reports of \(key)")
            }
        }
        for (path, data) in whole where path.hasPrefix("search/d/") || path.hasPrefix("search/r/") {
            #expect(files[path] == data, "\(path) differs from the index made whole")
        }
        #expect(files.keys.filter { $0.hasPrefix("search/d/") || $0.hasPrefix("search/r/") }.sorted()
                == whole.keys.filter { $0.hasPrefix("search/d/") || $0.hasPrefix("search/r/") }.sorted())
        func manifest(_ f: [String: Data]) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: f["search/index.json"]!) as! [String: Any]
        }
        let m = try manifest(files), w = try manifest(whole)
        for field in ["reports", "gram", "page", "format"] { #expect(m[field] as? Int == w[field] as? Int, "\(field)") }
        for field in ["years", "provinces"] { #expect("\(m[field]!)" == "\(w[field]!)", "\(field)") }
    }

    @Test func addingReportsGoesToTheDelta() throws {
        let base = Self.documents(700, seed: 7)
        var site = Site(base)
        // The case that matters: sets in files of their own, shared.
        #expect(site.files.keys.filter { $0.hasPrefix("search/s/") }.count > 5)
        let added = Self.documents(1, seed: 8, prefix: "new")
        let one = try check(&site, base + added)
        // One report: a few delta files, its page of the table, the manifest and its province.
        let id = try #require(site.state.documents[added[0].folder]?.id)
        let shards = site.files.keys.filter { $0.hasPrefix("search/k/") }.count
        #expect(one.filter { $0.path.hasPrefix("search/delta/") }.map(\.path) == site.state.deltaFiles)
        // Its keys alone, at a quarter of the shards' keys a file: fewer files than the shards'.
        #expect(site.state.deltaFiles.count < shards)
        #expect(one.filter { !$0.path.hasPrefix("search/delta/") }.map(\.path)
                == ["search/d/\(id >> 20)-\((id & 0xFFFFF) / 16).json", "search/index.json", "search/r/64.json"])
        try check(&site, base + Self.documents(1, seed: 8, prefix: "new") + Self.documents(3, seed: 9, prefix: "a"))
        // A report of a year the site did not have, sorting first among the folders.
        let newYear = SearchIndexTests.doc("0000/2008/", "新镇", "兴庆区", code: "640104999000", year: 2008, text: "新的年份。依申请公开")
        try check(&site, base + Self.documents(1, seed: 8, prefix: "new") + Self.documents(3, seed: 9, prefix: "a") + [newYear])
    }

    /// Reports changed and removed, step after step: the shards' versions are taken out (their
    /// ids listed), the new ones are in the delta, and each step reads as the index made whole.
    @Test func changingAndRemovingReportsStepByStep() throws {
        // 1,200: the delta may hold 12 (`deltaLimit`), and the last step makes 4 in it, 6 taken out.
        let base = Self.documents(1_200, seed: 7)
        var site = Site(base)
        var now = base
        // The prose of one report changed: a phrase out, another in, most keys the same.
        now[10].text = base[10].text.replacingOccurrences(of: "行政复议", with: "复议申请") + "。新增一句话"
        try check(&site, now)
        // Changed again (in the delta already), another's text made new, a figure changed.
        now[10].text = "第三个版本。依申请公开"
        now[20].text = "全新的内容。没有申请。"
        now[30].figures = [(label: "本年新收申请", value: "4")]
        try check(&site, now)
        #expect(site.state.deleted.count == 3)
        // Removed: one of the shards', one of the delta's; one added with them.
        now.remove(at: 20)
        now.remove(at: 5)
        now += Self.documents(1, seed: 8, prefix: "new")
        try check(&site, now)
        #expect(site.state.delta.count == 3 && site.state.deleted.count == 4)
        // The new one removed again: the delta no longer has it.
        now.removeLast()
        try check(&site, now)
        // The report with the highest number of its year removed while one of that year is
        // added: the new one takes the next number after those kept, as a whole build gives it.
        let last = try #require(now.indices.filter { now[$0].year == 2020 }.max {
            site.state.documents[now[$0].folder]!.id < site.state.documents[now[$1].folder]!.id })
        now.remove(at: last)
        now.append(SearchIndexTests.doc("zzz/2020/", "掌政镇", "兴庆区", code: "640104100000", year: 2020, text: "依申请公开。新来的"))
        try check(&site, now)
        // A report moved to another year: its id moves (out of the shards, into the delta).
        now[0] = SearchIndexTests.doc(now[0].folder, "掌政镇", "兴庆区", code: "640104100000", year: 2008, text: now[0].text)
        try check(&site, now)
    }

    /// A page of the document table and a province's region file go with their last report;
    /// a place's suggestions go with the last report of it.
    @Test func whatTheLastReportOfAPlaceHoldsGoesWithIt() throws {
        let base = Self.documents(120, seed: 11)
        let gansu = SearchDocument(folder: "gs/2020/", title: "城关区某镇 2020年政府信息公开工作年度报告", body: "城关区某镇人民政府", year: 2020,
                                   chain: ["甘肃省", "兰州市", "城关区", "某镇"],
                                   codes: ["620000000000", "620100000000", "620102000000", "620102100000"], code: "620102100000",
                                   figures: [], source: "source.txt", text: "独有的短语。依申请公开")
        let lone = SearchIndexTests.doc("lone/2008/", "新镇", "兴庆区", code: "640104999000", year: 2008, text: "孤零零")
        var site = Site(base + [gansu, lone])
        #expect(try IndexReader(site.files).names("s某") != [])
        let root = try Self.site(site.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let removed = try #require(SearchIndexBuilder.updating(base, digests: base.map(Self.digest), to: site.state, site: root,
                                                               keysPerBucket: 8)).removed
        #expect(removed.contains("search/r/62.json"))
        #expect(removed.contains("search/d/108-0.json"))
        try check(&site, base)
        #expect(try IndexReader(site.files).names("s某") == [])
        // And back: the delta's list of the key again.
        try check(&site, base + [gansu])
        #expect(try IndexReader(site.files).names("s某") != [])
    }

    /// A suggestion key lists the first 100 names: a name added before them, among them or
    /// after them, or removed (the 101st comes in), or one another report still names, gives
    /// the list made whole.
    @Test func suggestionsPastTheFirstHundredStayExact() throws {
        func town(_ i: Int, year: Int = 2020) -> SearchDocument {
            let name = "新" + String(Character(Unicode.Scalar(0x4E00 + 3 * i)!)) + "镇"
            return SearchIndexTests.doc("t\(i)/\(year)/", name, "兴庆区", code: "640104\(100 + i)000", year: year, text: "公开。")
        }
        let base = (10..<140).map { town($0) }
        for added in [[town(0)], [town(50, year: 2021)], [town(200)], [town(1), town(300)]] {
            var site = Site(base)
            try check(&site, base + added)
        }
        for now in [base.filter { $0.folder != "t20/2020/" }, base.filter { $0.folder != "t139/2020/" }] {
            var site = Site(base)
            try check(&site, now)
        }
        let twice = base + [town(20, year: 2021)]
        var site = Site(twice)
        try check(&site, twice.filter { $0.folder != "t20/2020/" })
        try check(&site, twice.filter { $0.folder != "t20/2020/" && $0.folder != "t20/2021/" })
    }

    /// An index with no letter key has no letter key files; the delta has a space of its own,
    /// so the first report that brings one goes to the delta like any other.
    @Test func theFirstLetterKeyGoesToTheDelta() throws {
        let base = [SearchIndexTests.doc("a/2020/", "掌政镇", "兴庆区", code: "640104100000", year: 2020, text: "依申请公开。")]
        var site = Site(base)
        #expect(site.state.letters == 0)
        let letters = SearchIndexTests.doc("b/2021/", "掌政镇", "兴庆区", code: "640104100000", year: 2021, text: "www.xqq.gov.cn")
        let written = try check(&site, base + [letters])
        #expect(written.contains { $0.path.contains("/delta/") && $0.path.contains("-a") })
    }

    /// Past a hundredth of the reports (at least 8) in the delta or taken out, the index is made
    /// whole; and nothing changed is not an update.
    @Test func aLargeDeltaIsMergedIntoTheShards() throws {
        let base = Self.documents(1_000, seed: 3)
        var site = Site(base)
        #expect(SearchIndexBuilder.deltaLimit(reports: 1_000) == 10)
        #expect(try site.update(base) == nil)
        var now = base
        for i in 0..<5 {
            now[i * 7].text += "。改了\(i)"
            try check(&site, now)
        }
        #expect(site.state.delta.count == 5 && site.state.deleted.count == 5)
        // A sixth changed report makes 6 in the delta and 6 taken out: 12 > 10.
        now[100].text += "。改了"
        #expect(try site.update(now) == nil)
        #expect(SearchIndexBuilder.deltaLimit(reports: 20) == 8)
    }

    @Test func theStateReadsBackAsWritten() throws {
        var site = Site(Self.documents(500, seed: 5))
        var now = Self.documents(500, seed: 5)
        now[3].text = "改了"
        try check(&site, now)
        #expect(!site.state.delta.isEmpty && !site.state.deleted.isEmpty && !site.state.deltaFiles.isEmpty && !site.state.overridden.isEmpty)
        let root = try Self.site([SearchState.path: site.state.file.data])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(SearchState.read(site: root) == site.state)
        var damaged = site.state.file.data
        damaged[damaged.count / 2] ^= 1
        try damaged.write(to: root.appendingPathComponent(SearchState.path))
        #expect(SearchState.read(site: root) == nil)
    }
}
