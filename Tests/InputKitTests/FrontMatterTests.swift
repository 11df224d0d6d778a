import Testing
import Foundation
@testable import InputKit

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

    @Test func overridesApplyInsideTheParseAndAreNoted() {
        // A report whose text names no year and no place: front matter settles both, so the
        // parse never raises report.noYear or region.unresolved.
        let text = "---\nyear: 2019\npublished: 2020-01-15\nregion: 640104100000\n---\n镇政府政府信息公开工作年度报告\n一、总体情况\n本镇认真落实条例。\n"
        let region = Region(province: "宁夏回族自治区", city: "银川市", county: "兴庆区", town: "掌政镇", code: "640104100000")
        let reader = ReportReader(regionLookup: { $0 == "640104100000" ? region : nil })
        let r = reader.read(Data(text.utf8), path: "a.txt", source: "content/a.txt").report!
        #expect(r.year == 2019)
        #expect(r.published == "2020-01-15")
        #expect(r.region == region)
        #expect(!r.diagnostics.contains { $0.code == "report.noYear" || $0.code.rawValue.hasPrefix("region.") })
        let notes = r.diagnostics.filter { $0.code == "frontMatter.override" }
        #expect(notes.map(\.message) == [
            "front matter 将 year 设为「2019」（正文读出的是「无」）",
            "front matter 将 published 设为「2020-01-15」（正文读出的是「无」）",
            "front matter 将 region 设为「宁夏回族自治区/银川市/兴庆区/掌政镇」（正文读出的是「无」）",
        ])
        #expect(notes.allSatisfy { $0.severity == .info && $0.line == 1 })
    }

    @Test func anUnterminatedBlockIsAnErrorAndItsFieldsAreNotRead() {
        let fm = FrontMatter.split("---\nyear: 2020\n标题\n")
        #expect(fm.fields.isEmpty)
        #expect(fm.diagnostics.map(\.code) == ["frontMatter.unterminated"])
        #expect(fm.diagnostics.first?.line == 1)
        #expect(fm.diagnostics.first?.severity == .error)
    }

    @Test func deepOrAliasedYAMLIsRefusedBeforeTheParserSeesIt() {
        let deep = "---\nyear: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n---\n正文\n"
        let fm = FrontMatter.split(deep)
        #expect(fm.fields.isEmpty)
        #expect(fm.diagnostics.map(\.code) == ["frontMatter.invalid"])
        #expect(fm.diagnostics.first?.line == 2)
        let dashes = "---\nyear: " + String(repeating: "- ", count: 30_000) + "x\n---\n正文\n"
        #expect(FrontMatter.split(dashes).diagnostics.map(\.code) == ["frontMatter.invalid"])
        let laughs = "---\na: &a [\"lol\",\"lol\"]\nb: &b [*a,*a]\nbody: *b\n---\n正文\n"
        let fm2 = FrontMatter.split(laughs)
        #expect(fm2.fields.isEmpty)
        #expect(fm2.diagnostics.map(\.line) == [2])
    }

    @Test func aYAMLErrorIsOneLineWithTheLineItPointsAt() {
        let fm = FrontMatter.split("---\nyear: 2020\nbody: \"unclosed\n---\n正文\n")
        #expect(fm.diagnostics.count == 1)
        #expect(!(fm.diagnostics.first?.message.contains("\n") ?? true))
        #expect(fm.diagnostics.first?.line == 3)
    }
}
