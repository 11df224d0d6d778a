import Testing
@testable import SiteKit

@Suite struct SearchTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let text: String
        let runs: [String]
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "punctuation ends a run", text: "依申请公开、行政复议。", runs: ["依申请公开", "行政复议"]),
        Case(id: "space between Han and digits joins", text: "兴庆区掌政镇 2020 年报告", runs: ["兴庆区掌政镇2020年报告"]),
        Case(id: "space between ASCII words separates", text: "Open Data 2020", runs: ["open", "data", "2020"]),
        Case(id: "full-width folded and lower-cased", text: "ＡＢＣ１２３（第３件）", runs: ["abc123", "第3件"]),
        Case(id: "markdown emphasis skipped", text: "**一是**概况信息", runs: ["一是概况信息"]),
        Case(id: "line break inside a sentence joins", text: "分管领导\n\n任副组长", runs: ["分管领导任副组长"]),
        Case(id: "email and phone", text: "yxsxqqzzz@163.com；0951-6121130", runs: ["yxsxqqzzz", "163", "com", "0951", "6121130"]),
        Case(id: "ideographic space", text: "掌政镇\u{3000}人民政府", runs: ["掌政镇人民政府"]),
        Case(id: "extension B character", text: "𠮷野家", runs: ["𠮷野家"]),
        Case(id: "nothing searchable", text: "——（）…", runs: []),
    ]

    @Test(arguments: cases) func runsOfText(_ c: Case) {
        #expect(SearchText.runs(c.text).map { SearchText.string($0) } == c.runs)
    }

    @Test func shortNamesDropTheSuffix() {
        #expect(SearchKeys.shortName("掌政镇") == "掌政")
        #expect(SearchKeys.shortName("宁夏回族自治区") == "宁夏回族")
        #expect(SearchKeys.shortName("兴庆区掌政镇人民政府") == "兴庆区掌政镇")
        #expect(SearchKeys.shortName("城区") == nil)
    }

    @Test func pinyinKeysAreJoinedAndInitials() {
        #expect(SearchKeys.pinyin(["掌政镇", "掌政"]) == ["zhangzhengzhen", "zzz", "zhangzheng", "zz"])
    }

    @Test func regionKeysNameEachLevel() {
        #expect(SearchKeys.regionKeys(["640000000000", "640100000000", "640104000000", "640104100000", ""])
                == ["64", "6401", "640104", "640104100"])
    }
}
