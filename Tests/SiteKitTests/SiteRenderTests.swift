import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

@Suite struct SiteRenderTests {
    static let xingqing = Region(province: "宁夏回族自治区", city: "银川市", county: "兴庆区", town: "掌政镇", code: "640104100000").withLevelCodes()
    /// A town of the same name in another county.
    static let jinfeng = Region(province: "宁夏回族自治区", city: "银川市", county: "金凤区", town: "掌政镇", code: "640106100000").withLevelCodes()
    static let pingluo = Region(province: "宁夏回族自治区", city: "石嘴山市", county: "平罗县", code: "640221000000").withLevelCodes()

    /// Two towns with one name, two years of one town, a county department, a body with no
    /// region, an HTML source, and hostile text everywhere a reader's text can go.
    static func documents() -> [ParsedDocument] {
        let h = Sample.hostile
        return [
            Sample.document(Sample.report(source: "content/b.txt", body: "兴庆区掌政镇人民政府", region: xingqing, year: 2020,
                                          applications: Sample.tableThree, review: Sample.tableFour, extraText: h,
                                          diagnostics: [Sample.columnTotalWarning,
                                                        .warning("prose.mismatch", "正文与表格不符 " + h, line: 4),
                                                        .warning("report.noDate", "未找到发布日期", line: nil),
                                                        .info("text.encoding", "按 UTF-8 编码读取", line: nil)])),
            Sample.document(Sample.report(source: "content/a.txt", body: "兴庆区掌政镇人民政府", region: xingqing, year: 2021)),
            Sample.document(Sample.report(source: "content/c.md", title: "金凤区掌政镇2020年报告" + h, body: "金凤区掌政镇人民政府",
                                          region: jinfeng, year: 2020), kind: .markdown),
            Sample.document(Sample.report(source: "content/d.txt", body: "平罗县教育局", region: pingluo, year: 2021)),
            Sample.document(Sample.report(source: "content/e.html", body: "某某委员会" + h, region: .unknown, year: 2019),
                            kind: .html, text: "<html><body><p>原文 \(h)</p></body></html>"),
            // A second report of the same identity and year: kept, numbered by source path.
            Sample.document(Sample.report(source: "content/f.txt", body: "兴庆区掌政镇人民政府", region: xingqing, year: 2020)),
        ]
    }

    static func render() throws -> [OutputFile] {
        try SiteRenderer(config: Sample.config()).render(documents())
    }

    static let nx = "u5b81u590fu56deu65cfu81eau6cbbu533a/u94f6u5dddu5e02/"
    static let xq = Self.nx + "u5174u5e86u533a/u638cu653fu9547/"
    static let jf = Self.nx + "u91d1u51e4u533a/u638cu653fu9547/"

    @Test func everyExpectedPageExists() throws {
        let paths = Set(try Self.render().map(\.path))
        let expected = [
            "index.html", "search/index.html", "search/index.json", "assets/style.css", "assets/search.js",
            "years/index.html", "years/2019/index.html", "years/2020/index.html", "years/2021/index.html",
            "counties/index.html", "counties/u5174u5e86u533a/index.html", "counties/u91d1u51e4u533a/index.html",
            "counties/u5e73u7f57u53bf/index.html",
            Self.xq + "index.html", Self.xq + "2020/index.html", Self.xq + "2020/source.html", Self.xq + "2020/report.json", Self.xq + "2020/checks.json",
            Self.xq + "2020/source.txt",
            Self.xq + "2020-2/index.html", Self.xq + "2021/index.html",
            Self.jf + "index.html", Self.jf + "2020/index.html", Self.jf + "2020/source.md",
            "u5b81u590fu56deu65cfu81eau6cbbu533a/u77f3u5634u5c71u5e02/u5e73u7f57u53bf/u6559u80b2u5c40/2021/index.html",
        ]
        for path in expected { #expect(paths.contains(path), "missing \(path)") }
        let bodies = paths.filter { $0.hasPrefix("bodies/") }.sorted()
        #expect(bodies.count == 6)
        #expect(bodies.contains { $0.hasSuffix("/2019/source.html.txt") })
        #expect(!paths.contains { $0.hasPrefix("bodies/") && $0.hasSuffix("/2019/source.html.html") })
    }

    @Test func everyInternalLinkResolves() throws {
        #expect(LinkChecker.brokenLinks(in: try Self.render()) == [])
    }

    @Test func everyInternalLinkResolvesWithIndexFileLinks() throws {
        var config = Sample.config()
        config.linksToIndexFiles = true
        let files = try SiteRenderer(config: config).render(Self.documents())
        #expect(LinkChecker.brokenLinks(in: files) == [])
        // From file:// a folder link would open a directory listing: none may be left.
        var folderLinks: [String] = []
        for file in files where file.path.hasSuffix(".html") {
            for (_, link) in LinkChecker.links(in: file.data) where link.hasSuffix("/") || link == "." || link == ".." {
                folderLinks.append(file.path + ": " + link)
            }
        }
        #expect(folderLinks == [])
    }

    @Test func hostileTextIsNeverUnescaped() throws {
        // Data files (report.json, CSV, ZIP) hold the text as data; no browser reads them as HTML.
        let data = [".txt", ".md", "report.json", ".csv", ".zip"]
        for file in try Self.render() where !data.contains(where: file.path.hasSuffix) {
            let text = String(decoding: file.data, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(file.path)")
            #expect(!text.contains("<img"), "\(file.path)")
        }
    }

    @Test func hostileTextIsShownEscaped() throws {
        let files = try Self.render()
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"
        let pages = files.filter { String(decoding: $0.data, as: UTF8.self).contains(escaped) }.map(\.path)
        #expect(pages.contains(Self.jf + "2020/index.html"))          // the title
        #expect(pages.contains(Self.xq + "2020/index.html"))          // the diagnostic message
        #expect(pages.contains { $0.hasSuffix("2019/source.html") })  // the HTML original, line by line
    }

    /// `NIANBAO_DUMP_SITE=/tmp/site swift test --filter dumpSite` writes the sample site to look at.
    @Test func dumpSite() throws {
        guard let dir = ProcessInfo.processInfo.environment["NIANBAO_DUMP_SITE"] else { return }
        for file in try Self.render() {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
    }

    @Test func rawFilesKeepTheirBytes() throws {
        let files = try Self.render()
        let raw = try #require(files.first { $0.path.hasPrefix("bodies/") && $0.path.hasSuffix("source.html.txt") })
        #expect(String(decoding: raw.data, as: UTF8.self) == "<html><body><p>原文 \(Sample.hostile)</p></body></html>")
    }

    @Test func reportPageShowsProblemsBesideTheRow() throws {
        let files = try Self.render()
        let page = try #require(files.first { $0.path == Self.xq + "2020/index.html" })
        let html = String(decoding: page.data, as: UTF8.self)
        #expect(html.contains("本报告发现 3 个问题"))
        #expect(html.contains("<a href=\"#d1\">见表中此行</a>"))                     // placed beside the row
        #expect(html.contains("<a href=\"#d2\">见正文此处</a>"))                     // placed under its paragraph
        #expect(html.contains("<p class=\"note\" id=\"d2\"><span class=\"mark\" aria-hidden=\"true\">⚠</span> 问题：正文与表格不符 &lt;script&gt;"))
        #expect(html.contains("<li id=\"d3\">"))                                       // no line: the summary is its place
        #expect(html.contains("<tr class=\"note\"><td colspan=\"9\" id=\"d1\">"))
        #expect(html.contains("aria-describedby=\"d1\""))
        #expect(html.contains("<summary>读取说明</summary>"))                         // info is listed apart, not counted
    }

    @Test func bodyPageShowsFiguresAcrossYearsWithDashForUnknown() throws {
        let files = try Self.render()
        let page = try #require(files.first { $0.path == Self.xq + "index.html" })
        let html = String(decoding: page.data, as: UTF8.self)
        // 2020 (a.txt has no tables, b.txt has), 2020-2, 2021.
        #expect(html.contains("<tr><th scope=\"row\">本年新收申请</th><td class=\"num\">3</td>"))
        #expect(html.contains("<tr><th scope=\"row\">行政诉讼</th><td class=\"num\">0</td><td class=\"num\"><span aria-hidden=\"true\">—</span>"))
    }

    @Test func searchDocumentTableHasOneRowPerReport() throws {
        let files = try Self.render()
        var rows: [[String: Any]] = []
        for file in files where file.path.hasPrefix("search/d/") {
            rows += try #require(try JSONSerialization.jsonObject(with: file.data) as? [[String: Any]])
        }
        #expect(rows.count == 6)
        // Reports of 2020 have slot 120: b.txt, c.md and f.txt, numbered in folder order.
        #expect(files.filter { $0.path.hasPrefix("search/d/") }.map(\.path).sorted()
                == ["search/d/119-0.json", "search/d/120-0.json", "search/d/121-0.json"])
        let first = try #require(rows.first { ($0["u"] as? String) == Self.xq + "2020/" })
        #expect(first["c"] as? [String] == ["宁夏回族自治区", "银川市", "兴庆区", "掌政镇"])
        #expect(first["y"] as? Int == 2020)
        #expect(first["s"] as? String == "source.txt")
        #expect(first["k"] as? String == "640104100000")
    }

    @Test func urlsDoNotDependOnFileOrder() throws {
        let forward = try SiteRenderer(config: Sample.config()).render(Self.documents()).map(\.path)
        let backward = try SiteRenderer(config: Sample.config()).render(Self.documents().reversed()).map(\.path)
        #expect(forward == backward)
    }

    @Test func aTemplateErrorNamesTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Sample.themeDirectory, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<h1>{{#title}}</h1>\n".write(to: dir.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try SiteRenderer(config: SiteConfig(themeDirectory: dir))
            Issue.record("no error")
        } catch let error as SiteError {
            #expect(String(describing: error).hasPrefix(dir.appendingPathComponent("home.mustache").path + ":"))
        }
    }
}

extension SiteRenderTests {
    /// Each page's canonical address is its own: `source.html` had the home page's.
    @Test func everyPageHasItsOwnCanonicalAddress() throws {
        var config = Sample.config()
        config.baseURL = "https://example.gov.cn/nianbao/"
        let files = try SiteRenderer(config: config).render(Self.documents())
        func canonical(_ path: String) throws -> String {
            let html = String(decoding: try #require(files.first { $0.path == path }).data, as: UTF8.self)
            let start = try #require(html.range(of: "<link rel=\"canonical\" href=\""))
            return String(html[start.upperBound...].prefix { $0 != "\"" })
        }
        let base = "https://example.gov.cn/nianbao/"
        #expect(try canonical(Self.xq + "2020/source.html") == base + Self.xq + "2020/source.html")
        #expect(try canonical(Self.xq + "2020/index.html") == base + Self.xq + "2020/")
        #expect(try canonical("index.html") == base)
        #expect(try canonical("search/index.html") == base + "search/")
    }

    /// sitemap.xml lists every page a reader lands on — every `index.html` but the redirects
    /// of the older county URLs — and nothing else; it is made from the pages' kinds, not by
    /// reading the drawn HTML.
    @Test func sitemapListsTheLandingPages() throws {
        var config = Sample.config()
        config.baseURL = "https://example.gov.cn/"
        let files = try SiteRenderer(config: config).render(Self.documents())
        let xml = String(decoding: try #require(files.first { $0.path == "sitemap.xml" }).data, as: UTF8.self)
        let listed = xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let redirects = ["counties/u5174u5e86u533a/index.html", "counties/u91d1u51e4u533a/index.html", "counties/u5e73u7f57u53bf/index.html"]
        let expected = files.map(\.path).filter { $0.hasSuffix("index.html") && !redirects.contains($0) }
            .map { "https://example.gov.cn/" + $0.dropLast("index.html".count) }.sorted()
        #expect(listed == expected)
        // home, search, years + 3 years, counties, regions, timeliness, quality; 宁夏, 银川市, 石嘴山市, 兴庆区, 金凤区, 平罗县;
        // the bodies of 兴庆区掌政镇, 金凤区掌政镇, 平罗县教育局, 某某委员会; 6 reports; data/, data/table/.
        #expect(listed.count == 10 + 6 + 4 + 6 + 2)
        #expect(try SiteRenderer(config: Sample.config()).render(Self.documents()).allSatisfy { $0.path != "sitemap.xml" })
    }

    /// A base URL holding the characters XML gives a meaning to is written as entities in
    /// every `<loc>`, as the sitemaps protocol requires.
    @Test func sitemapEscapesTheBaseURL() throws {
        var config = Sample.config()
        config.baseURL = "https://example.gov.cn/a&b'c\"d/"
        let files = try SiteRenderer(config: config).render(Self.documents())
        let xml = String(decoding: try #require(files.first { $0.path == "sitemap.xml" }).data, as: UTF8.self)
        let home = "  <url><loc>https://example.gov.cn/a&amp;b&apos;c&quot;d/</loc></url>\n"
        #expect(xml.contains(home))
        #expect(!xml.contains("a&b") && !xml.contains("b'c"))
    }
}
