/// How the search reads text, on both sides of the index: the builder here and the browser in
/// `themes/default/assets/search.js` (`runs`), which must agree scalar for scalar.
///
/// Text becomes *runs*: maximal sequences of word scalars — Han (the CJK blocks and 〇), ASCII
/// letters and digits — with full-width ASCII folded and letters lower-cased. Punctuation ends a
/// run. White space ends a run only between two ASCII scalars: `2020 年` and `兴庆区 掌政镇` are
/// one run each, as a reader types them, while `open data` stays two words. `*` and `` ` ``
/// (markdown emphasis left in the prose) are skipped, so `**一是**概况` reads `一是概况`.
///
///     runs("依申请公开、2020 年（第3件）") == ["依申请公开", "2020年", "第3件"]
///
/// A query matches a report when each of its runs occurs inside one run of the report: a
/// phrase never spans punctuation, and no dictionary decides where words end.
public enum SearchText {
    public typealias Run = [Unicode.Scalar]

    /// Put between the parts of a report (title, names, paragraphs, labels): a line break
    /// alone would join two Han parts into one run.
    public static let hardBreak = "\u{2029}"

    public static func runs(_ text: String) -> [Run] {
        var result: [Run] = []
        var run: Run = []
        var pendingSpace = false
        for raw in text.unicodeScalars {
            let s = fold(raw)
            if isWord(s) {
                if pendingSpace, let last = run.last, last.isASCII, s.isASCII {
                    result.append(run)
                    run = []
                }
                pendingSpace = false
                run.append(s)
            } else if s == "*" || s == "`" {
                continue
            } else if s == " " || s == "\t" || s == "\n" || s == "\r" {
                pendingSpace = true
            } else {
                if !run.isEmpty { result.append(run) }
                run = []
                pendingSpace = false
            }
        }
        if !run.isEmpty { result.append(run) }
        return result
    }

    /// Full-width ASCII (！…～) and the ideographic space to ASCII; A–Z to a–z.
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        var v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 } else if v == 0x3000 { v = 0x20 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return Unicode.Scalar(v) ?? s
    }

    static func isWord(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || v == 0x3007
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0x20000 && v <= 0x3134F)
    }

    /// The run as a string, for keys and tests.
    static func string(_ run: some Sequence<Unicode.Scalar>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: run)
        return String(s)
    }
}
