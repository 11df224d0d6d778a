/// `source.html`: the original text, one block element per line with `id="L84"` and a visible
/// number, so every value and diagnostic on the report page can link to where it was read.
///
/// Markup per line is kept minimal (the CSS styles `.source > span` and its `a`): a site of
/// 10,000 reports carries millions of these lines.
///
/// The lines are escaped and joined here (`{{{lines}}}` in `source.mustache`): a report can
/// have thousands of lines, and one string is far cheaper than a Mustache loop over them.
struct SourcePageView {
    let title: String
    let reportHref: String
    let rawHref: String
    let encoding: String
    let lineCount: Int
    let lines: String

    static func linesHTML(_ lines: [SourceLine]) -> String {
        var out = ""
        for line in lines {
            let n = line.number
            out += "<span id=\"L\(n)\"><a href=\"#L\(n)\">\(n)</a>"
            out += HTML.escape(line.text)
            out += "</span>\n"  // the container collapses this newline; each line keeps its own
        }
        return out
    }
}
