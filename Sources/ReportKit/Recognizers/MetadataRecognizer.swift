import Foundation

/// Reads what a report says about itself: title, issuing body, year, publication date.
///
/// The rules: the body is the signature's when it names one,
/// else the title's; the year comes from the title, then the 统计期限 sentence, then the
/// year most prose mentions — never the signature's; the published date is the date
/// standing alone under the signature, not a 填报日期 or a page header's 发布时间.
public struct MetadataRecognizer: Sendable {
    public struct Result: Sendable {
        public var title: String?
        public var titleLine: Int?
        /// Every line the title spans (one, or the place line above a line starting with the year).
        public var titleLines: [Int] = []
        public var titleBody: String?
        public var body: String?
        public var bodyLine: Int?
        public var signature: String?
        public var year: Int?
        public var published: String?
        /// The year as the title prints it when it is no year (`202020`): the year then comes
        /// from the 统计期限 sentence.
        public var titleYearTypo: String?
        /// Where the body was read when the report has no title body and no signature: the
        /// sentence of the prose that names it (`本报告由…编制`, `请与…联系`).
        public var bodyFromProse = false
    }

    /// Endings that make a short line the name of a body.
    static let bodyEndings = ["人民政府", "政府", "局", "委员会", "管委会", "委", "办公室", "办", "实验区", "中心",
                              "院", "厅", "所", "站", "镇", "乡", "街道办事处", "街道", "处", "会", "公司", "队", "部"]

    public init() {}

    public func read(_ lines: [SourceLine]) -> Result {
        read(lines.map(TextLine.init))
    }

    func read(_ lines: [TextLine]) -> Result {
        var r = Result()
        findTitle(lines, into: &r)
        findSignature(lines, into: &r)
        if let sig = r.signature {
            r.body = sig
        } else if let tb = r.titleBody, !tb.isEmpty {
            r.body = tb
            r.bodyLine = r.titleLine
            if !Self.bodyEndings.contains(where: { UTF8Text.hasSuffix(tb, $0) }) || ["镇", "乡", "街道"].contains(where: { UTF8Text.hasSuffix(tb, $0) }) {
                // A title that names a place is its government's report: the text names that
                // body (兴庆区掌政镇 → 兴庆区掌政镇人民政府), or the place alone says it.
                let wanted = UTF8Text.hasSuffix(tb, "街道") ? tb + "办事处" : tb + "人民政府"
                if lines.contains(where: { UTF8Text.contains($0.compact, wanted) }) {
                    r.body = wanted
                } else if let government = Self.governmentOf(place: tb) {
                    r.body = government
                }
            }
        }
        if r.body == nil, let (body, line) = Self.proseBody(lines) {
            r.body = body
            r.bodyLine = line
            r.bodyFromProse = true
        }
        if r.year == nil { r.year = periodYear(lines) ?? commonYear(lines) }
        return r
    }

    static let titleLabels = ["标题:", "标题：", "标题"]
    static let sentenceMarks = ["。", "，", ","]

    /// The first title line near the top: `NNNN年 … 报告`, `…报告（NNNN年度）`, or a title
    /// whose year is mistyped (`202020年`; the year then comes from the 统计期限 sentence). A
    /// title starting with its year takes the short line above it as its first part
    /// (`兴庆区掌政镇` / `2020 年…年度报告`), else the place named after the year
    /// (`2022年北京市朝阳区政府信息公开工作年度报告`).
    func findTitle(_ lines: [TextLine], into r: inout Result) {
        let head = lines.prefix(3000)
        for (i, line) in head.enumerated() {
            var t = line.compact
            for prefix in Self.titleLabels where UTF8Text.hasPrefix(t, prefix) { t = UTF8Text.slice(t, prefix.utf8.count) }
            // A title is no sentence: no 。 and no comma (`2022年，道里区…本年度报告中…` is prose).
            guard t.utf8.count <= 240, !Self.sentenceMarks.contains(where: { UTF8Text.contains(t, $0) }),
                  let shape = Self.titleYear(t) else { continue }
            var joined = UTF8Text.trimmed(line.text)
            var continuation: TextLine?
            if !Self.namesReport(t) {
                // A title broken over two lines (平潭综合实验区2019年 / 政府信息公开工作年度报告).
                guard t.utf8.count <= 120, let next = head[(i + 1)...].prefix(3).first(where: { !$0.isBlank }),
                      next.compact.utf8.count <= 90, Self.namesReport(next.compact),
                      !UTF8Text.contains(next.compact, "。") else { continue }
                continuation = next
                joined += UTF8Text.trimmed(next.text)
            }
            r.year = shape.year
            if shape.year == nil { r.titleYearTypo = shape.printed }
            r.titleLine = line.number
            r.titleLines = [line.number] + (continuation.map { [$0.number] } ?? [])
            var body = Self.cleanTitleBody(shape.before)
            var title = joined
            for prefix in Self.titleLabels where UTF8Text.hasPrefix(title, prefix) {
                title = UTF8Text.trimmed(UTF8Text.slice(title, prefix.utf8.count))
                break
            }
            if body.isEmpty || body == "(" {
                var j = i - 1
                while j >= 0, lines[j].isBlank { j -= 1 }
                if j >= 0 {
                    let prev = lines[j].compact
                    if UTF8Text.length(prev) <= 30, !UTF8Text.contains(prev, "。"), !UTF8Text.contains(prev, ":"), !UTF8Text.contains(prev, "："),
                       SectionHeading.section(of: lines[j]) == nil {
                        body = prev
                        title = UTF8Text.trimmed(lines[j].text) + " " + title
                        r.titleLine = lines[j].number
                        r.titleLines.insert(lines[j].number, at: 0)
                    }
                }
            }
            if body.isEmpty || body == "(" { body = Self.bodyAfterYear(shape.after) }
            r.title = title
            r.titleBody = body
            return
        }
    }

    /// Whether compact text names the report itself (…年度报告, …年报).
    static func namesReport(_ t: String) -> Bool {
        UTF8Text.contains(t, "报告") || UTF8Text.contains(t, "年报")
    }

    /// The first 4-digit year followed by 年 in `t`, and the text before it.
    static func leadingYear(_ t: String) -> (Int, String)? {
        var t = t
        return t.withUTF8 { b -> (Int, String)? in
            guard let (year, at) = leadingYear(b, from: 0) else { return nil }
            return (year, String(decoding: UnsafeBufferPointer(rebasing: b[0..<at]), as: UTF8.self))
        }
    }

    /// The first `NNNN年` at or after byte `from` (with no digit just before it, a year in
    /// 1990…2100): the year and the byte offset of its first digit.
    static func leadingYear(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> (Int, Int)? {
        // 年 is E5 B9 B4.
        var p = from + 4
        while p + 3 <= b.count {
            if b[p] == 0xE5, b[p + 1] == 0xB9, b[p + 2] == 0xB4 {
                let s = p - 4
                if b[s] &- 0x30 < 10, b[s + 1] &- 0x30 < 10, b[s + 2] &- 0x30 < 10, b[s + 3] &- 0x30 < 10,
                   s == from || b[s - 1] &- 0x30 >= 10 {
                    let y = Int(b[s] - 0x30) * 1000 + Int(b[s + 1] - 0x30) * 100 + Int(b[s + 2] - 0x30) * 10 + Int(b[s + 3] - 0x30)
                    if (1990...2100).contains(y) { return (y, s) }
                }
                p += 3
            } else {
                p += 1
            }
        }
        return nil
    }

    /// The last date standing alone (its own line, or its own space-separated piece), with
    /// the body named just before it when there is one.
    func findSignature(_ lines: [TextLine], into r: inout Result) {
        for i in stride(from: lines.count - 1, through: 0, by: -1) {
            // Every date holds 年 or a digit.
            guard UTF8Text.contains(lines[i].text, "年") || UTF8Text.hasDigit(lines[i].text) else { continue }
            let text = UTF8Text.trimmed(lines[i].text)
            if text.isEmpty { continue }
            if let d = DateReader.date(text), let iso = d.iso, UTF8Text.length(text) <= 24 {
                r.published = iso
                var j = i - 1
                while j >= 0, lines[j].isBlank { j -= 1 }
                if j >= 0, let b = Self.bodyName(lines[j].compact) {
                    r.signature = b
                    r.bodyLine = lines[j].number
                }
                return
            }
            let pieces = UTF8Text.pieces(text)
            guard pieces.count > 1 else { continue }
            for k in stride(from: pieces.count - 1, through: 0, by: -1) where UTF8Text.contains(pieces[k], "年") {
                if let (start, iso) = Self.spacedDate(pieces, around: k) {
                    r.published = iso
                    if start > 0, let b = Self.bodyName(pieces[start - 1]) {
                        r.signature = b
                        r.bodyLine = lines[i].number
                    }
                    return
                }
            }
        }
    }

    /// The date made of the pieces around piece `k` (which holds 年), and the piece it starts
    /// at: `2021年1月25日` as one piece, or spaced as PDF text prints it beside other words
    /// (`…管理局 2020 年 1 月 7 日 来源:…`): the year may be the piece before, and the month
    /// and day up to four pieces after; the longest run that is a whole date wins. A spaced
    /// date counts only after a body's name, or its end when the name broke over two lines
    /// (`局 2019 年 1 月 25 日`): in prose (`统计期限自 2023 年 1 月 1 日 起`) it is not the date
    /// the report was signed.
    static func spacedDate(_ pieces: [String], around k: Int) -> (start: Int, iso: String)? {
        let starts = k > 0 && pieces[k - 1].unicodeScalars.allSatisfy({ $0.value &- 0x30 < 10 }) ? [k - 1, k] : [k]
        for start in starts {
            for end in stride(from: min(k + 4, pieces.count - 1), through: k, by: -1) {
                guard start == end || (start > 0 && endsAName(pieces[start - 1])) else { continue }
                let text = start == end ? pieces[start] : pieces[start...end].joined()
                if let iso = DateReader.date(text, numeric: false)?.iso { return (start, iso) }
            }
        }
        return nil
    }

    /// Whether a piece ends the way a body's name does, with no sentence punctuation.
    static func endsAName(_ piece: String) -> Bool {
        !piece.unicodeScalars.contains(where: { notInBodyName.contains($0) }) && bodyEndings.contains { UTF8Text.hasSuffix(piece, $0) }
    }

    static let notInBodyName = Set("。，,;；:：!！?？“”\"".unicodeScalars)

    /// `text` when it reads as the name of a body (short, no sentence punctuation, a body ending).
    static func bodyName(_ text: String) -> String? {
        let length = UTF8Text.length(text)
        guard length >= 3, length <= 30 else { return nil }
        if text.unicodeScalars.contains(where: { notInBodyName.contains($0) }) { return nil }
        guard bodyEndings.contains(where: { UTF8Text.hasSuffix(text, $0) }) else { return nil }
        return text
    }

    /// The year in the 统计期限 sentence (`统计期限为 2020 年 1 月 1 日至…`).
    func periodYear(_ lines: [TextLine]) -> Int? {
        for line in lines {
            let t = line.compact
            guard let at = UTF8Text.find("统计期限", in: t) ?? UTF8Text.find("统计时限", in: t) else { continue }
            let after = UTF8Text.slice(t, at + "统计期限".utf8.count)
            if let (y, _) = Self.leadingYear(String(after.prefix(40))) { return y }
        }
        return nil
    }

    /// The year most prose mentions.
    func commonYear(_ lines: [TextLine]) -> Int? {
        var counts: [Int: Int] = [:]
        for line in lines where UTF8Text.contains(line.compact, "年") {
            // Each search reads the next 2,000 characters after the last year found.
            let t = Array(line.compact.unicodeScalars)
            var cut = 0
            var found = 0
            search: while found < 200 {
                let end = min(t.count, cut + 2000)
                var i = cut
                while i + 4 < end {
                    if t[i + 4] == "年", (i...(i + 3)).allSatisfy({ t[$0].value &- 0x30 < 10 }), i == cut || t[i - 1].value &- 0x30 >= 10 {
                        let y = (i...(i + 3)).reduce(0) { $0 * 10 + Int(t[$1].value - 0x30) }
                        if (1990...2100).contains(y) {
                            counts[y, default: 0] += 1
                            cut = i + 5
                            found += 1
                            continue search
                        }
                    }
                    i += 1
                }
                break
            }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
}
