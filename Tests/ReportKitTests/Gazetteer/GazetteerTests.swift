import Foundation
import NianbaoTestSupport
import ReportKit
import Testing

@Suite struct GazetteerTests {
    let g = Gazetteer.shared

    @Test func loadsEveryRowOfThe2023Edition() {
        #expect(g.count == 44_699)
    }

    @Test func looksUpADivisionByCode() {
        #expect(g.division(code: "640104100000") == Division(
            code: "640104100000", name: "掌政镇", level: .township, parentCode: "640104000000", isPlaceholder: false))
        #expect(g.division(code: "640104") == g.division(code: "640104000000"))
        #expect(g.division(code: "999999999999") == nil)
        #expect(g.division(code: "64x104") == nil)
    }

    @Test func chainSkipsPlaceholderRows() {
        #expect(g.chain(code: "110105001000").map(\.name) == ["北京市", "朝阳区", "建外街道"])
        #expect(g.chain(code: "429004000000").map(\.name) == ["湖北省", "仙桃市"])
        // 东莞 has no county level: province › prefecture › township.
        #expect(g.chain(code: "441900003000").map(\.code) == ["440000000000", "441900000000", "441900003000"])
    }

    @Test func listsChildren() {
        #expect(g.children(of: "640400000000").map(\.name) == ["原州区", "西吉县", "隆德县", "泾源县", "彭阳县"])
        #expect(g.children(of: "350527000000") == [])
    }

    @Test func findsByFullShortAndFormerName() {
        #expect(g.divisions(named: "兴庆区").map(\.code) == ["640104000000"])
        #expect(g.divisions(named: "兴庆").map(\.code) == ["640104000000"])
        #expect(g.divisions(named: "宁夏").map(\.code) == ["640000000000"])
        #expect(g.divisions(named: "王岗镇").count == 4)
        #expect(g.divisions(named: "王岗镇", under: "230100000000").map(\.code) == ["230103101000"])
        #expect(g.divisions(named: "城关镇").count == 88)
        #expect(g.divisions(named: "城关", under: "640423000000").map(\.code) == ["640423100000"])
        // 长辛店镇 became 长辛店街道 (a 镇 → 街道 change gives a new code).
        #expect(g.divisions(formerlyNamed: "长辛店镇").map(\.code) == ["110106011000"])
        #expect(g.divisions(named: "长辛店镇").map(\.name) == ["长辛店街道"])
    }

    @Test func fillsARegionFromACode() {
        #expect(g.region(for: "640104100000") == Region(
            province: "宁夏回族自治区", city: "银川市", county: "兴庆区", town: "掌政镇", code: "640104100000").withLevelCodes())
        #expect(g.region(for: "110105000000") == Region(province: "北京市", county: "朝阳区", code: "110105000000").withLevelCodes())
        #expect(g.region(for: "110100000000") == Region(province: "北京市", code: "110000000000").withLevelCodes())
        #expect(g.region(for: "nonsense") == .unknown)
    }

    @Test func readsFrontMatterOverrides() {
        let zhangzheng = Region(province: "宁夏回族自治区", city: "银川市", county: "兴庆区", town: "掌政镇", code: "640104100000").withLevelCodes()
        #expect(g.region(fromOverride: "640104100000") == zhangzheng)
        #expect(g.region(fromOverride: "宁夏回族自治区/银川市/兴庆区/掌政镇") == zhangzheng)
        #expect(g.region(fromOverride: " 宁夏/银川/兴庆/掌政 ") == zhangzheng)
        #expect(g.region(fromOverride: "北京市/朝阳区") == Region(province: "北京市", county: "朝阳区", code: "110105000000").withLevelCodes())
        #expect(g.region(fromOverride: "城关镇") == nil)
        #expect(g.region(fromOverride: "宁夏/城关镇") == nil)
        #expect(g.region(fromOverride: "宁夏/隆德县/城关镇")?.code == "640423100000")
        #expect(g.region(fromOverride: "") == nil)
        #expect(g.region(fromOverride: "火星/奥林匹斯山") == nil)
    }

    @Test func resourceStaysSmall() throws {
        let folder = Fixture.repositoryRoot.appendingPathComponent("Sources/ReportKit/Resources")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        let sizes = try files.map { try $0.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 }
        #expect(sizes.reduce(0, +) < 1_500_000)
        #expect(sizes.allSatisfy { $0 < 4_000_000 })
    }

    @Test func malformedResourceRowsAreSkipped() {
        let divisions = Data("garbage\n\t\t\n64\t宁夏回族自治区\n6401\t银川市\n12345678901234\tX\n6401x4\tY\n640104\t兴庆区\n6401\t重复\n".utf8)
        let small = Gazetteer(divisionsTSV: divisions, formerNamesTSV: Data("640199\t旧区\t640104\n\n9\n".utf8))
        #expect(small.count == 3)
        #expect(small.chain(code: "640104000000").map(\.name) == ["宁夏回族自治区", "银川市", "兴庆区"])
        #expect(small.divisions(named: "旧区").map(\.code) == ["640104000000"])
        #expect(Gazetteer(divisionsTSV: Data(), formerNamesTSV: Data()).region(fromOverride: "宁夏") == nil)
    }
}
