import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// `.nianbao/manifest.json`: what each output file was drawn from, exact enough that an
/// incremental build can redraw only the files whose inputs changed.
@Suite struct ManifestTests {
    /// The manifest as written, read back as JSON.
    struct Read {
        let json: [String: Any]
        var files: [String: [String: Any]] { json["files"] as? [String: [String: Any]] ?? [:] }

        init(_ files: [OutputFile]) throws {
            let file = try #require(files.first { $0.path == ".nianbao/manifest.json" })
            json = try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
        }

        /// What decides whether `path` must be drawn again, with every hash its entry names
        /// looked up: its kind, its templates', the settings' (if it uses them), its reports'
        /// contents, its frame, its data.
        func inputs(_ path: String) -> String {
            guard let e = files[path] else { return "absent" }
            let templates = json["templates"] as? [String: String] ?? [:]
            let reports = json["reports"] as? [String: [String: String]] ?? [:]
            var parts = ["\(json["nianbao"] ?? "")", "\(e["kind"] ?? "")"]
            parts += (e["templates"] as? [String] ?? []).map { "\($0)=\(templates[$0] ?? "?")" }
            if e["config"] as? Bool == true { parts.append("config=\(json["config"] ?? "")") }
            parts += (e["reports"] as? [String] ?? []).map { "\($0)=\(reports[$0]?["content"] ?? "?")" }
            if e["site"] as? String == "reports" { parts += reports.keys.sorted().map { "\($0)=\(reports[$0]?["content"] ?? "?")" } }
            parts.append("frame=\(e["frame"] ?? "")")
            parts.append("data=\(e["data"] ?? "")")
            return parts.joined(separator: " ")
        }

        /// The paths whose inputs differ from `other`'s.
        func changed(from other: Read) -> [String] {
            Set(files.keys).union(other.files.keys).filter { inputs($0) != other.inputs($0) }.sorted()
        }
    }

    static func render(_ documents: [ParsedDocument]) throws -> [OutputFile] {
        try SiteRenderer(config: Sample.config(), slug: Pinyin.slug).render(documents)
    }

    static let xq = "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/"

    /// The files of the search index, sorted: the manifest says each depends on every report
    /// (`site: reports`), so any report's change marks them all.
    static func indexFiles(_ manifest: Read) -> [String] {
        manifest.files.filter { $0.value["kind"] as? String == "search-index" }.keys.sorted()
    }

    /// The region pages' site, each report's file text given: `texts[source]` replaces the
    /// default text of that report, `tables` gives it table 三.
    static func documents(texts: [String: String] = [:], tables: Set<String> = []) -> [ParsedDocument] {
        RegionPagesTests.documents().map { doc in
            var report = doc.report
            if tables.contains(report.source) { report.tables.applications = Sample.tableThree }
            return Sample.document(report, text: texts[report.source])
        }
    }

    /// The manifest is written straight into a string (`Manifest.json`, for speed): the same
    /// bytes as a `JSONValue` tree per line, as it was written before, with every kind of
    /// entry and strings that need escaping (quotes, `<`, line separators, control characters).
    /// The summaries of the sample documents and every file's entry in their site.
    static func entries() throws -> (summaries: [ReportSummary], files: [String: Manifest.Entry]) {
        let summaries = documents().map(ReportSummary.init)
        let renderer = try SiteRenderer(config: Sample.config(), slug: Pinyin.slug)
        let site = renderer.plan(SitePlan(config: renderer.config, summaries: summaries, slug: Pinyin.slug))
        return (summaries, Dictionary(site.pages.map { ($0.page.path, $0.entry) } + site.extra.map { ($0.file.path, $0.entry) },
                                      uniquingKeysWith: { a, _ in a }))
    }

    @Test func theJSONIsTheTreesSerialised() throws {
        let (summaries, entries) = try Self.entries()
        var files = entries
        files["odd/\"q\"<a>&b\u{2028}\u{1}é.txt"] = Manifest.Entry(kind: "asset", templates: ["x\"", "y"], config: true, reports: [0, 1],
                                                               summaries: [1], site: "reports", frame: "f\\", data: "d\n")
        files["empty"] = Manifest.Entry(kind: "")
        let manifest = Manifest(version: "1.0 \"beta\"", config: "c<", templates: ["b": "2", "a": "1&"], reports: summaries, files: files)
        #expect(files.values.contains { !$0.templates.isEmpty && $0.frame != nil && !$0.summaries.isEmpty && $0.site == nil })
        #expect(files.values.contains { $0.data != nil })

        func line(_ key: String, _ value: JSONValue) -> String { JSONValue.string(key).serialized() + ":" + value.serialized() }
        let reports = manifest.reports
        var tree = "{\n"
        tree += line("format", .int(Manifest.format)) + ",\n"
        tree += line("nianbao", .string(manifest.version)) + ",\n"
        tree += line("config", .string(manifest.config)) + ",\n"
        tree += line("templates", .object(manifest.templates.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })) + ",\n"
        tree += "\"reports\":{\n"
        tree += reports.sorted { $0.id < $1.id }.map { r in
            line(r.id, .object([("content", .string(r.content)), ("summary", .string(r.summary))]))
        }.joined(separator: ",\n")
        tree += "\n},\n\"files\":{\n"
        tree += files.sorted { $0.key < $1.key }.map { path, e in
            var members: [(String, JSONValue)] = [("kind", .string(e.kind))]
            if !e.templates.isEmpty { members.append(("templates", .array(e.templates.map(JSONValue.string)))) }
            if e.config { members.append(("config", .bool(true))) }
            if !e.reports.isEmpty { members.append(("reports", .array(e.reports.map { .string(reports[$0].id) }))) }
            if !e.summaries.isEmpty { members.append(("summaries", .array(e.summaries.map { .string(reports[$0].id) }))) }
            if let site = e.site { members.append(("site", .string(site))) }
            if let frame = e.frame { members.append(("frame", .string(frame))) }
            if let data = e.data { members.append(("data", .string(data))) }
            return line(path, .object(members))
        }.joined(separator: ",\n")
        tree += "\n}\n}\n"
        #expect(manifest.json == tree)
    }

    /// The entries come as the build lists them (the pages in path order, then the files made
    /// beside them): in any order the manifest is the same, sorted by path, and of two entries
    /// for one path the first is taken, as the dictionary the manifest was once made from took it.
    @Test func entriesInAnyOrderGiveTheSameManifest() throws {
        let (summaries, files) = try Self.entries()
        let whole = Manifest(version: "1", config: "c", templates: ["a": "1"], reports: summaries, files: files)
        let sorted = files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        // Every third path, from the first, the second and the third: runs that interleave.
        let interleaved = sorted.indices.sorted { ($0 % 3, $0) < ($1 % 3, $1) }.map { sorted[$0] }
        for order in [sorted, sorted.reversed(), interleaved, Array(sorted[1...] + sorted[..<1])] {
            let manifest = Manifest(version: "1", config: "c", templates: ["a": "1"], reports: summaries, entries: order)
            #expect(manifest.files.map(\.path) == sorted.map(\.0))
            #expect(manifest.json == whole.json)
        }
        let twice = Manifest(version: "1", config: "c", templates: ["a": "1"], reports: summaries,
                             entries: sorted + [(sorted[0].0, Manifest.Entry(kind: "later"))])
        #expect(twice.json == whole.json)
        let first = Manifest(version: "1", config: "c", templates: ["a": "1"], reports: summaries,
                             entries: [(sorted[0].0, Manifest.Entry(kind: "first"))] + sorted)
        #expect(first.files.count == sorted.count)
        #expect(first.files[0].entry.kind == "first")
    }

    /// The manifest's bytes are reserved once (`Manifest.capacity`): never fewer than the file
    /// (a `Data` that outgrows them doubles, both copies alive: the peak of a build of 50,000
    /// reports), and not many more; with pages of every weight, heavy and light.
    @Test(arguments: [0, 3, 20_000]) func theReservationHoldsTheFile(pages: Int) throws {
        let (summaries, entries) = try Self.entries()
        var files = entries
        for k in 0..<pages {
            let folder = "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/town\(k)/body/2020/"
            files[folder + "index.html"] = Manifest.Entry(kind: "report", templates: ["crumbs", "layout", "report", "table"], config: true,
                                                           reports: Array(summaries.indices.prefix(k % 7)), frame: "978a19ef77fd7767")
            files[folder + "report.json"] = Manifest.Entry(kind: "report-data", reports: [k % summaries.count])
            files["years/\(k)/index.html"] = Manifest.Entry(kind: "year", templates: ["layout", "year"], config: true,
                                                            summaries: Array(summaries.indices), site: "summaries", frame: "2b6167d8dca13cad")
        }
        let manifest = Manifest(version: "1", config: "c", templates: ["a": "1"], reports: summaries, files: files)
        let bytes = manifest.data(reusing: nil).count
        let capacity = Manifest.capacity(entries: files.map { ($0.key, $0.value) },
                                         idLength: summaries.map { JSONValue.quoted($0.id).utf8.count }.max() ?? 0, ids: summaries.count)
        #expect(capacity >= bytes)
        #expect(capacity <= bytes * 5 / 4 + 1024)
    }

    /// A rebuild copies the lines of the files whose entries did not change from the last
    /// build's manifest (`Manifest.json(reusing:unchanged:)`): the bytes are the ones written
    /// whole, whether a line is copied, written again, new, or gone; and bytes laid out otherwise
    /// (damaged, another program's) are not copied from at all.
    @Test func aManifestWrittenFromTheLastOneIsTheOneWrittenWhole() throws {
        let (summaries, entries) = try Self.entries()
        var files = entries
        files["odd/\"q\"<a>&b\u{2028}\u{1}é.txt"] = Manifest.Entry(kind: "asset", frame: "f\\", data: "d\n")
        let before = Manifest(version: "1", config: "c", templates: ["a": "1"], reports: summaries, files: files)
        let old = Data(before.json.utf8)
        let paths = files.keys.sorted()
        #expect(Manifest.fileLines(old).count == paths.count)
        // Entries changed, files gone, one new; the first and the last path among them, and
        // some in the middle (the blocks of lines copied whole break around them).
        var now = files
        now[paths[0]]!.frame = "changed"
        now[paths[paths.count / 3]]!.frame = "changed"
        now[paths[paths.count - 1]] = nil
        now[paths[paths.count / 2]] = nil
        now["zz/new.html"] = Manifest.Entry(kind: "asset", data: "n")
        let after = Manifest(version: "2", config: "c", templates: ["a": "1"], reports: summaries, files: now)
        let changed: Set<String> = [paths[0], paths[paths.count / 3], "zz/new.html"]
        #expect(after.json(reusing: old, unchanged: { !changed.contains($0) }) == after.json)
        // Told that the changed entry is unchanged, it copies the old line: the lines do come from `old`.
        #expect(after.json(reusing: old, unchanged: { $0 != "zz/new.html" }) != after.json)
        var damaged = old
        damaged.removeLast()
        #expect(after.json(reusing: damaged, unchanged: { _ in true }) == after.json)
        #expect(after.json(reusing: Data("{}".utf8), unchanged: { _ in true }) == after.json)
    }

    @Test func everyFileHasAnEntryWithItsKind() throws {
        let files = try Self.render(Self.documents())
        let manifest = try Read(files)
        #expect(Set(manifest.files.keys) == Set(files.map(\.path)).subtracting([".nianbao/manifest.json"]))
        let kinds = manifest.files.mapValues { $0["kind"] as? String ?? "" }
        #expect(kinds["index.html"] == "home")
        #expect(kinds[Self.xq + "index.html"] == "county")
        #expect(kinds[Self.xq + "zhangzhengzhen/index.html"] == "body")
        #expect(kinds[Self.xq + "zhangzhengzhen/2020/index.html"] == "report")
        #expect(kinds[Self.xq + "zhangzhengzhen/2020/source.html"] == "source")
        #expect(kinds[Self.xq + "zhangzhengzhen/2020/report.json"] == "report-data")
        #expect(kinds[Self.xq + "zhangzhengzhen/2020/source.txt"] == "raw")
        #expect(kinds["counties/xingqingqu/index.html"] == "redirect")
        #expect(kinds["ningxiahuizuzizhiqu/yinchuanshi/index.html"] == "region")
        #expect(kinds["search/index.json"] == "search-index")
        #expect(kinds["search/k/0.bin"] == "search-index")
        #expect(kinds["assets/style.css"] == "asset")
    }

    @Test func entriesNameTheirReportsTemplatesAndSettings() throws {
        let manifest = try Read(try Self.render(Self.documents()))
        let page = try #require(manifest.files[Self.xq + "zhangzhengzhen/2020/index.html"])
        #expect(page["reports"] as? [String] == ["content/兴庆区掌政镇人民政府-2020.txt"])
        #expect(page["templates"] as? [String] == ["crumbs", "layout", "report", "table"])
        #expect(page["config"] as? Bool == true)
        let data = try #require(manifest.files[Self.xq + "zhangzhengzhen/2020/report.json"])
        #expect(data["templates"] == nil && data["config"] == nil && data["frame"] == nil)
        let body = try #require(manifest.files[Self.xq + "zhangzhengzhen/index.html"])
        #expect(body["templates"] as? [String] == ["body", "crumbs", "history", "layout"])
        #expect(body["reports"] == nil)
        #expect(body["summaries"] as? [String] == (2019...2021).map { "content/兴庆区掌政镇人民政府-\($0).txt" })
        #expect(manifest.files["index.html"]?["site"] as? String == "summaries")
        #expect(manifest.json["nianbao"] as? String == Version.nianbao)
    }

    /// A change to a report's prose redraws its own files, the search index and its year's ZIP
    /// (which holds its report.json), and no page that lists it — not even its county's page,
    /// where its government's reports are listed, nor a CSV.
    @Test func proseChangesOnlyTheReportsOwnFiles() throws {
        let source = "content/兴庆区人民政府-2021.txt"
        let before = try Read(try Self.render(Self.documents(texts: [source: "一、总体情况\n本年度无申请。"])))
        let after = try Read(try Self.render(Self.documents(texts: [source: "一、总体情况\n本年度没有收到申请。"])))
        #expect(after.changed(from: before) == [
            "data/2021.zip",
            Self.xq + "2021/checks.json", Self.xq + "2021/index.html", Self.xq + "2021/report.json", Self.xq + "2021/source.html",
            Self.xq + "2021/source.txt",
        ] + Self.indexFiles(after))
    }

    /// A change to a headline figure also redraws the pages that show the figure: the county's
    /// page for the county government's report, the town's page and the county's for a town's —
    /// and the CSV of the portal, the county and the year, and the year's ZIP.
    @Test func headlineFiguresChangeThePagesThatShowThem() throws {
        let county = "content/兴庆区人民政府-2021.txt", town = "content/兴庆区掌政镇人民政府-2020.txt"
        let before = try Read(try Self.render(Self.documents()))
        let texts = [county: "表三 本年新收 3", town: "表三 本年新收 3"]
        let countyChanged = try Read(try Self.render(Self.documents(texts: [county: texts[county]!], tables: [county])))
        #expect(countyChanged.changed(from: before) == [
            "data/2021.zip", "data/reports.csv",
            Self.xq + "2021/checks.json", Self.xq + "2021/index.html", Self.xq + "2021/report.json", Self.xq + "2021/source.html",
            Self.xq + "2021/source.txt", Self.xq + "index.html", Self.xq + "reports.csv",
        ] + Self.indexFiles(countyChanged) + ["years/2021/reports.csv"])
        let townChanged = try Read(try Self.render(Self.documents(texts: [town: texts[town]!], tables: [town])))
        let z = Self.xq + "zhangzhengzhen/"
        // The county's page too: its towns side by side show every year's figures.
        #expect(townChanged.changed(from: before) == [
            "data/2020.zip", "data/reports.csv", Self.xq + "index.html", Self.xq + "reports.csv",
            z + "2020/checks.json", z + "2020/index.html", z + "2020/report.json", z + "2020/source.html", z + "2020/source.txt",
            z + "index.html",
        ] + Self.indexFiles(townChanged) + ["years/2020/reports.csv"])
    }

    /// A report added to a town redraws the pages that list it or count it, and leaves the
    /// other reports' pages alone.
    @Test func anAddedReportChangesTheListsNotTheOtherReports() throws {
        let before = try Read(try Self.render(Self.documents()))
        let added = Sample.document(Sample.report(source: "content/兴庆区大新镇人民政府-2020.txt", body: "兴庆区大新镇人民政府",
                                                  region: RegionPagesTests.xq("大新镇", "640104101000"), year: 2020))
        let after = try Read(try Self.render(Self.documents() + [added]))
        let changed = after.changed(from: before)
        #expect(changed.contains(Self.xq + "daxinzhen/2020/index.html"))       // new
        #expect(changed.contains(Self.xq + "daxinzhen/index.html"))            // its body's page
        #expect(changed.contains(Self.xq + "index.html"))                      // the county grid
        #expect(changed.contains("years/2020/index.html"))
        #expect(changed.contains("index.html"))                                // the counts
        #expect(!changed.contains { $0.hasPrefix(Self.xq + "zhangzhengzhen/") })
        #expect(!changed.contains(Self.xq + "daxinzhen/2019/index.html"))
        #expect(!changed.contains("years/2019/index.html"))
    }

    @Test func aTemplateChangeRedrawsThePagesDrawnWithIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Sample.themeDirectory, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Read(try SiteRenderer(config: SiteConfig(title: "测试门户", themeDirectory: dir)).render(Self.documents()))
        let table = dir.appendingPathComponent("table.mustache")
        try (try String(contentsOf: table, encoding: .utf8) + "\n").write(to: table, atomically: true, encoding: .utf8)
        let after = try Read(try SiteRenderer(config: SiteConfig(title: "测试门户", themeDirectory: dir)).render(Self.documents()))
        let changed = after.changed(from: before)
        let reportPages = before.files.filter { $0.value["kind"] as? String == "report" }.keys.sorted()
        #expect(changed == reportPages)
    }

    /// A settings field the digest leaves out would leave pages stale: every field is either
    /// digested or named here with the reason it is not.
    @Test func theSettingsDigestCoversEverySetting() {
        let config = Sample.config()
        let fields = Mirror(reflecting: config).children.compactMap(\.label)
        // themeDirectory: its templates and assets are digested one by one; baseURL: through absoluteBase.
        #expect(fields.sorted() == ["baseURL", "deadlines", "language", "linksToIndexFiles", "themeDirectory", "title"])
        var changed = config
        changed.title = "另一个门户"
        #expect(Manifest.digest(changed) != Manifest.digest(config))
        changed = config
        changed.language = "en"
        #expect(Manifest.digest(changed) != Manifest.digest(config))
        changed = config
        changed.linksToIndexFiles = true
        #expect(Manifest.digest(changed) != Manifest.digest(config))
        changed = config
        changed.deadlines.town = MonthDay(month: 1, day: 31)!
        #expect(Manifest.digest(changed) != Manifest.digest(config))
        changed = config
        changed.baseURL = "https://example.gov.cn/"
        #expect(Manifest.digest(changed) != Manifest.digest(config))
        changed = config
        changed.baseURL = "/nianbao/"  // relative: no page shows it
        #expect(Manifest.digest(changed) == Manifest.digest(config))
    }

    @Test func templateIncludesAreFollowed() {
        let digests = TemplateDigests(texts: [
            "layout": "{{{content}}}", "page": "{{> crumbs}}{{#x}}{{>table}}{{/x}}", "table": "{{>cell}}", "cell": "{{text}}",
            "crumbs": "", "dynamic": "{{>*name}}",
        ])
        #expect(digests.closure(["layout", "page"]) == ["cell", "crumbs", "layout", "page", "table"])
        #expect(digests.closure(["dynamic"]).count == 6)
        #expect(TemplateDigests.partials(in: "{{=<% %>=}}<%> x%>") == nil)
    }
}

extension ManifestTests {
    /// A summary field left out of the summary digest would let a listing page's reports look
    /// unchanged: every field is digested (`ReportSummary.init`) or is a digest itself, except
    /// `search`, which no listing page shows and which is a function of the report (`content`).
    @Test func theSummaryDigestCoversEveryField() {
        let summary = ReportSummary(Self.documents()[0])
        let fields = Mirror(reflecting: summary).children.compactMap(\.label)
        #expect(fields == ["id", "title", "body", "region", "year", "rawName", "figures", "problems", "search", "coverage", "data",
                           "content", "summary", "labels"])
    }
}
