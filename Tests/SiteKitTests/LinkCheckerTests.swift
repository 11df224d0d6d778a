import Testing
import NianbaoTestSupport
import Foundation
@testable import SiteKit

@Suite struct LinkCheckerTests {
    @Test func reportsOnlyMissingInternalTargets() {
        let files = [
            OutputFile(path: "index.html", text: ##"<a href="a/">a</a> <a href="b/">b</a> <a href="https://x.cn/">x</a> <a href="#top">t</a> <img src="i.png"><p id="top"></p><p id="x"></p>"##),
            OutputFile(path: "a/index.html", text: #"<a href="../">up</a> <a href="../index.html#x">up</a> <form action="../search/index.html"></form>"#),
        ]
        #expect(LinkChecker.brokenLinks(in: files) == [
            #"a/index.html: action="../search/index.html" → search/index.html"#,
            #"index.html: href="b/" → b/index.html"#,
            #"index.html: src="i.png" → i.png"#,
        ])
    }

    @Test func aLinkLeavingTheSiteIsBroken() {
        let files = [OutputFile(path: "index.html", text: #"<a href="../x/">x</a>"#)]
        #expect(LinkChecker.brokenLinks(in: files) == [#"index.html: href="../x/" → ../../x/"#])
    }
}

@Suite struct PageLinksTests {
    @Test func linksAreShortestRelativePaths() {
        let body = PageLinks(folder: "nx/yc/xq/zz/", indexFiles: false)
        #expect(body.to("nx/yc/xq/zz/2020/") == "2020/")
        #expect(body.to("counties/xq/") == "../../../../counties/xq/")
        #expect(body.to("") == "../../../../")
        #expect(body.to("nx/yc/xq/zz/") == "./")
        let root = PageLinks(folder: "", indexFiles: true)
        #expect(root.to("") == "index.html")
        #expect(root.to("years/") == "years/index.html")
        #expect(root.to("search.json") == "search.json")
        #expect(PageLinks(folder: "a/", indexFiles: false).to("a/source.html") == "source.html")
    }
}

@Suite struct FragmentCheckTests {
    @Test func aFragmentMustNameAnIdInItsPage() {
        let files = [
            OutputFile(path: "r/index.html", text: ##"<a href="source.html#L2">2</a> <a href="source.html#L9">9</a> <a href="#d1">d</a> <a href="#d7">x</a><p id="d1">"##),
            OutputFile(path: "r/source.html", text: #"<span id="L1"></span><span id="L2"></span>"#),
        ]
        #expect(LinkChecker.brokenLinks(in: files) == [
            #"r/index.html: href="source.html#L9" → r/source.html#L9"#,
            ##"r/index.html: href="#d7" → r/index.html#d7"##,
        ])
    }
}

extension PageLinksTests {
    /// The definition `PageLinks.to` works out on the bytes: split both paths at `/` (empty
    /// segments skipped), drop the folders they share, climb out of the rest.
    static func reference(_ links: PageLinks, _ target: String) -> String {
        let isFolder = target.isEmpty || target.hasSuffix("/")
        let from = links.folder.split(separator: "/")
        var to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - (isFolder ? 0 : 1), from[common] == to[common] { common += 1 }
        to.removeFirst(common)
        var path = String(repeating: "../", count: from.count - common) + to.joined(separator: "/")
        if isFolder && !to.isEmpty { path += "/" }
        if isFolder && links.indexFiles { return path + "index.html" }
        return path.isEmpty ? "./" : path
    }

    /// Random paths over a few segment names (shared prefixes likely, Chinese and empty
    /// segments, leading and doubled slashes, files and folders): the same link as the definition.
    @Test func linksAreTheSplitDefinitionsOnRandomPaths() {
        var rng = SeededGenerator(seed: 20261207)
        let names = ["a", "b", "ab", "2020", "西宁", "index.html", "x.json", ""]
        func path() -> String {
            var p = (0..<Int.random(in: 0...4, using: &rng)).map { _ in names.randomElement(using: &rng)! }.joined(separator: "/")
            if Bool.random(using: &rng) { p += "/" }
            if Int.random(in: 0..<8, using: &rng) == 0 { p = "/" + p }
            return p
        }
        var folders = Set<String>()
        for _ in 0..<4000 {
            let links = PageLinks(folder: path(), indexFiles: Bool.random(using: &rng))
            let target = path()
            folders.insert(links.folder)
            #expect(links.to(target) == Self.reference(links, target), "\(links.folder) → \(target)")
        }
        #expect(folders.count > 500)
    }
}
