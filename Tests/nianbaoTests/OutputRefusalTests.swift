import Foundation
import NianbaoTestSupport
import Testing

/// A project in a sandbox folder of its own, with the files a publisher keeps around it:
///
///     <sandbox>/outer/sibling.txt
///     <sandbox>/outer/project/            ← the current folder
///         content/001.txt  notes.txt  reports/2020.docx  docs/a.txt docs/b.txt
///
/// Every refused build must leave the whole sandbox as it was, byte for byte. The sandbox
/// is two levels deep so that even `--output ..` on a nianbao that does not refuse it (as
/// before issue 12) stays inside it. It is removed when the test lets go of it.
final class Sandbox {
    let root: URL
    /// The real path of `root` (links resolved), as nianbao prints it.
    let real: String
    let project: URL

    static let theme = Fixture.repositoryRoot.appendingPathComponent("themes/default")

    init(extra: [String: String] = [:]) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("nianbao-sandbox-\(UUID().uuidString)")
        project = root.appendingPathComponent("outer/project")
        let seed = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("content/001_ca48803eb8e502d4.txt"),
                              encoding: .utf8)
        var files = [
            "outer/sibling.txt": "beside the project\n",
            "outer/project/content/001.txt": seed,
            "outer/project/notes.txt": "the publisher's notes\n",
            "outer/project/reports/2020.docx": "PK\u{3}\u{4} not really a docx",
            "outer/project/docs/a.txt": "a\n",
            "outer/project/docs/b.txt": "b\n",
        ]
        files.merge(extra) { $1 }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        real = URL(fileURLWithPath: root.path).resolvingSymlinksInPath().path
    }

    /// Copies the default theme to `path` under the project.
    func copyTheme(to path: String) throws {
        let url = project.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.theme, to: url)
    }

    func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> CommandResult {
        try CommandRunner.run(arguments, in: project, environment: environment)
    }

    func snapshot() throws -> FolderSnapshot { try FolderSnapshot.take(root) }

    deinit { try? FileManager.default.removeItem(at: root) }
}

/// Issue 12: an output folder that is not nianbao's to replace is refused, with a message
/// saying why and what to do, and every file of the publisher is still there, byte for byte.
@Suite struct OutputRefusalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var siteFile: String? = nil
        /// More files in the project, by path.
        var files: [String: String] = [:]
        /// Theme copies to make under the project, by path.
        var themes: [String] = []
        var home: String? = nil
        /// The exact standard error, from the project's real path.
        var expected: @Sendable (_ project: String) -> String
        var testDescription: String { name }
    }

    static let replaced = "nianbao 每次构建都会整个替换输出文件夹，其中原有的文件都会被删除"
    static let elsewhere = "请改用一个专用的文件夹，例如 --output public"
    static let theme = Sandbox.theme.path

    static let cases: [Case] = [
        Case(name: "empty --output (an unset $OUT)", arguments: ["--output", ""]) { _ in
            "--output: error: 输出文件夹是空字符串（也许是一个没有设置的变量）；nianbao 不会猜测要替换哪个文件夹，\(elsewhere) [output.empty]\n"
        },
        Case(name: "the current folder", arguments: ["--output", "."]) { p in
            "--output: error: 输出文件夹 .（\(p)）就是当前文件夹；\(replaced)。\(elsewhere) [output.workingFolder]\n"
        },
        Case(name: "the current folder, absolute", arguments: ["--output", "PROJECT"]) { p in
            "--output: error: 输出文件夹 \(p) 就是当前文件夹；\(replaced)。\(elsewhere) [output.workingFolder]\n"
        },
        Case(name: "the parent folder", arguments: ["--output", ".."]) { p in
            let outer = (p as NSString).deletingLastPathComponent
            return "--output: error: 输出文件夹 ..（\(outer)）包含当前文件夹；\(replaced)。\(elsewhere) [output.workingFolder]\n"
        },
        Case(name: "site.yml with output: \"\"", arguments: [], siteFile: "title: 测试\noutput: \"\"\n") { _ in
            "site.yml:2: error: 输出文件夹是空字符串（也许是一个没有设置的变量）；nianbao 不会猜测要替换哪个文件夹，请改用一个专用的文件夹，例如 output: public [output.empty]\n"
        },
        Case(name: "site.yml with an empty output:", arguments: [], siteFile: "title: 测试\noutput:\n") { _ in
            "site.yml:2: error: output 没有写值；要用默认值就删掉这一行，否则写明，例如 output: public [site.value]\n"
        },
        Case(name: "site.yml with output: .", arguments: [], siteFile: "output: .\n") { p in
            "site.yml:1: error: 输出文件夹 .（\(p)）就是当前文件夹；\(replaced)。请改用一个专用的文件夹，例如 output: public [output.workingFolder]\n"
        },
        Case(name: "the content folder", arguments: ["--output", "content"]) { p in
            "--output: error: 输出文件夹 content（\(p)/content）就是报告文件夹 content；\(replaced)。\(elsewhere) [output.content]\n"
        },
        Case(name: "the parent of the content folder", arguments: ["--content", "data/reports", "--output", "data"],
             files: ["data/reports/a.txt": "某某镇人民政府2020年政府信息公开工作年度报告\n"]) { p in
            "--output: error: 输出文件夹 data（\(p)/data）包含报告文件夹 data/reports；\(replaced)。\(elsewhere) [output.content]\n"
        },
        Case(name: "inside the content folder", arguments: ["--output", "content/site"]) { p in
            "--output: error: 输出文件夹 content/site（\(p)/content/site）在报告文件夹 content 里面，生成的文件会在下次构建时被当作报告读入。"
                + "请把输出放在报告文件夹之外，例如 --output public [output.content]\n"
        },
        Case(name: "the theme", arguments: ["--theme", "themes/mine", "--output", "themes/mine"], themes: ["themes/mine"]) { p in
            "--output: error: 输出文件夹 themes/mine（\(p)/themes/mine）就是主题文件夹 themes/mine；\(replaced)。\(elsewhere) [output.theme]\n"
        },
        Case(name: "a folder holding the theme", arguments: ["--theme", "site/theme", "--output", "site"], themes: ["site/theme"]) { p in
            "--output: error: 输出文件夹 site（\(p)/site）包含主题文件夹 site/theme；\(replaced)。\(elsewhere) [output.theme]\n"
        },
        Case(name: "inside the theme", arguments: ["--theme", "themes/mine", "--output", "themes/mine/out"], themes: ["themes/mine"]) { p in
            "--output: error: 输出文件夹 themes/mine/out（\(p)/themes/mine/out）在主题文件夹 themes/mine 里面，生成的文件会被当作主题的一部分。"
                + "请把输出放在主题文件夹之外，例如 --output public [output.theme]\n"
        },
        Case(name: "site.yml naming its own folder", arguments: [], siteFile: "output: ../project\n") { p in
            "site.yml:1: error: 输出文件夹 ../project（\(p)）就是当前文件夹；\(replaced)。请改用一个专用的文件夹，例如 output: public [output.workingFolder]\n"
        },
        Case(name: "a folder that was never a nianbao site", arguments: ["--output", "docs"]) { p in
            "--output: error: 输出文件夹 docs（\(p)/docs）里已有 2 个文件或文件夹（a.txt、b.txt），但它不是 nianbao 生成的站点（没有 .nianbao-site 标记），"
                + "nianbao 不会替换它。请改用一个新的或空的文件夹；若它确是旧版 nianbao 生成的站点，确认后清空它再重新构建 [output.notASite]\n"
        },
        Case(name: "the home folder", arguments: ["--output", "../../home"], home: "outer/../home") { p in
            let home = ((p as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent + "/home"
            return "--output: error: 输出文件夹 ../../home（\(home)）就是主文件夹；\(replaced)。\(elsewhere) [output.home]\n"
        },
        Case(name: "a file", arguments: ["--output", "notes.txt"]) { _ in
            "--output: error: 输出路径 notes.txt 已存在，但不是文件夹；请移走它，或\(elsewhere.dropFirst()) [output.notAFolder]\n"
        },
    ]

    @Test(arguments: cases)
    func refusesAndKeepsEveryFile(_ c: Case) throws {
        var extra: [String: String] = [:]
        if let site = c.siteFile { extra["outer/project/site.yml"] = site }
        for (path, text) in c.files { extra["outer/project/" + path] = text }
        if c.home != nil { extra["home/.profile"] = "export PATH\n" }
        let sandbox = try Sandbox(extra: extra)
        for path in c.themes { try sandbox.copyTheme(to: path) }
        let before = try sandbox.snapshot()
        let project = sandbox.real + "/outer/project"
        let arguments = c.arguments.map { $0 == "PROJECT" ? project : $0 }
        let hasTheme = arguments.contains("--theme")
        let environment: [String: String?] = c.home.map { ["HOME": sandbox.real + "/" + $0] } ?? [:]
        let r = try sandbox.run(["build"] + arguments + (hasTheme ? [] : ["--theme", Self.theme]), environment: environment)
        #expect(r == CommandResult(stdout: "", stderr: c.expected(project), status: 1))
        #expect(try sandbox.snapshot() == before)
    }

    /// A site whose marker is gone is a folder nianbao cannot tell from the publisher's own.
    @Test func aSiteThatLostItsMarkerIsRefused() throws {
        let sandbox = try Sandbox()
        let public_ = sandbox.project.appendingPathComponent("public")
        let r1 = try sandbox.run(["build", "--theme", Self.theme])
        #expect(r1.status == 0)
        try FileManager.default.removeItem(at: public_.appendingPathComponent(".nianbao-site"))
        let before = try sandbox.snapshot()
        let r2 = try sandbox.run(["build", "--theme", Self.theme])
        #expect(r2.status == 1)
        #expect(r2.stderr.hasPrefix("public: error: 输出文件夹 public（\(sandbox.real)/outer/project/public）里已有 "))
        #expect(try sandbox.snapshot() == before)
    }
}

/// What a build may replace, and what it keeps.
@Suite struct OutputFolderTests {
    static let theme = Sandbox.theme.path

    @Test func aNewSiteCarriesTheMarkerAndTouchesNothingElse() throws {
        let sandbox = try Sandbox()
        let before = try sandbox.snapshot()
        let r = try sandbox.run(["build", "--theme", Self.theme])
        #expect(r.status == 0)
        let after = try sandbox.snapshot()
        #expect(after.excluding("outer/project/public") == before)
        let marker = after.entries["outer/project/public/.nianbao-site"]
        #expect(marker == .file(Data("""
            This folder is a site written by nianbao. Every build replaces it whole: do not keep
            other files here (hidden entries at the top, such as .git, are carried over).

            """.utf8)))
    }

    @Test func anEmptyFolderOrOneWithOnlyHiddenEntriesIsReplacedAndTheHiddenEntriesKept() throws {
        let sandbox = try Sandbox(extra: ["outer/project/public/.gitkeep": "",
                                          "outer/project/public/.git/HEAD": "ref: refs/heads/gh-pages\n"])
        try FileManager.default.createDirectory(at: sandbox.project.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let before = try sandbox.snapshot()
        #expect(try sandbox.run(["build", "--theme", Self.theme]).status == 0)
        #expect(try sandbox.run(["build", "--theme", Self.theme, "--output", "empty"]).status == 0)
        let after = try sandbox.snapshot()
        #expect(after.entries["outer/project/public/.gitkeep"] == .file(Data()))
        #expect(after.entries["outer/project/public/.git/HEAD"] == .file(Data("ref: refs/heads/gh-pages\n".utf8)))
        #expect(after.entries["outer/project/empty/index.html"] != nil)
        func rest(_ s: FolderSnapshot) -> FolderSnapshot { s.excluding("outer/project/public").excluding("outer/project/empty") }
        #expect(rest(after) == rest(before))
    }

    /// A file the publisher put into the site is not kept (the folder is nianbao's), and the
    /// summary says how many files went, so a report that stopped building is noticed.
    @Test func theSummaryCountsRemovedFiles() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["build", "--theme", Self.theme]).status == 0)
        try Data("x".utf8).write(to: sandbox.project.appendingPathComponent("public/stray.html"))
        let r = try sandbox.run(["build", "--theme", Self.theme])
        #expect(r.status == 0)
        // 54 files (CLITests.buildPrintsTheBrokenSumsOfSeed000AndPublishes).
        #expect(r.stdout.hasPrefix("built 1 reports into 17 pages (0 files written, 54 unchanged, 1 removed), 0 errors, 0 warnings in "))
        #expect(!FileManager.default.fileExists(atPath: sandbox.project.appendingPathComponent("public/stray.html").path))
    }
}
