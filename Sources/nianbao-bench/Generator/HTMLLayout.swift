/// The web page a government site serves: navigation and footer around the article, Word's
/// `MsoNormal` paragraphs, tables with merged cells as `rowspan`/`colspan`.
enum HTMLLayout {
    static func page(_ document: ReportDocument) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(escape(document.title))_政府信息公开</title>
        <script>var _hmt = _hmt || [];</script>
        </head>
        <body>
        <div class="top-nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
        <div class="location">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
        <div class="article">

        """
        for block in document.blocks {
            switch block {
            case .title(let t): out += "<h1>\(escape(t))</h1>\n"
            case .heading(let h): out += "<p class=MsoNormal><b><span style='font-size:16pt'>\(escape(h))</span></b></p>\n"
            case .paragraph(let p):
                out += "<p class=MsoNormal style='text-indent:32pt'><span style='font-size:16pt'>\(escape(p))</span></p>\n"
            case .signature(let body, let date):
                out += "<p class=MsoNormal align=right>\(escape(body))</p>\n<p class=MsoNormal align=right>\(escape(date))</p>\n"
            case .table(let kind, let table): out += self.table(kind, table)
            }
        }
        return out + "</div>\n<div class=\"footer\">主办：人民政府办公室 版权所有</div>\n</body>\n</html>\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func cell(_ text: String, rowspan: Int = 1, colspan: Int = 1) -> String {
        let spans = (rowspan > 1 ? " rowspan=\(rowspan)" : "") + (colspan > 1 ? " colspan=\(colspan)" : "")
        return "<td\(spans)><p class=MsoNormal align=center><span style='font-size:10.5pt'>\(escape(text))</span></p></td>"
    }

    static func table(_ kind: ReportDocument.TableKind, _ table: PrintedTable) -> String {
        var rows: [String] = []
        switch kind {
        case .active, .legacy:
            if let title = table.title { rows.append("<tr>" + cell(title, colspan: table.columns.count) + "</tr>") }
            rows.append("<tr>" + table.columns.map { cell($0) }.joined() + "</tr>")
            for r in table.rows { rows.append("<tr>" + (r.path + r.values).map { cell($0) }.joined() + "</tr>") }
        case .review:
            rows.append("<tr>" + cell("行政复议", colspan: 5) + cell("行政诉讼", colspan: 10) + "</tr>")
            let five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
            rows.append("<tr>" + five.map { cell($0, rowspan: 2) }.joined() + cell("未经复议直接起诉", colspan: 5)
                        + cell("复议后起诉", colspan: 5) + "</tr>")
            rows.append("<tr>" + (five + five).map { cell($0) }.joined() + "</tr>")
            rows.append("<tr>" + table.rows[0].values.map { cell($0) }.joined() + "</tr>")
        case .applications:
            rows.append("<tr>" + cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan: 3, colspan: 3)
                        + cell("申请人情况", colspan: 7) + "</tr>")
            rows.append("<tr>" + cell("自然人", rowspan: 2) + cell("法人或其他组织", colspan: 5) + cell("总计", rowspan: 2) + "</tr>")
            rows.append("<tr>" + table.columns[1...5].map { cell($0) }.joined() + "</tr>")
            for (n, r) in table.rows.enumerated() {
                var cells = ""
                for (i, label) in r.path.enumerated() {
                    let prefix = Array(r.path[...i])
                    // A merged cell starts on the first row of its group and spans the group.
                    let above = n > 0 ? table.rows[n - 1].path : []
                    if above.count > i, Array(above[...i]) == prefix, i < r.path.count - 1 { continue }
                    let span = table.rows[n...].prefix { $0.path.count > i && Array($0.path[...i]) == prefix }.count
                    cells += cell(label, rowspan: i < r.path.count - 1 ? span : 1, colspan: i == r.path.count - 1 ? 3 - i : 1)
                }
                rows.append("<tr>" + cells + r.values.map { cell($0) }.joined() + "</tr>")
            }
        }
        return "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>\n" + rows.joined(separator: "\n") + "\n</table>\n"
    }
}
