import Foundation
import NianbaoTestSupport
import Testing

/// Issue 12: a bad `site.yml` or theme stops the build with one line naming the file and
/// line — not a crash (exit 139) with no message, not 6 GB of memory.
@Suite struct BoundedInputTests {
    static let theme = Sandbox.theme.path

    /// `nianbao` under a 1 GB address-space limit, so that a run that would blow up fails
    /// fast instead of taking the machine's memory.
    func runBounded(_ arguments: [String], in sandbox: Sandbox) throws -> CommandResult {
        try CommandRunner.run(arguments, in: sandbox.project, memoryLimit: 1_000_000)
    }

    static let simple = "site.yml 只需几行“键: 值”（title、baseURL、theme、content、output、language、maxFileSize、indexLinks）"

    @Test func aDeeplyNestedSiteFileIsOneError() throws {
        let deep = "title: x\nyear: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let sandbox = try Sandbox(extra: ["outer/project/site.yml": deep])
        let before = try sandbox.snapshot()
        for command in [["check"], ["build", "--theme", Self.theme]] {
            let r = try runBounded(command, in: sandbox)
            #expect(r == CommandResult(stdout: "", stderr: "site.yml:2: error: 嵌套超过 32 层；\(Self.simple) [site.tooDeep]\n", status: 1))
        }
        #expect(try sandbox.snapshot() == before)
    }

    @Test func aBillionLaughsTitleIsOneError() throws {
        let sandbox = try Sandbox(extra: ["outer/project/site.yml": HostileYAML.billionLaughs(key: "title")])
        let r = try runBounded(["build", "--theme", Self.theme], in: sandbox)
        let expected = "site.yml:11: error: title 的值应为一行文字，这里是列表；例如 title: 某某县政府信息公开工作年度报告 [site.value]\n"
        #expect(r == CommandResult(stdout: "", stderr: expected, status: 1))
        #expect(!FileManager.default.fileExists(atPath: sandbox.project.appendingPathComponent("public").path))
    }

    /// A partial that includes itself used to crash the build (exit 139) with no message.
    @Test func aThemeWhosePartialIncludesItselfIsOneError() throws {
        let sandbox = try Sandbox()
        try sandbox.copyTheme(to: "themes/loop")
        try Data("<nav>\n{{#crumbs}}{{> crumbs}}{{/crumbs}}</nav>\n".utf8)
            .write(to: sandbox.project.appendingPathComponent("themes/loop/crumbs.mustache"))
        let r = try runBounded(["build", "--theme", "loop"], in: sandbox)
        let expected = "themes/loop/crumbs.mustache:2: error: 模板互相引用成环（crumbs → crumbs），渲染时会无限展开；"
            + "请去掉其中一处 {{> crumbs}} [theme.partialCycle]\n"
        #expect(r == CommandResult(stdout: "", stderr: expected, status: 1))
        #expect(!FileManager.default.fileExists(atPath: sandbox.project.appendingPathComponent("public").path))
    }

    @Test func aMissingPartialAndAMissingAssetsFolderAreReported() throws {
        let sandbox = try Sandbox()
        try sandbox.copyTheme(to: "themes/mine")
        try FileManager.default.removeItem(at: sandbox.project.appendingPathComponent("themes/mine/assets"))
        let partial = try runBounded(["build", "--theme", "mine"], in: sandbox)
        #expect(partial.status == 0)
        #expect(partial.stderr == "themes/mine/assets: warning: 主题没有 assets/ 文件夹，页面引用的样式表和脚本将不存在；"
            + "请从 themes/default 复制 assets/ [theme.noAssets]\n")
        // 18 files of the site, 19 of the search index (CLITests.buildPrintsTheBrokenSumsOfSeed000AndPublishes),
        // 10 of the open data (BoundedInputTests has no county: no county CSV or feed).
        #expect(partial.stdout.hasPrefix("built 1 reports into 17 pages (47 files written, 0 unchanged, 0 removed), 0 errors, 1 warnings"))

        try Data("{{> crumbs}}\n{{> nothere}}\n".utf8).write(to: sandbox.project.appendingPathComponent("themes/mine/home.mustache"))
        let missing = try runBounded(["build", "--theme", "mine"], in: sandbox)
        let expected = "themes/mine/home.mustache:2: error: 引用的模板 nothere 不存在（主题里没有 nothere.mustache）；"
            + "请补上该文件，或改正模板名 [theme.missingPartial]\n"
        #expect(missing == CommandResult(stdout: "", stderr: expected, status: 1))
    }
}
