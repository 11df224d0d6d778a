import Testing
import ReportKit
@testable import SiteKit

/// `HTML.escape` and the numbered lines of `source.html`, written as bytes.
@Suite struct HTMLEscapeTests {
    @Test func escapesTheFiveAndKeepsEverythingElse() {
        #expect(HTML.escape("掌政镇") == "掌政镇")
        #expect(HTML.escape("") == "")
        #expect(HTML.escape(#"<td class="x">A&B's 表三</td>"#) == "&lt;td class=&quot;x&quot;&gt;A&amp;B&#39;s 表三&lt;/td&gt;")
        #expect(HTML.escape("é<") == "é&lt;")
    }

    @Test func sourceLinesAreNumberedAndEscaped() {
        let lines = [SourceLine("一、总体情况", number: 1), SourceLine("<b>&</b>", number: 12), SourceLine("", number: 13)]
        #expect(SourcePageView.linesHTML(lines) ==
            "<span id=\"L1\"><a href=\"#L1\">1</a>一、总体情况</span>\n"
            + "<span id=\"L12\"><a href=\"#L12\">12</a>&lt;b&gt;&amp;&lt;/b&gt;</span>\n"
            + "<span id=\"L13\"><a href=\"#L13\">13</a></span>\n")
    }
}
