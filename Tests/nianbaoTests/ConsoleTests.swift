import Foundation
import NianbaoTestSupport
import Testing

/// Issue 12: whatever a file name or a report holds, every diagnostic is one line and no
/// control character reaches the terminal. Issue 8: commands run outside the repository.
@Suite struct ConsoleTests {
    static let theme = Sandbox.theme.path

    /// Whether a line is one whole diagnostic, with no control character in it.
    static func isOneDiagnostic<S: StringProtocol>(_ line: S) -> Bool {
        String(line).wholeMatch(of: #/[^\u{0}-\u{1F}\u{7F}]+?(:\d+)?: (error|warning|info): [^\u{0}-\u{1F}\u{7F}]* \[[A-Za-z.]+\]/#) != nil
    }

    @Test func controlCharactersInFileNamesAndFrontMatterAreEscaped() throws {
        let sandbox = try Sandbox(extra: [
            "outer/project/content/red\u{1B}[31m\nfake.txt": "",
            "outer/project/content/front.md": "---\nyear: \"\\e[2J\\atwenty\\u202E\"\n---\n# 某某镇人民政府2020年政府信息公开工作年度报告\n",
        ])
        let r = try sandbox.run(["check"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("content/red\\u{1B}[31m\\nfake.txt: error: 文件是空的") && $0.hasSuffix(" [file.empty]") })
        #expect(lines.contains { $0.hasPrefix("content/front.md:1: warning: front matter year「\\u{1B}[2J\\u{7}twenty\\u{202E}」不是年份") })
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        for line in lines.dropLast(2) { #expect(Self.isOneDiagnostic(line), "not one diagnostic: \(line)") }
        #expect(lines.suffix(2).first?.hasPrefix("checked 2 reports (1 files left out): ") == true)
    }

    /// A YAML error in front matter used to print Yams's multi-line description.
    @Test func aYAMLErrorInFrontMatterIsOneLine() throws {
        let sandbox = try Sandbox(extra: ["outer/project/content/bad.md": "---\nyear: [2020\nbody: x\n---\n# 某某镇人民政府2020年政府信息公开工作年度报告\n"])
        let r = try sandbox.run(["check"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("content/bad.md:") && $0.contains("[frontMatter.invalid]") })
        for line in lines.dropLast() { #expect(Self.isOneDiagnostic(line), "not one diagnostic: \(line)") }
    }

    @Test func anIOErrorNamesTheFileWhatWentWrongAndWhatToDo() throws {
        let sandbox = try Sandbox()
        let r = try sandbox.run(["build", "--theme", Self.theme, "--output", "notes.txt/site"])
        #expect(r.status == 1)
        #expect(r.stderr == "notes.txt: error: 无法创建：已经存在（移走它后重新运行） [output.io]\n")
    }

    /// Issue 8: `check` reads no theme; it used to fail outside the repository root with
    /// "theme folder …/themes/default does not exist".
    @Test func checkRunsInAProjectWithoutThemes() throws {
        let sandbox = try Sandbox()
        let r = try sandbox.run(["check"])
        #expect(r == CommandResult(stdout: "checked 1 reports (0 files left out): 0 errors, 0 warnings\n", stderr: "", status: 0))
    }

    /// `check -v`: under a diagnostic, the line of the file it names, as the file has it (tabs
    /// shown as ⇥), read again from the file only when asked for.
    @Test func verboseShowsTheSourceLineUnderADiagnostic() throws {
        let seed = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("content/000_c2bcf9dd95c89acf.txt"), encoding: .utf8)
        let sandbox = try Sandbox(extra: ["outer/project/content/000.txt": seed])
        let r = try sandbox.run(["check", "-v"])
        // `check` prints its diagnostics on standard output.
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("content/000.txt:72: warning: ") == true)
        let line72 = seed.split(separator: "\n", omittingEmptySubsequences: false)[71]
        #expect(lines.count > 1 && lines[1] == "    72 | " + line72.replacingOccurrences(of: "\t", with: " ⇥ "))
    }

    /// `build --timings`: the same summary on standard output, and one line a stage on
    /// standard error (name, wall and CPU milliseconds), the stages of a first build in order.
    @Test func buildTimingsPrintsOneLineAStage() throws {
        let sandbox = try Sandbox()
        let r = try sandbox.run(["build", "--timings"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("built 1 reports into 17 pages (54 files written, 0 unchanged, 0 removed), 0 errors, 0 warnings in "))
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 15)
        #expect(lines.allSatisfy { $0.wholeMatch(of: #/[a-z ,]+? +\d+\.\d ms wall +\d+\.\d ms cpu/#) != nil })
        #expect(lines.first?.hasPrefix("cache and theme read ") == true && lines.last?.hasPrefix("finished ") == true)
    }

    /// Issue 8: `build` finds the theme shipped with nianbao, or says which flag to give.
    @Test func buildFindsTheShippedThemeOrSaysWhichFlagToGive() throws {
        let sandbox = try Sandbox()
        let r = try sandbox.run(["build"])
        #expect(r.status == 0)
        // 54 files (CLITests.buildPrintsTheBrokenSumsOfSeed000AndPublishes).
        #expect(r.stdout.hasPrefix("built 1 reports into 17 pages (54 files written, 0 unchanged, 0 removed), 0 errors, 0 warnings in "))
        let missing = try sandbox.run(["build", "--theme", "plain"])
        let shipped = Fixture.repositoryRoot.appendingPathComponent("themes/plain").path
        let expected = "--theme: error: 找不到主题 plain（查找过 \(sandbox.real)/outer/project/themes/plain、\(shipped)）；"
            + "请用 --theme 指定主题名或主题文件夹，例如 --theme path/to/theme [theme.missing]\n"
        #expect(missing == CommandResult(stdout: "", stderr: expected, status: 1))
    }

    @Test func aMissingContentFolderNamesTheFlag() throws {
        let sandbox = try Sandbox()
        let r = try sandbox.run(["check", "--content", "reports2020"])
        let expected = "--content: error: 报告文件夹 reports2020 不存在（在 \(sandbox.real)/outer/project 下查找）；请检查 --content 的路径 [content.missing]\n"
        #expect(r == CommandResult(stdout: "", stderr: expected, status: 1))
    }
}
