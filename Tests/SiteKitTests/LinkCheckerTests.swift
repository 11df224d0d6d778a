import Testing
@testable import SiteKit

@Suite struct LinkCheckerTests {
    @Test func reportsOnlyMissingInternalTargets() {
        let files = [
            OutputFile(path: "index.html", text: ##"<a href="a/">a</a> <a href="b/">b</a> <a href="https://x.cn/">x</a> <a href="#top">t</a> <img src="i.png">"##),
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
