import Foundation
import Testing
@testable import SiteKit

@Suite struct SearchIndexTests {
    static func doc(_ folder: String, _ town: String, _ county: String, code: String, year: Int?, text: String) -> SearchDocument {
        let chain = county.isEmpty ? [] : ["宁夏回族自治区", "银川市", county, town]
        let codes = ["640000000000", "640100000000", String(code.prefix(6)) + "000000", code].prefix(chain.count)
        return SearchDocument(folder: folder, title: "\(county)\(town) \(year.map(String.init) ?? "")年政府信息公开工作年度报告",
                              body: "\(county)\(town)人民政府", year: year, chain: chain, codes: Array(codes), code: code,
                              figures: [(label: "本年新收申请", value: "3")], source: "source.txt", text: text)
    }

    static let documents = [
        doc("nx/xq/zz/2020/", "掌政镇", "兴庆区", code: "640104100000", year: 2020,
            text: "（二）依申请公开\n2020年，共收到政府信息公开申请3件。没有因政府信息公开申请行政复议的情况。城乡低保发放。"),
        doc("nx/xq/zz/2021/", "掌政镇", "兴庆区", code: "640104100000", year: 2021,
            text: "依申请公开情况：本年度未收到申请。行政复议0件，行政诉讼0件。"),
        doc("nx/hl/xg/2016/", "习岗镇", "贺兰县", code: "640122100000", year: 2016,
            text: "政府信息依申请公开办理情况。我镇本年度未收到政府信息公开申请。"),
        doc("nx/xx/xj/2020/", "兴泾镇", "西夏区", code: "640105100000", year: 2020,
            text: "依申 请公开政府信息。复议、诉讼均为零。低  保户名单公示。"),
        doc("bodies/x/unknown-year/", "", "", code: "", year: nil, text: "某某委员会 Open Data 2020 依法公开。"),
    ]

    static func build(_ docs: [SearchDocument], previous: SearchIDs = SearchIDs(), keysPerBucket: Int = 512) -> [OutputFile] {
        var builder = SearchIndexBuilder(previous: previous, keysPerBucket: keysPerBucket)
        for d in docs { builder.add(d) }
        return builder.files()
    }

    /// What a reader could type: every substring of every run of a report, with the reports
    /// (by folder) whose runs contain it, found by scanning the texts.
    static func truth(_ docs: [SearchDocument], maxLength: Int) -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for d in docs {
            for run in SearchText.runs(d.indexedText) {
                for start in run.indices {
                    for end in (start + 1)...min(run.count, start + maxLength) {
                        found[SearchText.string(run[start..<end]), default: []].insert(d.folder)
                    }
                }
            }
        }
        return found
    }

    @Test func everySubstringFindsExactlyTheReportsThatContainIt() throws {
        let reader = try IndexReader(Self.build(Self.documents))
        let folders = try reader.folders()
        let truth = Self.truth(Self.documents, maxLength: SearchIndexBuilder.gramLength)
        #expect(truth.count > 600)
        var wrong: [String] = []
        for (substring, expected) in truth {
            let got = Set(reader.ids("x" + substring).map { folders[$0] ?? "?" })
            if got != expected { wrong.append(substring) }
        }
        #expect(wrong == [])
        // Absent text and text spanning punctuation are not found.
        #expect(reader.ids("x公开低保") == [])
        #expect(reader.ids("x复议诉讼") == [])
    }

    @Test func phrasesMatchOnlyWhereTheyOccur() throws {
        let reader = try IndexReader(Self.build(Self.documents))
        let folders = try reader.folders()
        func find(_ q: String) -> [String] { reader.ids("x" + q).map { folders[$0]! }.sorted() }
        // 依申 请公开 (with a space inside the phrase) still reads 依申请公开: the space is dropped.
        #expect(find("依申请公开") == ["nx/hl/xg/2016/", "nx/xq/zz/2020/", "nx/xq/zz/2021/", "nx/xx/xj/2020/"])
        #expect(find("行政复议") == ["nx/xq/zz/2020/", "nx/xq/zz/2021/"])
        #expect(find("低保") == ["nx/xq/zz/2020/", "nx/xx/xj/2020/"])
        #expect(find("2020年") == ["nx/xq/zz/2020/", "nx/xx/xj/2020/"])   // both titles
        #expect(find("open") == ["bodies/x/unknown-year/"])
    }

    @Test func namesPinyinAndRegionsAreKeys() throws {
        let reader = try IndexReader(Self.build(Self.documents))
        let folders = try reader.folders()
        func find(_ key: String) -> [String] { reader.ids(key).map { folders[$0]! }.sorted() }
        let zhangzheng = ["nx/xq/zz/2020/", "nx/xq/zz/2021/"]
        #expect(find("n掌政镇") == zhangzheng)
        #expect(find("n掌政") == zhangzheng)
        #expect(find("pzhangzheng") == zhangzheng)
        #expect(find("pzhangzhengzhen") == zhangzheng)
        #expect(find("pzzz") == zhangzheng)
        #expect(find("pxingqingqu") == zhangzheng)
        #expect(find("r640104") == zhangzheng)
        #expect(find("r6401") == ["nx/hl/xg/2016/", "nx/xq/zz/2020/", "nx/xq/zz/2021/", "nx/xx/xj/2020/"])
        #expect(find("t2021") == ["nx/xq/zz/2021/"])
        #expect(reader.names("s政") == ["掌政镇\t宁夏回族自治区 › 银川市 › 兴庆区 › 掌政镇\tzhangzhengzhen"])
        #expect(reader.names("sxi") == ["习岗镇\t宁夏回族自治区 › 银川市 › 贺兰县 › 习岗镇\txigangzhen",
                                        "兴庆区\t宁夏回族自治区 › 银川市 › 兴庆区\txingqingqu",
                                        "兴泾镇\t宁夏回族自治区 › 银川市 › 西夏区 › 兴泾镇\txingjingzhen",
                                        "西夏区\t宁夏回族自治区 › 银川市 › 西夏区\txixiaqu"])
    }

    @Test func idsAreYearThenFolderOrder() throws {
        let reader = try IndexReader(Self.build(Self.documents))
        #expect(try reader.folders() == [
            116 << 20: "nx/hl/xg/2016/", 120 << 20: "nx/xq/zz/2020/", 120 << 20 | 1: "nx/xx/xj/2020/",
            121 << 20: "nx/xq/zz/2021/", 0: "bodies/x/unknown-year/",
        ])
    }

    /// Adding a report keeps every id and rewrites only files that hold one of its keys, the
    /// page of the document table it lands in, and the sets that hold it.
    @Test func addingAReportTouchesOnlyItsOwnFiles() throws {
        // Small key files, so that a report's keys cannot reach all of them.
        let before = Self.build(Self.documents, keysPerBucket: 8)
        let previous = SearchIDs(byFolder: try IndexReader(before).folders().reduce(into: [:]) { $0[$1.value] = $1.key },
                                 buckets: try IndexReader(before).bucketCount, letterBuckets: try IndexReader(before).space.letters)
        let added = Self.doc("nx/xq/zz/2019/", "掌政镇", "兴庆区", code: "640104100000", year: 2019, text: "扶贫工作。")
        let after = Self.build(Self.documents + [added], previous: previous, keysPerBucket: 8)
        let reader = try IndexReader(after)
        let folders = try reader.folders()
        #expect(folders.filter { $0.value != added.folder } == (try IndexReader(before).folders()))
        let newID = try #require(folders.first { $0.value == added.folder }?.key)
        #expect(newID == 119 << 20)

        let old = Dictionary(uniqueKeysWithValues: before.map { ($0.path, $0.data) })
        let changed = after.filter { old[$0.path] != $0.data }.map(\.path).sorted()
        let removed = Set(old.keys).subtracting(after.map(\.path)).sorted()
        #expect(try IndexReader(before).space == reader.space)
        // Its page of the document table, and the manifest's counts (years); no other page.
        #expect(changed.filter { !$0.hasPrefix("search/k/") && !$0.hasPrefix("search/s/") }
                == ["search/d/119-0.json", "search/index.json", "search/r/64.json"])
        // Every key file rewritten holds a key whose reports now include the new one.
        for path in changed where path.hasPrefix("search/k/") {
            let keys = reader.bucket(path).keys.map { SearchText.string($0) }
            #expect(keys.contains { reader.ids($0).contains(newID) }, "\(path) changed without a key of the new report")
        }
        // A set file is named by its bytes: new ones hold the new report, none is rewritten in place.
        for path in changed where path.hasPrefix("search/s/") {
            #expect(old[path] == nil)
            #expect(DocSet.decode(Array(after.first { $0.path == path }!.data))?.contains(newID) == true)
        }
        #expect(removed.allSatisfy { $0.hasPrefix("search/s/") })
        // And the report's keys are not everywhere: some key files keep their bytes.
        #expect(after.filter { $0.path.hasPrefix("search/k/") && old[$0.path] == $0.data }.count > 0)
    }

    /// Text and title keys that start with letters are in `search/k/a<b>.bin`, every other key
    /// in `search/k/<b>.bin`, and both are found.
    @Test func letterKeysHaveKeyFilesOfTheirOwn() throws {
        let files = Self.build(Self.documents)
        let reader = try IndexReader(files)
        #expect(reader.space == KeySpace(buckets: 2, letters: 1))
        let keyFiles = files.map(\.path).filter { $0.hasPrefix("search/k/") }
        #expect(keyFiles == ["search/k/0.bin", "search/k/1.bin", "search/k/a0.bin"])
        let letterKeys = reader.bucket("search/k/a0.bin").keys.map { SearchText.string($0) }.sorted()
        // The substrings of "Open Data", the one text in letters.
        #expect(letterKeys == ["xa", "xat", "xata", "xd", "xda", "xdat", "xdata", "xe", "xen", "xn",
                               "xo", "xop", "xope", "xopen", "xp", "xpe", "xpen", "xt", "xta"])
        #expect(letterKeys.allSatisfy { KeySpace.isLetterKey(Array($0.unicodeScalars)) })
        for path in ["search/k/0.bin", "search/k/1.bin"] {
            #expect(reader.bucket(path).keys.allSatisfy { !KeySpace.isLetterKey($0) })
        }
        let folders = try reader.folders()
        #expect(reader.ids("xdata").map { folders[$0]! } == ["bodies/x/unknown-year/"])
        #expect(reader.ids("pzhangzheng").map { folders[$0]! } == ["nx/xq/zz/2020/", "nx/xq/zz/2021/"])
        // Pinyin, the suggestions by two letters of pinyin, numbers and mixed keys stay in the first space.
        #expect(reader.names("szh").count == 1)
        #expect(!KeySpace.isLetterKey(Array("szh".unicodeScalars)) && !KeySpace.isLetterKey(Array("x2020".unicodeScalars)))
        #expect(!KeySpace.isLetterKey(Array("pzhangzheng".unicodeScalars)) && !KeySpace.isLetterKey(Array("nzhang".unicodeScalars)))
        #expect(KeySpace.isLetterKey(Array("xopen年".unicodeScalars)) && !KeySpace.isLetterKey(Array("xope2".unicodeScalars)))
        #expect(reader.ids("x2020").count == 3)
    }

    @Test func keyFilesStaySmall() throws {
        let files = Self.build(Self.documents)
        let keyFiles = files.filter { $0.path.hasPrefix("search/k/") }
        let reader = try IndexReader(files)
        let keys = keyFiles.map { reader.bucket($0.path).count }.reduce(0, +)
        // Between 513 and 1,024 keys at 512 a file: 2 files, and 1 for the letter keys.
        #expect((513...1024).contains(keys))
        #expect(keyFiles.count == 3)
        #expect(keyFiles.allSatisfy { $0.data.count < 16_384 })
    }
}

@Suite struct SearchIndexSiteTests {
    /// Through the renderer: prose and the labels of the tables a report carries are found;
    /// the labels of a table it lacks are not.
    @Test func proseAndTableLabelsAreSearched() throws {
        let reader = try IndexReader(try SiteRenderTests.render())
        let folders = try reader.folders()
        func find(_ q: String) -> [String] { reader.ids("x" + q).map { folders[$0]! }.sorted() }
        let withTables = SiteRenderTests.xq + "2020/"
        // 本年共收到申请 **3** 件: the emphasis is skipped.
        #expect(find("申请3件").count == 6)
        #expect(find("本年新收政府") == [withTables])
        #expect(find("行政诉讼") == [withTables])
        // The region chain and the body are text too; a body with no region has no chain.
        #expect(find("兴庆区").count == 3)
    }
}
