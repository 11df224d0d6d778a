// The body of a report without a title body or a signature (an opening page that starts at
// 一、总体情况, a title that names only the year), from the sentences reports use to name
// themselves, most explicit first:
//
//     本报告由阿巴嘎旗人民政府办公室编制            → 阿巴嘎旗人民政府 (the office compiles its government's report)
//     如对本报告有疑问，请与某某县发展和改革局联系    → 某某县发展和改革局
//     琼海市人民政府驻地嘉积镇                      → 琼海市人民政府
//     2022年，阿巴嘎旗人民政府认真贯彻落实…          → 阿巴嘎旗人民政府 (the subject of a clause of the first lines)
//
// Each candidate must read as a body name (short, no punctuation, a body's ending); the place it
// names is then resolved like any other body.

extension MetadataRecognizer {
    /// Endings that close a body's name inside a sentence, longest first.
    static let strongEndings = ["人民政府", "管理委员会", "管委会", "委员会", "办事处", "政府", "局"]
    /// Offices that compile their parent's report: `…人民政府办公室` compiles `…人民政府`'s.
    static let compilingOffices = ["办公室", "办公厅"]
    /// Lines read for a prose body: the opening of a report names it.
    static let proseBodyLines = 80

    /// The body a sentence of the prose names, and its line.
    static func proseBody(_ lines: [TextLine]) -> (body: String, line: Int)? {
        let head = lines.prefix(proseBodyLines)
        let finders: [(String) -> String?] = [
            { between($0, open: "由", close: "编制", cut: ["根据", "依据", "按照", "负责", "组织"]) },
            { between($0, open: "请与", close: "联系", cut: []) },
            { between($0, open: "请联系", close: nil, cut: []) },
            { seat($0) },
            { clauseSubject($0) },
        ]
        for find in finders {
            for line in head {
                if let name = find(line.compact), let body = bodyName(parentOfOffice(name)) { return (body, line.number) }
            }
        }
        return nil
    }

    /// The text after `open` and before `close` in one sentence, cut at the first of `cut`, to
    /// the first clause break; with no `close`, the clause after `open`.
    static func between(_ t: String, open: String, close: String?, cut: [String]) -> String? {
        guard let o = UTF8Text.find(open, in: t) else { return nil }
        let start = o + open.utf8.count
        var x = UTF8Text.split(UTF8Text.slice(t, start, min(t.utf8.count, start + 180)), separators: ["。", "；", ";"]).first ?? ""
        if let close {
            guard let c = UTF8Text.find(close, in: x) else { return nil }
            x = UTF8Text.slice(x, 0, c)
        }
        for word in cut { if let k = UTF8Text.find(word, in: x) { x = UTF8Text.slice(x, 0, k) } }
        x = clause(x)
        return x.isEmpty ? nil : x
    }

    /// `某某市人民政府驻地…` → `某某市人民政府`.
    static func seat(_ t: String) -> String? {
        guard let at = UTF8Text.find("人民政府驻地", in: t) else { return nil }
        let before = UTF8Text.slice(t, 0, at)
        let name = lastClause(before)
        return name.isEmpty ? nil : name + "人民政府"
    }

    /// `2022年，阿巴嘎旗人民政府认真贯彻…`: a clause that starts with a body name (closed by a
    /// strong ending within its first 24 characters), in a sentence that starts with the year.
    static func clauseSubject(_ t: String) -> String? {
        guard t.utf8.count >= 12, let (_, before) = leadingYear(t), before.isEmpty else { return nil }
        var rest = UTF8Text.slice(t, 4)
        guard UTF8Text.hasPrefix(rest, "年") else { return nil }
        rest = UTF8Text.slice(rest, "年".utf8.count)
        if UTF8Text.hasPrefix(rest, "度") { rest = UTF8Text.slice(rest, "度".utf8.count) }
        guard let first = rest.unicodeScalars.first, first == "，" || first == "," else { return nil }
        // The clauses of the sentence, each tried.
        for part in UTF8Text.split(rest, separators: ["，", ",", "。", "；", ";"]).prefix(3) {
            let head = String(String.UnicodeScalarView(part.unicodeScalars.prefix(24)))
            // The name ends at the first ending in the clause; a bare 政府 only in 人民政府.
            guard let end = strongEndings.filter({ $0 != "政府" }).compactMap({ e in UTF8Text.find(e, in: head).map { $0 + e.utf8.count } }).min()
            else { continue }
            let name = UTF8Text.slice(head, 0, end)
            if notSubjects.contains(where: { UTF8Text.hasPrefix(name, $0) }) { continue }
            return name
        }
        return nil
    }

    /// How a clause starts when its subject is not a body's name (`在…领导下`, `按照…`, `我局…`).
    static let notSubjects = ["按照", "根据", "依据", "依照", "在", "我", "本", "全", "为", "对", "经", "由", "从", "自", "围绕", "坚持", "深入",
                              "紧紧", "认真", "积极", "进一步", "不断", "以", "通过", "结合", "贯彻", "落实", "加强", "持续", "推进", "着力",
                              "聚焦", "严格", "扎实", "各"]

    /// `…人民政府办公室` → `…人民政府`; any other name as it is.
    static func parentOfOffice(_ name: String) -> String {
        for office in compilingOffices where UTF8Text.hasSuffix(name, office) {
            let parent = UTF8Text.slice(name, 0, name.utf8.count - office.utf8.count)
            if strongEndings.contains(where: { UTF8Text.hasSuffix(parent, $0) }) { return parent }
        }
        return name
    }

    static let clauseBreaks = Set("，,。；;：:、（）()《》“”\"".unicodeScalars)

    /// The text up to the first clause break.
    static func clause(_ t: String) -> String {
        var out = String.UnicodeScalarView()
        for s in t.unicodeScalars {
            if clauseBreaks.contains(s) { break }
            out.append(s)
        }
        return String(out)
    }

    /// The text after the last clause break.
    static func lastClause(_ t: String) -> String {
        var out: [Unicode.Scalar] = []
        for s in t.unicodeScalars.reversed() {
            if clauseBreaks.contains(s) { break }
            out.append(s)
        }
        return String(String.UnicodeScalarView(out.reversed()))
    }
}
