import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// Issue 12: `site.yml` is bounded before YAML sees it, and its values are reported where
/// they are written.
@Suite struct SiteFileTests {
    func parse(_ text: String) throws -> SiteFile { try SiteFile.parse(Data(text.utf8), shown: "site.yml") }

    func failure(_ line: Int?, _ code: Diagnostic.Code, _ message: String) -> SiteFile.Failure {
        SiteFile.Failure(diagnostic: FileDiagnostic(file: "site.yml", diagnostic: .error(code, message, line: line)))
    }

    static let simple = "site.yml 只需几行“键: 值”（title、baseURL、theme、content、output、language、maxFileSize、indexLinks）"

    @Test func readsTheValuesWithTheirLines() throws {
        let file = try parse("# 门户\ntitle: 某县年报\n\noutput: site\nlogo: a.png\n")
        #expect(file.values == ["title": .init(text: "某县年报", line: 2), "output": .init(text: "site", line: 4)])
        #expect(file.warnings == [FileDiagnostic(file: "site.yml", diagnostic: .warning(
            "site.unknownKey", "不认识的设置 logo，已忽略（可用的设置：title、baseURL、theme、content、output、language、maxFileSize、indexLinks、"
                + "deadlineDepartment、deadlineGovernment、deadlineTown）", line: 5))])
    }

    /// 10 KB of `[` used to overflow the stack inside the YAML parser (exit 139).
    @Test func deepNestingIsRefusedBeforeTheParserSeesIt() throws {
        let deep = "title: x\nyear: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        #expect(throws: failure(2, "site.tooDeep", "嵌套超过 32 层；\(Self.simple)")) { try parse(deep) }
        let dashes = "title:\n" + String(repeating: "- ", count: 5_000) + "x\n"
        #expect(throws: failure(2, "site.tooDeep", "嵌套超过 32 层；\(Self.simple)")) { try parse(dashes) }
    }

    @Test(arguments: [
        ("title: x", 1), ("a: {b: [1, [2]]}", 4), ("a:\n  b:\n    c: d", 3), ("- - - a", 4),
        ("title: \"[[[[\" # [[[[", 1), ("title: a[b[c", 1), ("t: |\n  [[[[\n  {{{{\nu: 1", 1), ("t: '[[''['", 1),
    ])
    func depthIsCountedNeverUnder(_ yaml: String, _ depth: Int) {
        #expect(YAMLDepth.firstLine(in: yaml, beyond: depth) == nil)
        #expect(YAMLDepth.firstLine(in: yaml, beyond: depth - 1) != nil)
    }

    /// A billion-laughs `title:` used to be expanded to 6 GB; the aliases are now never
    /// expanded, and a value that is not one line of text is refused where it is written.
    @Test func aliasesAreNeverExpanded() throws {
        #expect(throws: failure(11, "site.value", "title 的值应为一行文字，这里是列表；例如 title: 某某县政府信息公开工作年度报告")) {
            try parse(HostileYAML.billionLaughs(key: "title"))
        }
    }

    @Test func aFileOver64KBIsRefused() throws {
        let big = "title: " + String(repeating: "年", count: 22_000) + "\n"
        #expect(throws: failure(nil, "site.tooLarge", "文件超过 64 KB 的上限；\(Self.simple)，请检查是否放错了文件")) { try parse(big) }
    }

    @Test func anEmptyValueIsRefusedAndAnEmptyStringIsKept() throws {
        #expect(throws: failure(2, "site.value", "output 没有写值；要用默认值就删掉这一行，否则写明，例如 output: public")) {
            try parse("title: x\noutput:\n")
        }
        #expect(try parse("output: \"\"\n").values["output"] == .init(text: "", line: 1))
    }

    /// Yams's own error text quotes the source over several lines; the diagnostic is one line.
    @Test func aYAMLErrorIsOneLineWithItsLine() throws {
        #expect(throws: failure(3, "site.yaml", "不是有效的 YAML（did not find expected ',' or ']'）；\(Self.simple)")) {
            try parse("title: x\noutput: [a, b\nlanguage: zh\n")
        }
    }
}

@Suite final class BuildPlanTests {
    let temp = TempFolders("nianbao-plan")

    func project(_ files: [String: String]) throws -> URL {
        let root = temp.name()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return URL(fileURLWithPath: root.path).resolvingSymlinksInPath()
    }

    static let themes = [Fixture.repositoryRoot.appendingPathComponent("themes")]

    /// On a nianbao that does not refuse it, this plan would go on to replace `/`: the test
    /// stops at the plan.
    @Test func theRootFolderIsRefused() throws {
        let root = try project([:])
        let cwd = Disk.realPath(FileManager.default.currentDirectoryPath)
        #expect(throws: OutputRefusal(.holds(.workingFolder, folder: cwd, exact: false), shown: "/", resolved: "/", file: "--output")) {
            try BuildPlan.resolve(root: root, content: nil, output: "/", theme: nil, baseURL: nil, themes: Self.themes)
        }
    }

    /// The folder holding site.yml, when it is not the current folder.
    @Test func theProjectFolderIsRefused() throws {
        let root = try project(["site.yml": "title: x\n"])
        let refusal = OutputRefusal(.holds(.project, folder: root.path, exact: true), shown: root.path, resolved: root.path, file: "--output")
        #expect(throws: refusal) {
            try BuildPlan.resolve(root: root, content: nil, output: root.path, theme: nil, baseURL: nil, themes: Self.themes)
        }
    }

    /// Issue 13: a site for the disk (file://) links folders as `…/index.html`, from the flag or site.yml.
    @Test func indexLinksComeFromTheFlagOrSiteYML() throws {
        let plain = try project([:])
        #expect(try !BuildPlan.resolve(root: plain, content: nil, output: nil, theme: nil, baseURL: nil,
                                       for: .check).config.linksToIndexFiles)
        #expect(try BuildPlan.resolve(root: plain, content: nil, output: nil, theme: nil, baseURL: nil, indexLinks: true,
                                      for: .check).config.linksToIndexFiles)
        let disk = try project(["site.yml": "indexLinks: true\n"])
        #expect(try BuildPlan.resolve(root: disk, content: nil, output: nil, theme: nil, baseURL: nil,
                                      for: .check).config.linksToIndexFiles)
    }

    /// Issue 8: `check` reads no theme, so it runs in any project folder.
    @Test func checkNeedsNoTheme() throws {
        let root = try project([:])
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: "nowhere", baseURL: nil, for: .check)
        #expect(plan.content == root.appendingPathComponent("content"))
        #expect(throws: BuildPlan.Failure.self) {
            try BuildPlan.resolve(root: root, content: nil, output: nil, theme: "nowhere", baseURL: nil)
        }
    }

    /// Every spelling of one content folder names its reports alike, and the site never names
    /// the machine's folders: `report.source` is `content/…` whether `--content` was
    /// `content`, `./content/`, the absolute path or a path through a link; a folder outside
    /// the project goes by its own name; the project folder itself by none.
    @Test func theContentFolderIsNamedTheSameHoweverItIsSpelled() throws {
        let root = try project(["content/a/x.txt": "", "data/reports/y.txt": "", "elsewhere/keep": ""])
        let outside = try project([:]).appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: root.appendingPathComponent("content"))
        func label(_ content: String?) throws -> String {
            try BuildPlan.resolve(root: root, content: content, output: nil, theme: nil, baseURL: nil, for: .check).contentLabel
        }
        for spelling in [nil, "content", "content/", "./content", "content/a/..", root.path + "/content", root.path + "/content/", "link"] {
            #expect(try label(spelling) == "content", "\(spelling ?? "default")")
        }
        #expect(try label("data/reports") == "data/reports")
        #expect(try label(root.path + "//data/./reports") == "data/reports")
        #expect(try label(outside.path) == "reports")
        #expect(try label(".") == "")
        #expect(try label(root.path) == "")
        let plan = try BuildPlan.resolve(root: root, content: root.path, output: nil, theme: nil, baseURL: nil, for: .check)
        #expect(plan.source(of: "a/x.txt") == "a/x.txt")
        let nested = try BuildPlan.resolve(root: root, content: "./data/reports/", output: nil, theme: nil, baseURL: nil, for: .check)
        #expect(nested.source(of: "y.txt") == "data/reports/y.txt")
    }

    /// A theme by name is looked for in the project, then among the themes shipped with nianbao.
    @Test func aThemeByNameIsFoundAmongTheShippedThemes() throws {
        let root = try project([:])
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: nil, baseURL: nil, themes: Self.themes)
        #expect(plan.config.themeDirectory == Self.themes[0].appendingPathComponent("default"))
        let message = "找不到主题 plain（查找过 \(root.path)/themes/plain、\(Self.themes[0].path)/plain）；"
            + "请用 --theme 指定主题名或主题文件夹，例如 --theme path/to/theme"
        #expect(throws: BuildPlan.Failure(diagnostic: FileDiagnostic(file: "--theme", diagnostic: .error("theme.missing", message, line: nil)))) {
            try BuildPlan.resolve(root: root, content: nil, output: nil, theme: "plain", baseURL: nil, themes: Self.themes)
        }
    }
}
