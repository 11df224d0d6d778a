import Testing
import Foundation
@testable import SiteKit

@Suite struct FrontMatterTests {
    @Test func blanksTheBlockSoLineNumbersStay() {
        let fm = FrontMatter.split("---\nyear: 2020\nbody: 掌政镇人民政府\n---\n标题\n")
        #expect(fm.fields == ["year": "2020", "body": "掌政镇人民政府"])
        #expect(fm.remainingText == "\n\n\n\n标题\n")
        #expect(fm.diagnostics.isEmpty)
    }

    @Test func noFrontMatterLeavesTheTextAlone() {
        let text = "标题\n---\nyear: 1\n---\n"
        let fm = FrontMatter.split(text)
        #expect(fm.fields.isEmpty)
        #expect(fm.remainingText == text)
    }

    @Test func badValuesAreDiagnosedAndIgnored() {
        let fm = FrontMatter.split("---\nyear: twenty\nformat: 2030\ncolour: red\n---\n")
        let (o, problems) = fm.overrides(resolveRegion: { _ in nil })
        #expect(o.isEmpty)
        #expect(Set((fm.diagnostics + problems).map(\.code)) == ["frontMatter.unknownKey", "frontMatter.year", "frontMatter.format"])
    }

    @Test func overridesReplaceFieldsAndAreNoted() {
        let report = Report(source: "a.txt", body: "镇政府", year: nil, diagnostics: [.error("report.noYear", "no year", line: nil)])
        let fm = FrontMatter.split("---\nyear: 2019\npublished: 2020-01-15\nregion: 640104100000\n---\n")
        let region = Region(province: "宁夏回族自治区", city: "银川市", county: "兴庆区", town: "掌政镇", code: "640104100000")
        let (o, problems) = fm.overrides(resolveRegion: { $0 == "640104100000" ? region : nil })
        #expect(problems.isEmpty)
        let r = report.applying(o)
        #expect(r.year == 2019)
        #expect(r.published == "2020-01-15")
        #expect(r.region == region)
        #expect(r.body == "镇政府")
        #expect(r.diagnostics.map(\.code) == ["frontMatter.override", "frontMatter.override", "frontMatter.override"])
        #expect(r.diagnostics.allSatisfy { $0.severity == .info && $0.line == 1 })
    }
}
