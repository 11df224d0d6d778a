import Foundation
import NianbaoTestSupport
import ReportKit
import Testing

@Suite struct RegionResolverTests {
    let resolver = RegionResolver()

    func fixture(_ name: String) throws -> String {
        let url = Fixture.directory().deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    func resolve(_ text: String, folder: String = "") -> (Region, [Diagnostic]) {
        resolver.resolve(ClueBuilder.clues(from: text, folder: folder))
    }

    static let seeds: [(String, Region)] = [
        ("000_c2bcf9dd95c89acf.txt", Region(province: "宁夏回族自治区", city: "银川市", county: "兴庆区", town: "掌政镇", code: "640104100000").withLevelCodes()),
        ("001_ca48803eb8e502d4.txt", Region(province: "黑龙江省", city: "哈尔滨市", county: "南岗区", town: "王岗镇", code: "230103101000").withLevelCodes()),
        ("002_bbda4c124945f80d.txt", Region(province: "宁夏回族自治区", city: "银川市", county: "贺兰县", town: "习岗镇", code: "640122100000").withLevelCodes()),
        ("003_f36b546d9ff9c8b9.txt", Region(province: "宁夏回族自治区", city: "固原市", county: "隆德县", town: "城关镇", code: "640423100000").withLevelCodes()),
        ("004_24cd27ad2d34b72d.txt", Region(province: "宁夏回族自治区", city: "银川市", county: "西夏区", town: "兴泾镇", code: "640105100000").withLevelCodes()),
    ]

    @Test(arguments: seeds.indices)
    func placesEachSeed(_ index: Int) throws {
        let (file, expected) = Self.seeds[index]
        let text = try String(contentsOf: Fixture.seeds.appendingPathComponent(file), encoding: .utf8)
        let (region, diagnostics) = resolve(text)
        #expect(region == expected)
        #expect(diagnostics == [])
    }

    @Test func duplicateTownAloneAssignsNoTownAndListsCandidates() throws {
        let (region, diagnostics) = resolve(try fixture("gazetteer-duplicate-town.txt"))
        #expect(region == .unknown)
        #expect(diagnostics.map(\.code) == ["region.ambiguous"])
        #expect(diagnostics.map(\.severity) == [.info])
        #expect(diagnostics.map(\.line) == [1])
        #expect(diagnostics.first?.message.hasPrefix("地区不唯一：「城关镇人民政府」可指 88 处：") == true)
        #expect(diagnostics.first?.message.contains("天津市/武清区/城关镇 (120114110000)") == true)
    }

    @Test func duplicateTownResolvedByCountyInAddressLine() throws {
        let (region, diagnostics) = resolve(try fixture("gazetteer-duplicate-address.txt"))
        #expect(region == Region(province: "内蒙古自治区", city: "呼和浩特市", county: "和林格尔县", town: "城关镇", code: "150123100000").withLevelCodes())
        #expect(diagnostics == [])
    }

    @Test func formerNameResolvesToTheCurrentDivision() throws {
        let (region, diagnostics) = resolve(try fixture("gazetteer-former-name.txt"))
        #expect(region == Region(province: "北京市", county: "丰台区", town: "长辛店街道", code: "110106011000").withLevelCodes())
        #expect(diagnostics == [])
    }

    @Test func countyDepartmentSitsAtTheCounty() throws {
        // The text also names 城关镇 (a school there): context never makes a county body a town.
        let (region, diagnostics) = resolve(try fixture("gazetteer-county-department.txt"))
        #expect(region == Region(province: "宁夏回族自治区", city: "固原市", county: "隆德县", code: "640423000000").withLevelCodes())
        #expect(diagnostics == [])
    }

    @Test func streetOfficeSitsAtItsStreet() throws {
        let (region, diagnostics) = resolve(try fixture("gazetteer-street-office.txt"))
        #expect(region == Region(province: "宁夏回族自治区", city: "银川市", county: "兴庆区", town: "凤凰北街街道", code: "640104001000").withLevelCodes())
        #expect(diagnostics == [])
    }

    @Test func cityGovernmentSitsAtTheCity() throws {
        let (region, diagnostics) = resolve(try fixture("gazetteer-city-government.txt"))
        #expect(region == Region(province: "江苏省", city: "淮安市", code: "320800000000").withLevelCodes())
        #expect(diagnostics == [])
    }

    @Test func functionalZoneSitsAtItsOwnLevel() throws {
        let (region, diagnostics) = resolve(try fixture("gazetteer-functional-zone.txt"))
        #expect(region == Region(province: "江苏省", city: "淮安市", county: "淮安经济技术开发区", code: "320871000000").withLevelCodes())
        #expect(diagnostics == [])
    }

    @Test func folderPicksAmongDuplicates() throws {
        let text = try fixture("gazetteer-folder.txt")
        let (region, diagnostics) = resolve(text, folder: "ningxia/guyuan/longde")
        #expect(region == Region(province: "宁夏回族自治区", city: "固原市", county: "隆德县", town: "城关镇", code: "640423100000").withLevelCodes())
        #expect(diagnostics == [])
        let (chinese, _) = resolve(text, folder: "宁夏/隆德县")
        #expect(chinese.code == "640423100000")
        let (unrelated, _) = resolve(text, folder: "reports/2023")
        #expect(unrelated.town == nil)
    }

    @Test func areaCodeNarrowsToThePrefecture() {
        // 0954 is 固原市, which holds one 城关镇 (隆德县).
        let (region, diagnostics) = resolve("城关镇人民政府2023年政府信息公开工作年度报告\n联系电话：0954-6012345\n")
        #expect(region == Region(province: "宁夏回族自治区", city: "固原市", county: "隆德县", town: "城关镇", code: "640423100000").withLevelCodes())
        #expect(diagnostics == [])
    }

    @Test func nothingFoundIsUnresolved() {
        let (region, diagnostics) = resolve("政府信息公开工作年度报告\n一、总体情况\n")
        #expect(region == .unknown)
        #expect(diagnostics.map(\.code) == ["region.unresolved"])
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func ambiguityKeepsWhatAllCandidatesShare() {
        // 桥西区 is a district of both 石家庄市 and 张家口市, both in 河北省.
        let (region, diagnostics) = resolve("桥西区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n")
        #expect(region == Region(province: "河北省", code: "130000000000").withLevelCodes())
        #expect(diagnostics.map(\.code) == ["region.ambiguous"])
        #expect(diagnostics.first?.message == "地区不唯一：「桥西区人民政府」可指 2 处：河北省/石家庄市/桥西区 (130104000000)；河北省/张家口市/桥西区 (130703000000)；可在 front matter 写 region: 指定")
    }

    @Test func shortNameBeforeAZoneWordNamesTheCounty() {
        let (region, _) = resolve("隆德经济开发区管委会2022年政府信息公开工作年度报告\n")
        #expect(region == Region(province: "宁夏回族自治区", city: "固原市", county: "隆德县", code: "640423000000").withLevelCodes())
    }

    @Test func hostNarrowsAmongDuplicates() {
        // www.xqq.gov.cn reads as the initials of 兴庆区 and others, none near a 桥西区, so the
        // ambiguity stays; www.sjz.gov.cn (石家庄) picks one.
        let unrelated = resolve("桥西区人民政府2022年政府信息公开工作年度报告\n网址：http://www.xqq.gov.cn/\n").0
        #expect(unrelated.county == nil)
        let sjz = resolve("桥西区人民政府2022年政府信息公开工作年度报告\n网址：http://www.sjz.gov.cn/\n").0
        #expect(sjz == Region(province: "河北省", city: "石家庄市", county: "桥西区", code: "130104000000").withLevelCodes())
    }

    @Test func hugeAndHostileInputStaysBounded() {
        let line = String(repeating: "城关镇兴庆区地址：www.a.gov.cn 电话0951-1234567", count: 20_000)
        let text = (0..<2_000).map { "第\($0)行 根据 城关镇" }.joined(separator: "\n") + "\n" + line
        let clues = RegionClues(body: String(repeating: "县", count: 10_000), title: line, signature: "",
                                folder: "/////../ä/\u{0}", lines: SourceText.lines(text), bodyLine: nil)
        let (region, _) = resolver.resolve(clues)
        #expect(region.town == nil)
        #expect(resolver.resolve(RegionClues(body: "", title: nil, signature: nil, folder: "", lines: [], bodyLine: nil)).0 == .unknown)
    }

    @Test func genericUnitNameAloneIsNotAPlace() {
        // 经济开发区管理委员会 is the NBS name of one township-like unit, but as a body it says what,
        // not where.
        let (region, diagnostics) = resolve("经济开发区管理委员会2023年政府信息公开工作年度报告\n")
        #expect(region == .unknown)
        #expect(diagnostics.map(\.code) == ["region.unresolved"])
    }
}
