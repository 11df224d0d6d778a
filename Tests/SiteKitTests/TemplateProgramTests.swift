import Foundation
import Mustache
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// Issue 10: the theme's templates render through `TemplateProgram` (our own tree, no
/// per-lookup reflection) and must give exactly what swift-mustache gives, escaping included.
@Suite final class TemplateProgramTests {
    let temp = TempFolders("nianbao-program")

    /// The default theme with `changes` (template name → text).
    func theme(_ changes: [String: String]) throws -> Theme {
        let dir = temp.name()
        try FileManager.default.copyItem(at: Sample.themeDirectory, to: dir)
        for (name, text) in changes { try Data(text.utf8).write(to: dir.appendingPathComponent(name + ".mustache")) }
        return try Theme(directory: dir)
    }

    /// `name` rendered by the program, after checking swift-mustache renders the same.
    func rendered(_ theme: Theme, _ name: String, _ object: Any, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let program = try #require(theme.program, sourceLocation: sourceLocation)
        let ours = try #require(program.render(object, withTemplate: name), sourceLocation: sourceLocation)
        var plain = theme
        plain.program = nil
        #expect(try plain.render(name, object) == ours, sourceLocation: sourceLocation)
        #expect(try theme.render(name, object) == ours, sourceLocation: sourceLocation)
        return ours
    }

    @Test func theDefaultThemeIsTakenOverWhole() throws {
        let theme = try Theme(directory: Sample.themeDirectory)
        let program = try #require(theme.program)
        let files = try FileManager.default.contentsOfDirectory(atPath: Sample.themeDirectory.path).filter { $0.hasSuffix(".mustache") }
        #expect(program.templates.keys.sorted() == files.map { String($0.dropLast(".mustache".count)) }.sorted())
    }

    /// `{{x}}` is escaped by scalar (a quote with a combining mark too), `{{{x}}}` is not, in
    /// the template, inside a section and in a partial.
    @Test func doubleMustachesAreEscapedAndTripleOnesAreNot() throws {
        let theme = try theme([
            "home": "<meta content=\"{{d}}\">{{{d}}}{{#list}}<a title=\"{{.}}\">{{{.}}}{{/list}}{{> crumbs}}",
            "crumbs": "<p title='{{d}}'>{{{d}}}</p>",
        ])
        let hostile = "x\"\u{301} <b>&'"
        let html = try rendered(theme, "home", ["d": hostile, "list": [hostile]])
        let escaped = "x&quot;\u{301} &lt;b&gt;&amp;&#39;"
        #expect(html == "<meta content=\"\(escaped)\">\(hostile)<a title=\"\(escaped)\">\(hostile)<p title='\(escaped)'>\(hostile)</p>")
    }

    @Test func valuesSectionsAndTheStack() throws {
        let theme = try theme([
            "home": """
            {{n}} {{yes}} {{no}} [{{missing}}] [{{none}}]
            {{#rows}}
            <li>{{name}} of {{title}} {{#yes}}({{n}}){{/yes}}{{^cells}}none{{/cells}}{{#cells}}<i>{{.}}</i>{{/cells}}</li>
            {{/rows}}
            {{^rows}}never{{/rows}}{{^empty}}empty{{/empty}}{{^no}}no{{/no}}{{^none}}nil{{/none}}{{#no}}never{{/no}}
            {{inner.name}} {{#inner}}{{.name}}/{{.title}}/{{title}}{{/inner}} {{inner.nothing.name}}
            {{#title}}[{{.}}]{{/title}}
            """,
        ])
        let object: [String: Any] = [
            "n": 3, "yes": true, "no": false, "title": "T<", "empty": [String](), "none": String?.none as Any,
            "rows": [["name": "a", "cells": [1, 2]], ["name": "b&", "cells": [Int]()]] as [[String: Any]],
            "inner": ["name": "I"],
        ]
        let html = try rendered(theme, "home", object)
        // `none` is an optional inside the `Any`: not nil to Mustache, shown as "nil", and no inverted section.
        #expect(html == ["3 true false [] [nil]", "<li>a of T&lt; (3)<i>1</i><i>2</i></li>", "<li>b&amp; of T&lt; (3)none</li>",
                         "emptyno", "I I//T&lt; ", "[T&lt;]"].joined(separator: "\n"))
    }

    /// A standalone partial is indented by the spaces before it, line by line, and a
    /// content-type pragma holds until the end of its template (a partial starts afresh).
    @Test func partialIndentationAndContentTypes() throws {
        let theme = try theme([
            "home": "<ul>\n  {{> crumbs}}\n</ul>\n{{#rows}}\n    {{> crumbs}}\n{{/rows}}\n{{% CONTENT_TYPE: TEXT }}{{t}}",
            "crumbs": "<li>{{t}}</li>\n<li>\n{{#rows}}{{t}}\n{{/rows}}</li>\n",
        ])
        let html = try rendered(theme, "home", ["t": "<", "rows": [["t": "a"], ["t": "b"]]] as [String: Any])
        // Indentation goes in front of a token drawn after a newline of the same template's
        // drawing: `b`, the second line drawn by one pass of `{{#rows}}`, is not indented
        // (swift-mustache's rule, kept). `{{t}}` after the TEXT pragma is not escaped.
        #expect(html == "<ul>\n  <li>&lt;</li>\n  <li>\n  a\nb\n  </li>\n</ul>\n"
                + "    <li>a</li>\n    <li>\n    a\nb\n    </li>\n    <li>b</li>\n    <li>\n    a\nb\n    </li>\n<")
    }

    /// A template using a tag the program does not take over (a transform) is rendered by
    /// swift-mustache, whole.
    @Test func aTransformLeavesTheThemeToSwiftMustache() throws {
        let theme = try theme(["home": "{{uppercased(t)}}{{#items}}{{.}}{{/items}}"])
        #expect(theme.program == nil)
        #expect(try theme.render("home", ["t": "a<", "items": ["x"]] as [String: Any]) == "A&lt;x")
    }

    /// Every file of the sample site (hostile titles and bodies included) is the same through
    /// the program as through swift-mustache.
    @Test func theSampleSiteIsTheSameThroughSwiftMustache() throws {
        let fast = try SiteRenderer(config: Sample.config())
        var plain = fast
        plain.theme.program = nil
        #expect(fast.theme.program != nil)
        let ours = try fast.render(SiteRenderTests.documents()), theirs = try plain.render(SiteRenderTests.documents())
        #expect(ours.map(\.path) == theirs.map(\.path))
        for (a, b) in zip(ours, theirs) { #expect(a.data == b.data, "\(a.path)") }
        #expect(ours.count > 20)
    }
}

