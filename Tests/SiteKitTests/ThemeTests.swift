import Foundation
import Mustache
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// Issue 12: a theme is checked when it is loaded — a missing partial, a cycle of partials,
/// a section left open, a missing assets/ folder, a link out of the theme — each named with
/// its template and line, before any report is read.
@Suite final class ThemeTests {
    let temp = TempFolders("nianbao-theme")

    /// A copy of the default theme with `changes` (path → text; `nil` removes the file).
    func theme(_ changes: [String: String?] = [:]) throws -> URL {
        let dir = temp.name()
        try FileManager.default.copyItem(at: Sample.themeDirectory, to: dir)
        for (path, text) in changes {
            let url = dir.appendingPathComponent(path)
            if let text { try Data(text.utf8).write(to: url) } else { try FileManager.default.removeItem(at: url) }
        }
        return dir
    }

    /// Loading the default theme with `changes` fails with this problem in `template`.
    func expectProblem(_ changes: [String: String?], in template: String, line: Int, _ code: Diagnostic.Code, _ message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try theme(changes)
        let path = dir.appendingPathComponent(template + ".mustache").path
        #expect(throws: SiteError.invalid(path: path, line: line, code: code, message: message), sourceLocation: sourceLocation) {
            try Theme(directory: dir)
        }
    }

    @Test func theDefaultThemeLoadsWithoutWarnings() throws {
        let theme = try Theme(directory: Sample.themeDirectory)
        #expect(theme.warnings == [])
        #expect(theme.assets.map(\.path) == ["assets/data.css", "assets/favicon.svg", "assets/portal.css", "assets/search.js",
                                              "assets/sort.js", "assets/style.css", "assets/table-builder.js"])
    }

    /// swift-mustache escapes per Character, so `"` with a combining mark after it (one
    /// Character, not `"`) used to be written raw and close the attribute. Every template now
    /// escapes by scalar: in the template itself, in a partial and inside a section.
    @Test func aQuoteWithACombiningMarkCannotLeaveAnAttribute() throws {
        let dir = try theme([
            "home.mustache": "<meta content=\"{{d}}\">{{#list}}<a title=\"{{.}}\">{{/list}}{{> crumbs}}",
            "crumbs.mustache": "<p title='{{d}}'></p>",
        ])
        let hostile = "x\"\u{301} onfocus=alert(1) <\u{301}b>&\u{301}'\u{301}"
        let html = try Theme(directory: dir).render("home", ["d": hostile, "list": [hostile]])
        let escaped = "x&quot;\u{301} onfocus=alert(1) &lt;\u{301}b&gt;&amp;\u{301}&#39;\u{301}"
        #expect(html == "<meta content=\"\(escaped)\"><a title=\"\(escaped)\"><p title='\(escaped)'></p>")
    }

    /// The escaping pragma sits in front of line 1: an error there still gives the line and
    /// column swift-mustache reports for the file's own text.
    @Test func aTemplateErrorOnTheFirstLineKeepsItsColumn() throws {
        let text = "<h1>{{% NOPE: x }}</h1>\n"
        let dir = try theme(["home.mustache": text])
        var plain: MustacheTemplate.ParserError?
        do { _ = try MustacheTemplate(string: text) } catch let error as MustacheTemplate.ParserError { plain = error }
        let expected = try #require(plain)
        #expect(throws: SiteError.template(path: dir.appendingPathComponent("home.mustache").path, line: 1,
                                           column: expected.context.columnNumber, reason: "\(expected.error)",
                                           sourceLine: "<h1>{{% NOPE: x }}</h1>")) {
            try Theme(directory: dir)
        }
    }

    @Test func aMissingPartialIsNamedWithItsTemplateAndLine() throws {
        try expectProblem(["home.mustache": "<h1>{{title}}</h1>\n\n{{> nothere}}\n"], in: "home", line: 3, "theme.missingPartial",
                          "引用的模板 nothere 不存在（主题里没有 nothere.mustache）；请补上该文件，或改正模板名")
    }

    /// A partial that includes itself used to recurse until the process crashed (exit 139).
    @Test func aPartialThatIncludesItselfIsRefused() throws {
        try expectProblem(["crumbs.mustache": "<nav>\n{{#crumbs}}{{> crumbs}}{{/crumbs}}</nav>\n"],
                          in: "crumbs", line: 2, "theme.partialCycle",
                          "模板互相引用成环（crumbs → crumbs），渲染时会无限展开；请去掉其中一处 {{> crumbs}}")
    }

    @Test func partialsThatIncludeEachOtherAreRefused() throws {
        try expectProblem(["history.mustache": "{{> table}}\n", "table.mustache": "<table>\n\n{{> history}}</table>\n"],
                          in: "table", line: 3, "theme.partialCycle",
                          "模板互相引用成环（history → table → history），渲染时会无限展开；请去掉其中一处 {{> history}}")
    }

    @Test func anUnclosedSectionIsReportedWhereItOpens() throws {
        try expectProblem(["home.mustache": "<h1>{{title}}</h1>\n{{#items}}\n<li>{{name}}</li>\n\n\n"],
                          in: "home", line: 2, "theme.unclosedSection",
                          "{{#items}} 没有对应的 {{/items}}；请在段落结束处补上")
    }

    @Test func aSectionClosedByTheWrongNameIsReportedAtTheClose() throws {
        try expectProblem(["home.mustache": "{{#items}}\n<li>{{name}}</li>\n{{/itemz}}\n"], in: "home", line: 3, "theme.unexpectedClose",
                          "{{/itemz}} 关闭的不是第 1 行打开的 {{#items}}；请改为 {{/items}}")
    }

    @Test func sectionsNestedTooDeeplyAreRefusedBeforeSwiftMustacheRecursesIntoThem() throws {
        let deep = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000)
        try expectProblem(["home.mustache": deep], in: "home", line: 1, "theme.tooDeep",
                          "段落嵌套超过 32 层；请简化模板")
    }

    @Test func setDelimitersAndTripleMustachesAreRead() throws {
        let tags = try TemplateTags.scan("{{{html}}}\n{{=<% %>=}}\n<%#a%><%> row%><%/a%>\n<%={{ }}=%>{{> end}}", maxDepth: 32)
        #expect(tags.partials == [.init(name: "row", line: 3), .init(name: "end", line: 4)])
    }

    @Test func aMissingAssetsFolderIsReported() throws {
        let dir = try theme()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("assets"))
        let theme = try Theme(directory: dir)
        #expect(theme.warnings == [FileDiagnostic(file: dir.appendingPathComponent("assets").path, diagnostic: .warning(
            "theme.noAssets", "主题没有 assets/ 文件夹，页面引用的样式表和脚本将不存在；请从 themes/default 复制 assets/", line: nil))])
        #expect(theme.assets == [])
    }

    /// An asset linked to /etc/passwd used to be published with its contents.
    @Test func anAssetLinkedOutsideTheThemeIsNotPublished() throws {
        let dir = try theme()
        // A file beside the theme, in the temporary directory (removed with the test's folders).
        let outside = temp.name()
        try Data("secret".utf8).write(to: outside)
        let assets = dir.appendingPathComponent("assets")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("secret.txt").path,
                                                   withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("site.css").path, withDestinationPath: "style.css")
        let theme = try Theme(directory: dir)
        #expect(theme.assets.map(\.path)
            == ["assets/data.css", "assets/favicon.svg", "assets/portal.css", "assets/search.js", "assets/site.css", "assets/sort.js",
                "assets/style.css", "assets/table-builder.js"])
        #expect(theme.assets[4].data == theme.assets[6].data)
        #expect(theme.warnings == [
            FileDiagnostic(file: assets.appendingPathComponent("passwd").path, diagnostic: .warning(
                "theme.linkOutside", "是指向主题之外（/etc/passwd）的符号链接，未发布；请把文件本身放进主题", line: nil)),
            FileDiagnostic(file: assets.appendingPathComponent("secret.txt").path, diagnostic: .warning(
                "theme.linkOutside", "是指向主题之外（\(outside.path)）的符号链接，未发布；请把文件本身放进主题", line: nil)),
        ])
    }
}
