import Foundation
import NianbaoTestSupport
import SiteKit
import Testing

/// Builds the project's own content/ (the seeds) plus a hostile report into a temporary
/// folder, the way `nianbao build` does, and checks the site as a reader would meet it.
@Suite struct SiteBuildTests {
    static let hostile = """
    <script>alert("title")</script>掌政镇 2021 年政府信息公开工作年度报告

    一、总体情况

    本年度<img src=x onerror=alert(1)>共收到政府信息公开申请0件。"><b>bold</b>

    兴庆区掌政镇人民政府
    2022年1月20日
    """

    struct Built {
        let root: URL
        let files: [OutputFile]
        let result: Pipeline.Result
    }

    static func build() async throws -> Built {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-site-\(UUID().uuidString)")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for seed in try FileManager.default.contentsOfDirectory(atPath: Fixture.repositoryRoot.appendingPathComponent("content").path) {
            try FileManager.default.copyItem(at: Fixture.repositoryRoot.appendingPathComponent("content/\(seed)"), to: content.appendingPathComponent(seed))
        }
        try Data(hostile.utf8).write(to: content.appendingPathComponent("hostile.txt"))
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil,
                                         theme: Fixture.repositoryRoot.appendingPathComponent("themes/default").path, baseURL: nil)
        let result = try await Pipeline(plan: plan).build()
        let out = root.appendingPathComponent("public")
        var files: [OutputFile] = []
        // The marker is the writer's, not a page of the site; the cache is the build's own.
        for rel in try SourceLoaderTestWalk.files(in: out) where rel != ".nianbao-site" && !rel.hasPrefix(".nianbao/cache/") {
            files.append(OutputFile(path: rel, data: try Data(contentsOf: out.appendingPathComponent(rel))))
        }
        return Built(root: root, files: files, result: result)
    }

    @Test func everyExpectedPageExistsAndEveryLinkResolves() async throws {
        let built = try await Self.build()
        let paths = Set(built.files.map(\.path))
        let expected = [
            "index.html", "search/index.html", "search/index.json", "years/index.html", "counties/index.html",
            "years/2016/index.html", "years/2020/index.html", "years/2023/index.html",
            // a page per report, with its data, its source page and its raw file
            "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/2020/index.html",
            "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/2020/report.json",
            "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/2020/source.html",
            "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/2020/source.txt",
            "heilongjiangsheng/haerbinshi/nangangqu/wanggangzhen/2020/index.html",
            "ningxiahuizuzizhiqu/yinchuanshi/helanxian/xigangzhen/2016/index.html",
            "ningxiahuizuzizhiqu/guyuanshi/longdexian/chengguanzhen/2023/index.html",
            "ningxiahuizuzizhiqu/yinchuanshi/xixiaqu/xingjingzhen/2020/index.html",
            // a page per town, all its years
            "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/index.html",
            "ningxiahuizuzizhiqu/guyuanshi/longdexian/chengguanzhen/index.html",
            // a page per county
            "counties/xingqingqu/index.html", "counties/longdexian/index.html", "counties/nangangqu/index.html",
        ]
        #expect(expected.filter { !paths.contains($0) } == [])
        #expect(LinkChecker.brokenLinks(in: built.files) == [])
        #expect(built.result.reports == 6)
    }

    @Test func reportTextNeverReachesAPageUnescaped() async throws {
        let built = try await Self.build()
        for file in built.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".json") || file.path.hasSuffix(".js") {
            let text = String(decoding: file.data, as: UTF8.self)
            for needle in ["<script>alert", "<img src=x", "onerror=alert(1)>", "\"><b>bold"] {
                #expect(!text.contains(needle), "\(file.path) contains \(needle) unescaped")
            }
        }
        // The raw file is published as text, byte for byte, never as a page.
        let raw = try #require(built.files.first { $0.path.hasSuffix("/source.txt") && String(decoding: $0.data, as: UTF8.self).contains("alert(\"title\")") })
        #expect(String(decoding: raw.data, as: UTF8.self) == Self.hostile)
    }

    /// The manifest of inputs is written beside the site, hidden, naming every other file.
    @Test func theManifestNamesEveryFile() async throws {
        let built = try await Self.build()
        let manifest = try #require(built.files.first { $0.path == ".nianbao/manifest.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: manifest.data) as? [String: Any])
        let files = try #require(json["files"] as? [String: Any])
        #expect(Set(files.keys) == Set(built.files.map(\.path)).subtracting([manifest.path]))
        let reports = try #require(json["reports"] as? [String: Any])
        #expect(reports.count == built.result.reports)
        #expect(reports["content/hostile.txt"] != nil)
    }

    @Test func aRebuildRewritesNothingThatDidNotChange() async throws {
        let built = try await Self.build()
        let plan = try BuildPlan.resolve(root: built.root, content: nil, output: nil,
                                         theme: Fixture.repositoryRoot.appendingPathComponent("themes/default").path, baseURL: nil)
        let again = try await Pipeline(plan: plan).build()
        #expect(again.written?.written == 0)
        // Every file of the site but the manifest, which is the build's own record.
        #expect(again.written?.unchanged == built.files.count - 1)
        #expect(again.parsed == 0 && again.drawn == 0)
    }
}

/// Lists the files under a folder, relative paths with `/`.
enum SourceLoaderTestWalk {
    static func files(in folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        var out: [String] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                out.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
            }
        }
        return out.sorted()
    }
}

extension SiteBuildTests {
    /// Adding a report rewrites the pages that list it, and leaves the other reports' pages
    /// as they were: the same file (inode), not a copy with a new modification time.
    @Test func addingAReportLeavesTheOtherReportPagesUntouched() async throws {
        let built = try await Self.build()
        let page = built.root.appendingPathComponent("public/heilongjiangsheng/haerbinshi/nangangqu/wanggangzhen/2020/index.html")
        let inode = { try FileManager.default.attributesOfItem(atPath: page.path)[.systemFileNumber] as? Int }
        let before = try inode()
        let seed = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("content/003_f36b546d9ff9c8b9.txt"), encoding: .utf8)
        try Data(seed.replacingOccurrences(of: "2023年", with: "2022年").utf8)
            .write(to: built.root.appendingPathComponent("content/longde-2022.txt"))
        let plan = try BuildPlan.resolve(root: built.root, content: nil, output: nil,
                                         theme: Fixture.repositoryRoot.appendingPathComponent("themes/default").path, baseURL: nil)
        let again = try await Pipeline(plan: plan).build()
        #expect(again.reports == built.result.reports + 1)
        #expect(try inode() == before)
        let written = try #require(again.written)
        // The search index's key files take the new report's keys: nearly all of them change.
        let index = try SourceLoaderTestWalk.files(in: built.root.appendingPathComponent("public/search")).count
        #expect(written.written > 0 && written.unchanged > written.written - index)
    }
}
