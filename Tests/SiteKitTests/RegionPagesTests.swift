import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// The browse-by-region pages on a hand-made site: two provinces, three cities, a county
/// (兴庆区) with its government, a department and three towns over three years — 大新镇 has
/// no 2020 report — and two 鼓楼区 in two cities of 江苏省.
@Suite struct RegionPagesTests {
    static func region(_ province: String, _ city: String?, _ county: String, _ town: String? = nil, _ code: String) -> Region {
        Region(province: province, city: city, county: county, town: town, code: code).withLevelCodes()
    }

    static let nx = "宁夏回族自治区"
    static func xq(_ town: String? = nil, _ code: String) -> Region { region(nx, "银川市", "兴庆区", town, code) }

    static func documents() -> [ParsedDocument] {
        var reports: [Report] = []
        func add(_ body: String, _ region: Region, _ years: [Int], published: [Int: String] = [:], problems: [Int: [Diagnostic]] = [:]) {
            for y in years {
                var r = Sample.report(source: "content/\(body)-\(y).txt", body: body, region: region, year: y,
                                      diagnostics: problems[y] ?? [])
                if let p = published[y] { r.published = p.isEmpty ? nil : p }
                reports.append(r)
            }
        }
        add("兴庆区掌政镇人民政府", xq("掌政镇", "640104100000"), [2019, 2020, 2021])
        add("兴庆区大新镇人民政府", xq("大新镇", "640104101000"), [2019, 2021], problems: [2021: [Sample.columnTotalWarning]])
        add("兴庆区通贵乡人民政府", xq("通贵乡", "640104200000"), [2021, 2019, 2020], published: [2019: ""])
        // A department's deadline is 31 January: 3 days late.
        add("兴庆区教育局", xq(nil, "640104000000"), [2020], published: [2020: "2021-02-03"])
        add("兴庆区人民政府", xq(nil, "640104000000"), [2021])
        add("银川市教育局", Region(province: nx, city: "银川市", code: "640100000000").withLevelCodes(), [2020])
        add("平罗县人民政府", region(nx, "石嘴山市", "平罗县", nil, "640221000000"), [2020])
        add("南京市鼓楼区人民政府", region("江苏省", "南京市", "鼓楼区", nil, "320106000000"), [2020])
        add("徐州市鼓楼区人民政府", region("江苏省", "徐州市", "鼓楼区", nil, "320302000000"), [2021])
        add("某某委员会", .unknown, [2019])
        return reports.map { Sample.document($0) }
    }

    static func render(indexFiles: Bool = false) throws -> [OutputFile] {
        var config = Sample.config()
        config.linksToIndexFiles = indexFiles
        return try SiteRenderer(config: config, slug: Pinyin.slug).render(documents())
    }

    static func page(_ path: String, in files: [OutputFile]) throws -> String {
        let file = try #require(files.first { $0.path == path }, "missing \(path)")
        return String(decoding: file.data, as: UTF8.self)
    }

    static let xingqing = "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/"

    @Test func regionPagesExistAtTheRegionPaths() throws {
        let paths = Set(try Self.render().map(\.path))
        let expected = [
            "regions/index.html", "counties/index.html",
            "ningxiahuizuzizhiqu/index.html", "ningxiahuizuzizhiqu/yinchuanshi/index.html",
            "ningxiahuizuzizhiqu/shizuishanshi/index.html", "ningxiahuizuzizhiqu/shizuishanshi/pingluoxian/index.html",
            Self.xingqing + "index.html", Self.xingqing + "2021/index.html",
            Self.xingqing + "zhangzhengzhen/index.html", Self.xingqing + "zhangzhengzhen/2020/index.html",
            Self.xingqing + "jiaoyuju/index.html", Self.xingqing + "jiaoyuju/2020/index.html",
            "jiangsusheng/index.html", "jiangsusheng/nanjingshi/gulouqu/index.html", "jiangsusheng/xuzhoushi/gulouqu/index.html",
            // the older flat county URLs, now redirects; the two 鼓楼区 apart
            "counties/xingqingqu/index.html", "counties/pingluoxian/index.html",
        ]
        #expect(expected.filter { !paths.contains($0) } == [])
        #expect(paths.filter { $0.hasPrefix("counties/gulouqu-") }.count == 2)
        // The county's own government has the county's page, not a page of its own.
        #expect(!paths.contains { $0.hasPrefix(Self.xingqing + "renminzhengfu") })
    }

    static let gap = "<td class=\"gap\"><span aria-hidden=\"true\">缺</span><span class=\"vh\">无报告</span></td>"
    static func onTime(_ href: String, _ year: Int) -> String {
        "<td><a href=\"\(href)\" aria-label=\"\(year)年度报告，\(year + 1)-01-25，按时\">\(year + 1)-01-25</a> "
            + "<span class=\"status\" aria-hidden=\"true\">按时</span></td>"
    }

    /// The grid lists every town and street of 兴庆区 in the division data (12 streets, 2
    /// towns, 2 乡: Resources/divisions.tsv 640104001…640104201) whether or not it has a report,
    /// with each report's date and whether it came out in time.
    @Test func countyGridShowsMissingYears() throws {
        let html = try Self.page(Self.xingqing + "index.html", in: try Self.render())
        #expect(html.contains("<tr><th scope=\"col\">单位</th><th scope=\"col\">2019</th><th scope=\"col\">2020</th><th scope=\"col\">2021</th></tr>"))
        let town = " <span class=\"kind\">乡镇（街道）</span></th>"
        let daxin = "<tr><th scope=\"row\"><a href=\"daxinzhen/\">兴庆区大新镇人民政府</a>" + town
            + Self.onTime("daxinzhen/2019/", 2019) + Self.gap + Self.onTime("daxinzhen/2021/", 2021) + "</tr>"
        #expect(html.contains(daxin))
        let own = "<tr><th scope=\"row\">兴庆区人民政府 <span class=\"kind\">县级以上地方人民政府</span></th>"
            + Self.gap + Self.gap + Self.onTime("2021/", 2021) + "</tr>"
        #expect(html.contains(own))
        let late = "<tr><th scope=\"row\"><a href=\"jiaoyuju/\">兴庆区教育局</a> <span class=\"kind\">县级以上人民政府部门</span></th>"
            + Self.gap + "<td class=\"late\"><a href=\"jiaoyuju/2020/\" aria-label=\"2020年度报告，2021-02-03，逾期 3 天\">2021-02-03</a> "
            + "<span class=\"status\" aria-hidden=\"true\"><span class=\"mark\">⚠</span> 逾期 3 天</span></td>" + Self.gap + "</tr>"
        #expect(html.contains(late))
        // A report with no date says so once.
        #expect(html.contains("<td><a href=\"tongguixiang/2019/\" aria-label=\"2019年度报告，未注明日期\">未注明日期</a></td>"))
        // A street with no report at all.
        #expect(html.contains("<tr><th scope=\"row\">凤凰北街街道" + town + Self.gap + Self.gap + Self.gap + "</tr>"))
        // Rows: the government, its department, then the towns and streets in code order.
        let order = ["兴庆区人民政府 <span", ">兴庆区教育局<", ">凤凰北街街道 <", ">星河街街道 <", ">兴庆区掌政镇人民政府<",
                     ">兴庆区大新镇人民政府<", ">兴庆区通贵乡人民政府<", ">月牙湖乡 <"]
        let positions = order.compactMap { html.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
        // Gaps: the government 2, the department 2, 12 streets × 3, 大新镇 1, 月牙湖乡 3.
        #expect(html.components(separatedBy: "<td class=\"gap\">").count - 1 == 2 + 2 + 36 + 1 + 3)
        #expect(html.contains("<p>18 个单位（其中乡镇、街道 16 个，据国家统计局 2023 年区划代码），10 份报告，44 处缺报告，1 份逾期发布。"))
        // The county government's own reports, which have no other page.
        #expect(html.contains("<h2>本级（兴庆区人民政府）历年报告</h2>\n<ul class=\"reports\">\n<li><a href=\"2021/\">2021：兴庆区人民政府 2021年度报告</a> "
            + "<span class=\"when\">（2022-01-25 发布，按时）</span></li>\n</ul>"))
        // A body's page says when each report came out, and which came late.
        let department = try Self.page(Self.xingqing + "jiaoyuju/index.html", in: try Self.render())
        #expect(department.contains("<li><a href=\"2020/\">2020：兴庆区教育局 2020年度报告</a> <span class=\"when late\">（<span class=\"mark\" "
            + "aria-hidden=\"true\">⚠</span> 2021-02-03 发布，逾期 3 天）</span></li>"))
    }

    /// The towns side by side for the latest year, one row per report in code order, each
    /// cell carrying the value `sort.js` sorts by.
    @Test func countyComparesItsTownsForTheLatestYear() throws {
        let html = try Self.page(Self.xingqing + "index.html", in: try Self.render())
        // One table a year a town reported, the newest open.
        #expect(html.components(separatedBy: "<details class=\"compare\"").count - 1 == 3)
        #expect(html.contains("<details class=\"compare\" open>\n<summary>2021 年</summary>\n"))
        #expect(html.contains("<details class=\"compare\">\n<summary>2020 年</summary>\n"))
        #expect(html.contains("<caption id=\"compare-2021-caption\">2021 年各乡镇、街道主要数字（件）</caption>"))
        let unknown = String(repeating: "<td data-sort=\"\" class=\"num muted\">—</td>", count: 5)
        let daxin = "<tr><th scope=\"row\" data-sort=\"兴庆区大新镇人民政府\"><a href=\"daxinzhen/2021/\">兴庆区大新镇人民政府</a></th>"
            + unknown + "<td data-sort=\"2022-01-25\">2022-01-25</td><td data-sort=\"0\">按时</td>"
            + "<td data-sort=\"1\" class=\"num\">1</td></tr>"
        #expect(html.contains(daxin))
        let order = ["data-sort=\"兴庆区掌政镇人民政府\"", "data-sort=\"兴庆区大新镇人民政府\"", "data-sort=\"兴庆区通贵乡人民政府\""]
        let positions = order.compactMap { html.range(of: $0)?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
        #expect(html.contains("<p class=\"legend\">本年无报告：凤凰北街街道、解放西街街道、文化街街道、富宁街街道、新华街街道、玉皇阁北街街道、前进街街道、中山南街街道、"
            + "银古路街道、胜利街街道、丽景街街道、星河街街道、月牙湖乡。"))
        #expect(html.contains("<script src=\"../../../assets/sort.js\"></script>"))
    }

    /// The late department on the timeliness page, and 兴庆区's 2020: three reports (掌政镇,
    /// 通贵乡, 教育局), one late, 15 of its 18 rows without a report.
    @Test func timelinessPageListsLateReports() throws {
        let html = try Self.page("timeliness/index.html", in: try Self.render())
        #expect(html.contains("<tr><th scope=\"row\"><a href=\"../\(Self.xingqing)jiaoyuju/2020/\">兴庆区教育局</a></th><td>兴庆区</td>"
            + "<td class=\"year\">2020</td><td>2021-02-03</td><td>2021-01-31</td><td class=\"num\">3</td></tr>"))
        #expect(html.contains("<h2>逾期发布的报告（1 份）</h2>"))
        #expect(html.contains("<tr><th scope=\"row\"><a href=\"../\(Self.xingqing)\">兴庆区</a> "
            + "<span class=\"parents\">宁夏回族自治区 银川市</span></th>"
            + "<td class=\"year\">2020</td><td class=\"num\">3</td>"
            + "<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">15</td></tr>"))
    }

    /// Each problem links to its note on the report's page, which carries that id.
    @Test func qualityPageLinksToTheBrokenRow() throws {
        let files = try Self.render()
        let html = try Self.page("quality/index.html", in: files)
        let page = "../" + Self.xingqing + "daxinzhen/2021/"
        #expect(html.contains("<li><a href=\"\(page)\">兴庆区大新镇人民政府</a>（1 个问题）\n<ul>\n"
            + "<li><a href=\"\(page)#d1\">表三 （七）总计：总计 3 ≠ 自然人 2 + 法人或其他组织 0</a></li>\n</ul>\n</li>"))
        #expect(html.contains("<h3>2021 年度：1 / 4 份报告有问题</h3>"))
        #expect(try Self.page(Self.xingqing + "daxinzhen/2021/index.html", in: files).contains("id=\"d1\""))
    }

    /// 银川市's page: its 11 reports (兴庆区's 10, 银川市教育局) and its county's gaps and late reports (44 and 1).
    @Test func aCityPageSumsItsCountiesCoverage() throws {
        let html = try Self.page("ningxiahuizuzizhiqu/yinchuanshi/index.html", in: try Self.render())
        #expect(html.contains("<p>共 11 份报告。下辖 1 个区县共 44 处缺报告、1 份逾期发布（按区划数据中的全部乡镇、街道计）。"
            + "<a href=\"../../timeliness/\">发布及时性</a></p>"))
    }

    @Test func reportBreadcrumbsLinkEveryLevel() throws {
        let files = try Self.render()
        let town = try Self.page(Self.xingqing + "zhangzhengzhen/2020/index.html", in: files)
        #expect(town.contains("""
            <nav class="crumbs" aria-label="所在地区">
            <ol>
            <li><a href="../../../../../">首页</a></li>
            <li><a href="../../../../">宁夏回族自治区</a></li>
            <li><a href="../../../">银川市</a></li>
            <li><a href="../../">兴庆区</a></li>
            <li><a href="../">掌政镇</a></li>
            <li><span aria-current="page">2020</span></li>
            </ol>
            </nav>
            """))
        let department = try Self.page(Self.xingqing + "jiaoyuju/2020/index.html", in: files)
        #expect(department.contains("""
            <li><a href="../../">兴庆区</a></li>
            <li><a href="../">兴庆区教育局</a></li>
            <li><span aria-current="page">2020</span></li>
            """))
        let county = try Self.page(Self.xingqing + "2021/index.html", in: files)
        #expect(county.contains("""
            <li><a href="../">兴庆区</a></li>
            <li><span aria-current="page">2021</span></li>
            """))
    }

    @Test func townPageShowsItsChainAndCode() throws {
        let html = try Self.page(Self.xingqing + "zhangzhengzhen/index.html", in: try Self.render())
        #expect(html.contains("<h1>兴庆区掌政镇人民政府</h1>\n<p class=\"chain\">宁夏回族自治区 › 银川市 › 兴庆区 › 掌政镇（640104100000）</p>"))
        #expect(html.contains("<li><a href=\"../\">兴庆区</a></li>\n<li><span aria-current=\"page\">掌政镇</span></li>"))
    }

    @Test func treeListsProvincesCitiesAndCountiesWithCounts() throws {
        let files = try Self.render()
        let tree = try Self.page("regions/index.html", in: files)
        #expect(tree.contains("<li><a href=\"../ningxiahuizuzizhiqu/\">宁夏回族自治区</a>（12 份）"))
        #expect(tree.contains("<li><a href=\"../ningxiahuizuzizhiqu/yinchuanshi/\">银川市</a>（11 份）"))
        #expect(tree.contains("<li><a href=\"../ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/\">兴庆区</a>（10 份）</li>"))
        #expect(tree.contains("<li><a href=\"../jiangsusheng/nanjingshi/gulouqu/\">鼓楼区</a>（1 份）</li>"))
        #expect(tree.contains("<li><a href=\"../jiangsusheng/xuzhoushi/gulouqu/\">鼓楼区</a>（1 份）</li>"))
        #expect(tree.contains("另有 1 份报告的单位未能定位到地区"))
        let city = try Self.page("ningxiahuizuzizhiqu/yinchuanshi/index.html", in: files)
        #expect(city.contains("<li><a href=\"xingqingqu/\">兴庆区</a>（10 份）</li>"))
        // A body of the city itself is listed on the city's page.
        #expect(city.contains("<h2>本级单位</h2>\n<ul class=\"bodies\">\n<li><a href=\"jiaoyuju/\">银川市教育局</a>：<a href=\"jiaoyuju/2020/\">2020</a> </li>\n</ul>"))
        let home = try Self.page("index.html", in: files)
        #expect(home.contains("<a href=\"regions/\">按地区浏览</a>"))
        #expect(home.contains("<li><a href=\"jiangsusheng/\">江苏省</a>（2 份）</li>"))
    }

    @Test func yearAndCountyListsLinkToCountyPages() throws {
        let files = try Self.render()
        let year = try Self.page("years/2020/index.html", in: files)
        #expect(year.contains("<h2><a href=\"../../ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/\">宁夏回族自治区 银川市 兴庆区</a></h2>"))
        #expect(year.contains("<h2><a href=\"../../ningxiahuizuzizhiqu/yinchuanshi/\">宁夏回族自治区 银川市</a></h2>\n<ul>\n<li><a href=\"../../ningxiahuizuzizhiqu/yinchuanshi/jiaoyuju/2020/\">银川市教育局</a></li>"))
        #expect(year.contains("<li><a href=\"../../\">首页</a></li>\n<li><a href=\"../\">按年份</a></li>\n<li><span aria-current=\"page\">2020</span></li>"))
        let counties = try Self.page("counties/index.html", in: files)
        #expect(counties.contains("<li><a href=\"../jiangsusheng/nanjingshi/gulouqu/\">鼓楼区</a> <span class=\"parents\">江苏省 南京市</span>"
            + "（1 个单位，1 份报告；13 处缺报告）</li>"))
        // 兴庆区: the 44 gaps and the late department of `countyGridShowsMissingYears`.
        #expect(counties.contains("<span class=\"parents\">宁夏回族自治区 银川市</span>（5 个单位，10 份报告；44 处缺报告，1 份逾期）</li>"))
        let redirect = try Self.page("counties/xingqingqu/index.html", in: files)
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/\">"))
    }

    @Test func everyInternalLinkResolves() throws {
        #expect(LinkChecker.brokenLinks(in: try Self.render()) == [])
        let files = try Self.render(indexFiles: true)
        #expect(LinkChecker.brokenLinks(in: files) == [])
        // From file:// a folder link opens a directory listing: with index-file links there is none.
        var folderLinks: [String] = []
        for file in files where file.path.hasSuffix(".html") {
            for (_, link) in LinkChecker.links(in: file.data) where link.hasSuffix("/") { folderLinks.append(file.path + ": " + link) }
            let text = String(decoding: file.data, as: UTF8.self)
            if text.contains("http-equiv=\"refresh\""), !text.contains("/index.html\">") { folderLinks.append(file.path + ": refresh") }
        }
        #expect(folderLinks == [])
    }

    /// Two 鼓楼区 the reports leave without their city: one name path, two codes — two places.
    @Test func oneNamePathWithTwoCodesSplitsByCode() {
        let a = Report(source: "a.txt", body: "鼓楼区人民政府",
                       region: Region(province: "江苏省", county: "鼓楼区", code: "320106000000").withLevelCodes(), year: 2020)
        let b = Report(source: "b.txt", body: "鼓楼区人民政府",
                       region: Region(province: "江苏省", county: "鼓楼区", code: "320302000000").withLevelCodes(), year: 2020)
        let map = SiteMap(reports: [a, b], slug: Pinyin.slug)
        #expect(map.reportFolder == ["jiangsusheng/gulouqu-320106/2020/", "jiangsusheng/gulouqu-320302/2020/"])
        #expect(map.counties.count == 2)
    }

    /// A city's body whose own part slugs like one of the city's counties never takes the county's folder.
    @Test func aBodyNeverTakesAPlacesFolder() {
        let county = Report(source: "a.txt", body: "甲区人民政府", region: Region(city: "某市", county: "甲区"), year: 2020)
        let body = Report(source: "b.txt", body: "某市甲区", region: Region(city: "某市", code: "110100000000"), year: 2020)
        let map = SiteMap(reports: [county, body], slug: { $0 == "某市" ? "moushi" : "jia" })
        #expect(map.reportFolder == ["moushi/jia/2020/", "moushi/jia-\(Slug.hash("某市||甲区"))/2020/"])
        #expect(map.nodes.map(\.folder) == ["moushi/", "moushi/jia/"])
        #expect(map.nodes[1].own == 0)
    }

    /// `NIANBAO_DUMP_SITE=/tmp/regions swift test --filter RegionPagesTests/dump` writes the site to look at.
    @Test func dump() throws {
        guard let dir = ProcessInfo.processInfo.environment["NIANBAO_DUMP_SITE"] else { return }
        for file in try Self.render(indexFiles: true) {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
    }
}
