// A saved government web page → the line form the parser reads (architecture.md: "text
// first, layout second"). Three steps, each linear in the page:
//
// 1. `HTMLDocument` builds a forgiving tree (scripts, styles, comments never become nodes).
// 2. `HTMLPage` weighs every element by the report-like text it holds (CJK characters and
//    digits, not counting link text, which is what navigation is made of), marks page chrome
//    (nav, breadcrumb 当前位置, share buttons, site header/footer, crawler `meta` wrappers with
//    采集时间), and finds the report body: starting at `<body>`, it steps into the child that
//    holds at least 85 % of the weight (60 % when it alone holds a title line) until no child
//    dominates; a layout table is entered only through a cell holding the weight, and is then
//    read as blocks, never as a grid. A page whose title sits
//    outside that body (a TRS `article_title` div, an `<h1>` beside the content div) gets
//    the nearest title line before it (…年度报告 / …年报) put back in front, short lines of
//    page tools inside it (【打印本页】【关闭窗口】, 字体：大 中 小) left out, and up to three
//    signature or date lines right after it (`某某县人民政府`, `2022年1月20日`) at the end.
// 3. `HTMLLineBuilder` writes the body as lines, each numbered with the source line where its
//    text begins: block elements end lines, inline Word markup (`span`, `font`, `o:p`,
//    `st1:chsdate`, `b` …) keeps only its text, and every `<table>` becomes one tab-separated
//    line per row (`HTMLTableGrid`), with a blank line before and after it.
//
// Whitespace: HTML collapses runs of spaces and line breaks into one space, and so does this.
// `&nbsp;` (U+00A0) is treated as an ordinary space and collapses too: Word pads signatures
// and empty cells with it, where it means "nothing here", and a cell holding only `&nbsp;`
// must read as an empty cell (`nil`), not as text. U+3000 (`&#12288;`) is kept: it is CJK
// text, and the parser's full-width normalisation owns it.

/// Turns a saved HTML page into numbered lines for the parser.
///
/// ```
/// 12  <h1>某某局2023年政府信息公开年度报告</h1>
/// 13  <p>一、<span>总体情况</span></p>
/// 14  <table><tr><td rowspan=2>规章</td><td>1</td></tr><tr><td>2</td></tr></table>
/// ```
/// becomes `12 某某局2023年政府信息公开年度报告`, `13 一、总体情况`, `14 ""`, `14 规章\t1`,
/// `14 \t2`, `14 ""`.
public enum HTMLText {
    public static func lines(_ html: String) -> [SourceLine] {
        let document = HTMLDocument(html)
        let page = HTMLPage(document)
        var builder = HTMLLineBuilder(document: document, page: page)
        builder.walk(page.bodyElement)
        let lines = builder.lines

        let (bodyStart, bodyEnd) = (page.mainElement, page.subtreeEnd[page.mainElement])
        var result: [SourceLine] = []
        var sawTitle = false
        var textLines = 0
        for line in lines where line.origin >= bodyStart && line.origin < bodyEnd {
            if !line.inTable, HTMLPage.looksLikePageTool(line.text) { continue }
            if !line.text.isEmpty {
                if textLines < 5, HTMLPage.looksLikeTitle(line.text, inTable: line.inTable) { sawTitle = true }
                textLines += 1
            }
            result.append(SourceLine(line.text, number: line.number))
        }
        // A signature or date just after the body (outside the pasted section) still belongs to it.
        var tail = 0
        for line in lines where line.origin >= bodyEnd {
            guard tail < 3, !line.inTable, HTMLPage.looksLikeSignature(line.text) else { break }
            result.append(SourceLine(line.text, number: line.number))
            tail += 1
        }
        if !sawTitle, let title = lines.last(where: { $0.origin < bodyStart && HTMLPage.looksLikeTitle($0.text, inTable: $0.inTable) }) {
            // From a title bar row, only its one filled cell.
            let text = title.text.split(separator: "\t").first.map(String.init) ?? title.text
            result.insert(SourceLine(text, number: title.number), at: 0)
        }
        // No blank line at the very start; runs of blank lines are already one.
        while let first = result.first, first.text.isEmpty { result.removeFirst() }
        return result
    }
}
