import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

@Suite struct SiteMapTests {
    @Test func fallbackSlugIsASCIIAndStable() {
        #expect(SiteRenderer.fallbackSlug("兴庆区") == "u5174u5e86u533a")
        #expect(SiteRenderer.fallbackSlug("No. 3 Town") == "no-3-town")
        #expect(SiteRenderer.fallbackSlug("") == "")
    }

    @Test func aBadSlugFunctionCannotMakeAnUnsafePath() {
        #expect(Slug.segment("掌政镇", using: { _ in "../../etc" }) == "etc")
        #expect(Slug.segment("掌政镇", using: { _ in "" }) == "u638cu653fu9547")
        #expect(Slug.segment("x", using: { _ in "///" }) == "x")
    }

    @Test func ownGovernmentAndDepartments() {
        #expect(SiteMap.ownPart(of: "兴庆区掌政镇人民政府", removing: ["兴庆区", "掌政镇"]) == "")
        #expect(SiteMap.ownPart(of: "平罗县教育局", removing: ["宁夏回族自治区", "平罗县"]) == "教育局")
        #expect(SiteMap.ownPart(of: "凤凰北街街道办事处", removing: ["凤凰北街街道"]) == "")
    }

    /// The own part found in the bytes is Foundation's search's, for every body and names of
    /// a small alphabet (names repeated, overlapping, inside one another, spaces in the body);
    /// and text the bytes cannot answer for (a composed character, a letter with its accent
    /// apart, a full-width space) goes to the search.
    @Test func ownPartsFoundInTheBytesAreTheSearchs() {
        var random = SeededGenerator(seed: 12)
        let alphabet: [Character] = ["县", "区", "镇", "局", "a", "A", "1", " ", "街"]
        func text(_ n: ClosedRange<Int>, spaces: Bool) -> String {
            String((0..<Int.random(in: n, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                .filter { spaces || $0 != " " })
        }
        var asBytes = 0
        for _ in 0..<3000 {
            let body = text(0...10, spaces: true)
            let names = (0..<Int.random(in: 0...3, using: &random)).map { _ in text(0...3, spaces: false) }
            let found = SiteMap.removedAsBytes(from: body, names)
            if found != nil { asBytes += 1 }
            #expect((found ?? SiteMap.removedBySearch(from: body, names)) == SiteMap.removedBySearch(from: body, names),
                    "\(body) without \(names)")
        }
        #expect(asBytes == 3000)
        for (body, names) in [("cafe\u{301}局", ["e"]), ("caf\u{E9}局", ["e\u{301}"]), ("cafe\u{301}局", ["caf\u{E9}"]),
                              ("甲县\u{3000}教育局", ["甲县"]), ("한국局", ["한"]), ("甲县\u{FF9E}局", ["甲县"])] {
            #expect(SiteMap.removedAsBytes(from: body, names) == nil)
            #expect(SiteMap.ownPart(of: body, removing: names) == SiteMap.removedBySearch(from: body, names))
        }
        // One é spelt two ways is one character to the search: removed, where its bytes differ.
        #expect(SiteMap.ownPart(of: "caf\u{E9}局", removing: ["e\u{301}"]) == "caf局")
    }

    @Test func clashingFoldersGetTheCodeTail() {
        // A slug function that maps every name to one word makes two towns collide.
        let a = Report(source: "a.txt", body: "甲镇人民政府", region: Region(county: "甲县", town: "甲镇", code: "640104100000"), year: 2020)
        let b = Report(source: "b.txt", body: "乙镇人民政府", region: Region(county: "甲县", town: "乙镇", code: "640104101000"), year: 2020)
        let map = SiteMap(reports: [a, b], slug: { $0.hasSuffix("县") ? "county" : "town" })
        #expect(map.reportFolder == ["county/town-100000/2020/", "county/town-101000/2020/"])
    }

    @Test func secondReportOfAnIdentityAndYearIsNumberedBySourcePath() {
        let region = Region(county: "甲县", town: "甲镇")
        let reports = [Report(source: "z.txt", region: region, year: 2020), Report(source: "a.txt", region: region, year: 2020),
                       Report(source: "m.txt", region: region, year: nil)]
        let map = SiteMap(reports: reports, slug: { $0 == "甲县" ? "jiaxian" : "jiazhen" })
        #expect(map.reportFolder == ["jiaxian/jiazhen/2020-2/", "jiaxian/jiazhen/2020/", "jiaxian/jiazhen/unknown-year/"])
    }

    @Test func noRegionGoesUnderBodies() {
        let map = SiteMap(reports: [Report(source: "a.txt", body: "Some Board", year: 2019)], slug: SiteRenderer.fallbackSlug)
        #expect(map.reportFolder == ["bodies/some-board/2019/"])
    }

    /// Places are told apart by the codes the report carries (`Region.codes`), never by asking
    /// the gazetteer again: these codes exist in no gazetteer.
    @Test func placesSplitByTheReportsOwnCodes() {
        func report(_ source: String, county: String) -> Report {
            Report(source: source, body: "某区人民政府",
                   region: Region(province: "某省", county: "某区", codes: Region.Codes(province: "990000000000", county: county)), year: 2020)
        }
        let map = SiteMap(reports: [report("a.txt", county: "990101000000"), report("b.txt", county: "990102000000")],
                          slug: { $0 == "某省" ? "mousheng" : "mouqu" })
        #expect(map.reportFolder == ["mousheng/mouqu-990101/2020/", "mousheng/mouqu-990102/2020/"])
        #expect(map.nodes.map(\.code) == ["990000000000", "990101000000", "990102000000"])
    }
}

/// `SitePlan.sorted`, which sorts ASCII paths by their bytes, gives the order `String` gives.
@Suite struct PlanPathOrderTests {
    @Test func pathsSortAsStringsSortThem() {
        var random = SeededGenerator(seed: 10)
        let alphabet = Array("ab/-.0z_A")
        let ascii = (0..<2000).map { _ in String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
        #expect(SitePlan.sorted(ascii) == ascii.sorted())
        // Not ASCII: `String`'s own order (é as one scalar and as e with its accent are one string to it).
        let other = ascii.prefix(50) + ["caf\u{E9}/", "cafe\u{301}/", "caf/", "café/index.html", "北京/"]
        #expect(SitePlan.sorted(Array(other)) == other.sorted())
        #expect(SitePlan.sorted([]) == [] && SitePlan.sorted(["a/"]) == ["a/"])
    }

    /// Paths that share long prefixes, as a site's do (a place's folder, then its bodies',
    /// then the years'), some of them twice: the sort goes a byte at a time through them.
    @Test func pathsWithLongSharedPrefixesSortAsStringsSortThem() {
        var random = SeededGenerator(seed: 11)
        let places = ["ningxiahuizuzizhiqu/", "ningxiahuizuzizhiqu/yinchuanshi/", "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/",
                      "ningxia/", "n", ""]
        let parts = ["jiaoyuju/", "2020/", "2020-2/", "2021/", "index.html", "source.html", "report.json", "-", "/", "a"]
        let paths = (0..<5000).map { _ in
            places.randomElement(using: &random)! + (0..<Int.random(in: 0...4, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined()
        }
        #expect(SitePlan.sorted(paths) == paths.sorted())
    }

    /// A plan given the order of the last plan of the same pages takes it (not sorting its
    /// paths); given an order that does not sort them (another plan's, one page out of place,
    /// one named twice), it sorts them: the same paths and pages either way.
    @Test func aPlanTakesAnOrderOnlyWhenItSortsItsPaths() {
        let summaries = StoredSiteMapTests.summaries()
        let map = SiteMap(reports: summaries, slug: Pinyin.slug)
        let first = SitePlan(config: SiteConfig(themeDirectory: URL(fileURLWithPath: "/")), summaries: summaries, map: map)
        #expect(first.sorted && first.paths == first.paths.sorted() && first.paths.count > 20)
        let made = first.paths.indices.map(first.madeIndex)
        let again = SitePlan(config: SiteConfig(themeDirectory: URL(fileURLWithPath: "/")), summaries: summaries, map: map, order: made)
        #expect(!again.sorted && again.paths == first.paths)
        #expect(again.paths.indices.allSatisfy { again.page(at: $0).path == first.paths[$0] && again.page(first.paths[$0])?.path == first.paths[$0] })
        var swapped = made
        swapped.swapAt(3, 4)
        var twice = made
        twice[5] = twice[6]
        let fewer = SiteMap(reports: Array(summaries.dropLast()), slug: Pinyin.slug)
        for (name, order, plan) in [("swapped", swapped, map), ("twice", twice, map), ("short", Array(made.dropLast()), map),
                                    ("another plan's", made, fewer)] {
            let planned = SitePlan(config: SiteConfig(themeDirectory: URL(fileURLWithPath: "/")), summaries: plan.reportFolder.count == summaries.count ? summaries : Array(summaries.dropLast()),
                                   map: plan, order: order)
            #expect(planned.sorted && planned.paths == planned.paths.sorted(), "\(name)")
        }
        #expect(first.page("no/such/page.html") == nil)
    }
}
