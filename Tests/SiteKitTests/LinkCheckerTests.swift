import Testing
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
