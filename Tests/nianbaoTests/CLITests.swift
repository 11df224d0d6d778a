import Testing
import Foundation
import NianbaoTestSupport

/// Runs the real binary and checks what a user sees, exactly.
@Suite struct CLITests {
    @Test func extractReportsAMissingFileAndExitsOne() throws {
        let dir = try CommandRunner.makeSite("-- content/.keep --\n")
        let r = try CommandRunner.run(["extract", "nowhere.txt"], in: dir)
        #expect(r == CommandResult(stdout: "[]\n", stderr: "nowhere.txt: error: 文件不存在 [file.unreadable]\n", status: 1))
    }

    /// Issue 8: `extract` read files its own way and printed a report for an empty file that
    /// `check` calls an error. Both now read through `ReportReader`.
    @Test func extractRefusesAnEmptyFileAsCheckDoes() throws {
        let dir = try CommandRunner.makeSite("-- empty.txt --\n\n-- binary.txt --\nab\u{0}\u{1}\u{2}cd\n")
        let r = try CommandRunner.run(["extract", "empty.txt", "binary.txt"], in: dir)
        #expect(r == CommandResult(stdout: "[]\n", stderr: """
            empty.txt: error: 文件是空的，未生成页面；请放入报告全文 [file.empty]
            binary.txt: error: 不是文本文件（含有空字节），未生成页面；请放入报告的文字、网页、Word 或 PDF 文件 [file.binary]

            """, status: 1))
    }

    @Test func buildWithoutAContentFolderFailsWithAClearMessage() throws {
        let dir = try CommandRunner.makeSite("-- other/a.txt --\nx\n")
        let r = try CommandRunner.run(["build"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        let real = URL(fileURLWithPath: dir.path).resolvingSymlinksInPath().path
        #expect(r.stderr == "content: error: 报告文件夹 content 不存在（在 \(real) 下查找）；"
            + "请在放报告文件夹 content/ 的项目文件夹里运行，或用 --content 指定报告文件夹 [content.missing]\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("public").path))
    }

    @Test func rootHelpNamesTheCommandsAndExitCodes() throws {
        let r = try CommandRunner.run(["--help"], in: Fixture.repositoryRoot)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Exit status: 0 on success; 1 when a command fails"))
        for command in ["build", "check", "extract"] {
            #expect(r.stdout.contains("\n  \(command) "))
        }
    }
}

/// `check` and `build` on small inline sites, output compared exactly.
@Suite struct CLISiteTests {
    static let theme = Fixture.repositoryRoot.appendingPathComponent("themes/default").path

    @Test func checkPrintsEveryProblemWithItsFileAndExitsOneOnAnError() throws {
        let dir = try CommandRunner.makeSite("""
        -- content/a-empty.txt --

        -- content/b.txt --
        某某镇政府信息公开工作报告

        今年没有什么要说的。
        """)
        let r = try CommandRunner.run(["check", "--theme", Self.theme], in: dir)
        #expect(r == CommandResult(stdout: """
            content/a-empty.txt: error: 文件是空的，未生成页面；请放入报告全文 [file.empty]
            content/b.txt: error: 报告未写明年度（标题和统计期限中都没有）；可在 front matter 写 year: 指定 [report.noYear]
            content/b.txt: warning: 报告未写明发布机关；可在 front matter 写 body: 指定 [report.noBody]
            content/b.txt: warning: 未能从正文确定地区；可在 front matter 写 region: 指定 [region.unresolved]
            checked 1 reports (1 files left out): 2 errors, 2 warnings

            """, stderr: "", status: 1))
    }

    /// Seed 000's table 三 really is inconsistent: the build says so, line by line, and still
    /// publishes the report.
    @Test func buildPrintsTheBrokenSumsOfSeed000AndPublishes() throws {
        let seed = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("content/000_c2bcf9dd95c89acf.txt"), encoding: .utf8)
        let dir = try CommandRunner.makeSite("-- content/000.txt --\n" + seed)
        let r = try CommandRunner.run(["build", "--theme", Self.theme], in: dir)
        #expect(r.status == 0)
        // 23 files of the site and 20 of the search index (its manifest, one region file, one page
        // of the document table, 16 key files: between 4,097 and 8,192 keys at 512 a file, and one
        // of the letter keys: www.xqq.gov.cn, yxsxqqzzz@163.com), and 12 of
        // the open data: data/ and data/table/ pages, data/reports.csv, 2020.zip, report.schema.json,
        // fields.json, the year's and the county's reports.csv, the portal's and the county's
        // feed.xml, assets/data.css and assets/table-builder.js.
        #expect(r.stdout.hasPrefix("built 1 reports into 17 pages (55 files written, 0 unchanged, 0 removed), 0 errors, 13 warnings in "))
        let f = "content/000.txt"
        #expect(r.stderr == """
            \(f):72: warning: 表三 （一）予以公开: 6 个数值，应为 7 个 [applications.cellCount]
            \(f):73: warning: 表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形）: 6 个数值，应为 7 个 [applications.cellCount]
            \(f):74: warning: 表三 1.属于国家秘密: 6 个数值，应为 7 个 [applications.cellCount]
            \(f):75: warning: 表三 2.其他法律行政法规禁止公开: 6 个数值，应为 7 个 [applications.cellCount]
            \(f):76: warning: 表三 3.危及“三安全一稳定”: 6 个数值，应为 7 个 [applications.cellCount]
            \(f):77: warning: 表三 4.保护第三方合法权益: 6 个数值，应为 7 个 [applications.cellCount]
            \(f):78: warning: 表三 5.属于三类内部事务信息: 6 个数值，应为 7 个 [applications.cellCount]
            \(f):84: warning: 表三 1.本机关不掌握相关政府信息: 总计 0 ≠ 自然人 3 + 法人或其他组织 0 [applications.rowTotal]
            \(f):92: warning: 表三 （六）其他处理: 8 个数值，应为 7 个 [applications.cellCount]
            \(f):93: warning: 表三 （七）总计: 8 个数值，应为 7 个 [applications.cellCount]
            \(f):93: warning: 表三 （七）总计 自然人: 0 ≠ （一）至（六）之和 3 [applications.resultsTotal]
            \(f):94: warning: 表三 自然人: 一、本年新收 3 + 二、上年结转 0 = 3 ≠ （七）总计 0 + 四、结转下年度 0 = 0 [applications.balance]
            \(f):94: warning: 表三 总计: 一、本年新收 3 + 二、上年结转 0 = 3 ≠ （七）总计 0 + 四、结转下年度 0 = 0 [applications.balance]

            """)
        let page = dir.appendingPathComponent("public/ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/2020/index.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("本报告发现 13 个问题"))
    }

    @Test func extractPrintsTheReportObject() throws {
        let r = try CommandRunner.run(["extract", "content/001_ca48803eb8e502d4.txt"], in: Fixture.repositoryRoot)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array[0]["source"] as? String == "content/001_ca48803eb8e502d4.txt")
        #expect(array[0]["body"] as? String == "南岗区王岗镇人民政府")
        #expect(array[0]["year"] as? Int == 2020)
        #expect(array[0]["published"] as? String == "2021-01-26")
        #expect((array[0]["region"] as? [String: Any])?["code"] as? String == "230103101000")
    }

    /// `--base-url` gives every page its canonical address and the site a sitemap.xml; without
    /// it (the site's address unknown) there is neither.
    @Test func baseURLWritesCanonicalLinksAndASitemap() throws {
        let seed = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("content/001_ca48803eb8e502d4.txt"), encoding: .utf8)
        let dir = try CommandRunner.makeSite("-- content/001.txt --\n" + seed)
        let report = "heilongjiangsheng/haerbinshi/nangangqu/wanggangzhen/2020/"
        let plain = try CommandRunner.run(["build", "--theme", Self.theme], in: dir)
        #expect(plain.status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("public/sitemap.xml").path))
        #expect(!(try String(contentsOf: dir.appendingPathComponent("public/\(report)index.html"), encoding: .utf8)).contains("rel=\"canonical\""))

        let r = try CommandRunner.run(["build", "--theme", Self.theme, "--base-url", "https://example.gov.cn/nianbao"], in: dir)
        #expect(r.status == 0)
        let page = try String(contentsOf: dir.appendingPathComponent("public/\(report)index.html"), encoding: .utf8)
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.gov.cn/nianbao/\(report)\">"))
        let sitemap = try String(contentsOf: dir.appendingPathComponent("public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc>https://example.gov.cn/nianbao/</loc></url>\n"))
        #expect(sitemap.contains("  <url><loc>https://example.gov.cn/nianbao/\(report)</loc></url>\n"))
        #expect(!sitemap.contains("counties/nangangqu/"))   // a redirect page is not listed
    }
}
