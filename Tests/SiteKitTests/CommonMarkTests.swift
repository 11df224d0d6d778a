import Testing
@testable import SiteKit

@Suite struct CommonMarkTests {
    @Test func safeModeDropsRawHTML() {
        #expect(CommonMark.html("文字<script>alert(1)</script>结束") ==
                "<p>文字<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted -->结束</p>\n")
        #expect(CommonMark.html("<div onclick=\"x()\">块</div>") == "<!-- raw HTML omitted -->\n")
    }

    @Test func rendersInlineMarkdown() {
        #expect(CommonMark.html("**一是**概况信息") == "<p><strong>一是</strong>概况信息</p>\n")
    }

    /// Issue 13: seed 000 line 35 showed its stars; CommonMark does not close `**` after `。` before a letter.
    @Test func emphasisAfterChinesePunctuationIsNotShownAsStars() {
        #expect(CommonMark.html("1. **提高政治判断力，强化组织领导。**根据规定") ==
                "<ol>\n<li><strong>提高政治判断力，强化组织领导。</strong>根据规定</li>\n</ol>\n")
        #expect(CommonMark.html("单个 ** 星号与 &lt;b&gt;") == "<p>单个 ** 星号与 &lt;b&gt;</p>\n")
        #expect(CommonMark.html("**甲。<br>**乙") == "<p>**甲。<!-- raw HTML omitted -->**乙</p>\n")  // a tag between: left as printed
    }

    @Test func keepsAbsoluteLinksAndUnwrapsOthers() {
        #expect(CommonMark.html("见<http://www.xqq.gov.cn>") == "<p>见<a href=\"http://www.xqq.gov.cn\">http://www.xqq.gov.cn</a></p>\n")
        #expect(CommonMark.html("[本站](../other.html)与[坏](javascript:alert(1))") == "<p>本站与坏</p>\n")
        #expect(CommonMark.html("![图](http://evil.example/x.png)") == "<p>图</p>\n")
    }

    @Test func emptyInputGivesEmptyOutput() {
        #expect(CommonMark.html("") == "")
    }

    /// The byte test that lets most paragraphs skip the regular expression.
    @Test func doubleStarIsFoundByBytes() {
        #expect(CommonMark.hasDoubleStar("根据**要求"))
        #expect(CommonMark.hasDoubleStar("**"))
        #expect(!CommonMark.hasDoubleStar("*一*是*"))
        #expect(!CommonMark.hasDoubleStar(""))
        #expect(CommonMark.html("**强化组织领导。**根据") == "<p><strong>强化组织领导。</strong>根据</p>\n")
    }
}
