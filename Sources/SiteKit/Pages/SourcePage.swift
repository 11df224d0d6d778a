import Foundation
import Mustache

/// `source.html`: the original text, one block element per line with `id="L84"` and a visible
/// number, so every value and diagnostic on the report page can link to where it was read.
struct SourcePage: Page {
    static let kind = PageKind(name: "source", template: "source", inSitemap: false)
    let report: Int
    let path: String
    var reports: [Int] { [report] }
    /// Its title is the report's, or made from its year and body.
    var summaries: [Int]? { [report] }

    static func pages(in plan: SitePlan) -> [SourcePage] {
        plan.summaries.indices.map { SourcePage(report: $0, path: plan.map.reportFolder[$0] + "source.html") }
    }

    /// The report's title, and the link back to its page.
    struct Frame: Encodable, Sendable {
        let title: String
        let reportHref: String
    }

    func frame(in plan: SitePlan) -> Frame {
        Frame(title: plan.title(ofReport: report), reportHref: plan.config.linksToIndexFiles ? "index.html" : "./")
    }

    func draw(_ frame: Frame, reports: [ParsedDocument]) -> Drawing {
        let document = reports[0].document
        let lines = document.sourceLines
        let view = SourcePageView(title: frame.title, reportHref: frame.reportHref, rawHref: document.kind.rawName,
                                  encoding: document.encoding, lineCount: lines.count, lines: SourcePageView.linesHTML(lines))
        return .html(title: "原文 · " + frame.title, view: view, scripts: [], refresh: "")
    }
}

/// Markup per line is kept minimal (the CSS styles `.source > span` and its `a`): a site of
/// 10,000 reports carries millions of these lines.
///
/// The lines are escaped and joined here (`{{{lines}}}` in `source.mustache`): a report can
/// have thousands of lines, and one string is far cheaper than a Mustache loop over them.
struct SourcePageView: TemplateView {
    let title: String
    let reportHref: String
    let rawHref: String
    let encoding: String
    let lineCount: Int
    let lines: String

    /// Written as bytes and made a `String` once (a line's number three times, its text
    /// escaped in place): string appends and interpolation were most of this page's cost.
    static func linesHTML(_ lines: [SourceLine]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 48 })
        for line in lines {
            let number = String(line.number).utf8
            out.append(contentsOf: #"<span id="L"#.utf8)
            out.append(contentsOf: number)
            out.append(contentsOf: ##""><a href="#L"##.utf8)
            out.append(contentsOf: number)
            out.append(contentsOf: #"">"#.utf8)
            out.append(contentsOf: number)
            out.append(contentsOf: "</a>".utf8)
            var text = line.text
            text.withUTF8 { HTML.appendEscaped($0, to: &out) }
            out.append(contentsOf: "</span>\n".utf8)  // the container collapses this newline; each line keeps its own
        }
        return String(decoding: out, as: UTF8.self)
    }

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "reportHref": reportHref
        case "rawHref": rawHref
        case "encoding": encoding
        case "lineCount": lineCount
        case "lines": lines
        default: nil
        }
    }
}
