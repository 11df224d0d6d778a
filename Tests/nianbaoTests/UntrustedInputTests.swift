import Foundation
import NianbaoTestSupport
import Testing

/// Issue 12, part B: a file over the size limit and two files of one report are named, in
/// one line each, and the rest of the site still builds.
@Suite struct UntrustedInputTests {
    static let seed = Fixture.repositoryRoot.appendingPathComponent("content/001_ca48803eb8e502d4.txt")

    @Test func aFileOverTheLimitIsOneErrorAndTheSiteStillBuilds() throws {
        // 1.5 MB of text, over a 1 MB limit: refused before it is read.
        let big = String(repeating: "一二三四五六七八九十\n", count: 1024 * 1024 * 3 / 2 / 31 + 1)
        let sandbox = try Sandbox(extra: ["outer/project/content/big.txt": big])
        let r = try sandbox.run(["build", "--max-file-size", "1MB", "--theme", Sandbox.theme.path])
        let size = Data(big.utf8).count
        #expect(size > 1024 * 1024 && size < 1024 * 1024 * 16 / 10)
        #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("content/big.txt") } == [
            "content/big.txt: error: 文件有 1.5 MB，超过 1 MB 的上限，未读取；报告全文通常不到 1 MB，请检查是否放错了文件；"
                + "确需读取，请用 --max-file-size 或 site.yml 的 maxFileSize: 调高上限 [file.tooLarge]",
        ])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("built 1 reports into "))
        // With the limit raised in site.yml, the file is read (and is no report: unknown-year).
        try Data("maxFileSize: 2MB\n".utf8).write(to: sandbox.project.appendingPathComponent("site.yml"))
        let raised = try sandbox.run(["check"])
        #expect(!raised.stderr.contains("[file.tooLarge]"))
        #expect(raised.stdout.contains("checked 2 reports"))
    }

    @Test func aLimitThatCannotBeReadIsOneError() throws {
        let sandbox = try Sandbox()
        let r = try sandbox.run(["check", "--max-file-size", "lots"])
        #expect(r == CommandResult(stdout: "", stderr: "--max-file-size: error: 文件大小上限「lots」的写法无法识别；请写成 20MB、500KB 或字节数，"
            + "例如 --max-file-size 50MB [site.maxFileSize]\n", status: 1))
    }

    @Test func twoFilesOfOneReportAreBothNamedAndBothPublished() throws {
        let text = try String(contentsOf: Self.seed, encoding: .utf8)
        let sandbox = try Sandbox(extra: ["outer/project/content/copy/001.txt": text])
        let r = try sandbox.run(["build", "--theme", Sandbox.theme.path])
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n").filter { $0.hasSuffix("[report.duplicate]") }
        // The seed's body and year (its title lines) and its date (its last line, 2021年1月26日).
        let group = "2020 年度的报告有 2 份：第 1 份 content/001.txt（2021-01-26 发布），第 2 份 content/copy/001.txt（与第 1 份内容相同）；"
            + "都已发布，按文件路径排列"
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("content/001.txt: warning: ") == true)
        #expect(lines.last?.hasPrefix("content/copy/001.txt: warning: ") == true)
        #expect(lines.allSatisfy { $0.contains("王岗镇人民政府 " + group) })
        #expect(lines.first?.hasSuffix("本份是第 1 份。内容相同的文件是重复放入的，请删除多余的 [report.duplicate]") == true)
        #expect(lines.last?.hasSuffix("本份是第 2 份。内容相同的文件是重复放入的，请删除多余的 [report.duplicate]") == true)
        #expect(r.stdout.hasPrefix("built 2 reports into "))
        // The seed's region (黑龙江省哈尔滨市南岗区王岗镇) names the folder; the first file takes 2020/.
        let body = sandbox.project.appendingPathComponent("public/heilongjiangsheng/haerbinshi/nangangqu/wanggangzhen")
        for (folder, source) in [("2020", "content/001.txt"), ("2020-2", "content/copy/001.txt")] {
            let page = try String(contentsOf: body.appendingPathComponent("\(folder)/index.html"), encoding: .utf8)
            #expect(page.contains("本份是第 \(folder == "2020" ? 1 : 2) 份"), "\(folder) is \(source)")
        }
    }
}
