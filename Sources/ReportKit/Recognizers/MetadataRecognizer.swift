import Foundation

/// Reads what a report says about itself: title, issuing body, year, publication date.
///
/// The rules are the lead's (policy.md): the body is the signature's when it names one,
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
    }

    /// Endings that make a short line the name of a body.
    static let bodyEndings = ["人民政府", "政府", "局", "委员会", "管委会", "委", "办公室", "办", "实验区", "中心",
                              "院", "厅", "所", "站", "镇", "乡", "街道办事处", "街道", "处", "会", "公司", "队", "部"]

    public init() {}

    public func read(_ lines: [SourceLine]) -> Result {
        var r = Result()
        findTitle(lines, into: &r)
        findSignature(lines, into: &r)
        if let sig = r.signature {
            r.body = sig
        } else if let tb = r.titleBody, !tb.isEmpty {
            r.body = tb
            r.bodyLine = r.titleLine
            if !Self.bodyEndings.contains(where: { tb.hasSuffix($0) }) || ["镇", "乡", "街道"].contains(where: { tb.hasSuffix($0) }) {
                let wanted = tb + "人民政府"
                if lines.contains(where: { Normalizer.compact($0.text).contains(wanted) }) { r.body = wanted }
            }
        }
        if r.year == nil { r.year = periodYear(lines) ?? commonYear(lines) }
        return r
    }

    /// The first `NNNN年 … 报告` line near the top; a title starting with its year takes the
    /// short line above it as its first part (`兴庆区掌政镇` / `2020 年…年度报告`).
    func findTitle(_ lines: [SourceLine], into r: inout Result) {
        let head = Array(lines.prefix(3000))
        for (i, line) in head.enumerated() {
            var t = Normalizer.compact(line.text)
            for prefix in ["标题:", "标题：", "标题"] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
            guard t.utf8.count <= 240, let (year, before) = Self.leadingYear(t) else { continue }
            // A title names the report after its year (…2019年政府信息公开工作年度报告); a
            // sentence that mentions 本报告 before a year (本报告所列统计数据的期限自2017年…) is not one.
            if Normalizer.contains(before, "报告") { continue }
            var joined = line.text.trimmingCharacters(in: .whitespaces)
            var continuation: SourceLine?
            if !Self.namesReport(t) {
                // A title broken over two lines (平潭综合实验区2019年 / 政府信息公开工作年度报告).
                guard t.utf8.count <= 120, let next = head[(i + 1)...].prefix(3).first(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }),
                      Normalizer.compact(next.text).utf8.count <= 90, Self.namesReport(Normalizer.compact(next.text)),
                      !Normalizer.compact(next.text).contains("。") else { continue }
                continuation = next
                joined += next.text.trimmingCharacters(in: .whitespaces)
            }
            r.year = year
            r.titleLine = line.number
            r.titleLines = [line.number] + (continuation.map { [$0.number] } ?? [])
            var body = before
            var title = joined
            for prefix in ["标题:", "标题：", "标题"] where title.hasPrefix(prefix) {
                title = String(title.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                break
            }
            if body.isEmpty || body == "(" {
                var j = i - 1
                while j >= 0, lines[j].text.trimmingCharacters(in: .whitespaces).isEmpty { j -= 1 }
                if j >= 0 {
                    let prev = Normalizer.compact(lines[j].text)
                    if prev.count <= 30, !prev.contains("。"), !prev.contains(":"), !prev.contains("：") {
                        body = prev
                        title = lines[j].text.trimmingCharacters(in: .whitespaces) + " " + title
                        r.titleLine = lines[j].number
                        r.titleLines.insert(lines[j].number, at: 0)
                    }
                }
            }
            r.title = title
            r.titleBody = body
            return
        }
    }

    /// Whether compact text names the report itself (…年度报告, …年报).
    static func namesReport(_ t: String) -> Bool {
        Normalizer.contains(t, "报告") || Normalizer.contains(t, "年报")
    }

    /// The first 4-digit year followed by 年 in `t`, and the text before it.
    static func leadingYear(_ t: String) -> (Int, String)? {
        let chars = Array(t)
        var i = 0
        while i + 4 < chars.count {
            if chars[i...(i + 3)].allSatisfy(CellToken.isDigit), chars[i + 4] == "年",
               i == 0 || !CellToken.isDigit(chars[i - 1]),
               let y = Int(String(chars[i...(i + 3)])), (1990...2100).contains(y) {
                return (y, String(chars[..<i]))
            }
            i += 1
        }
        return nil
    }

    /// The last date standing alone (its own line, or its own space-separated piece), with
    /// the body named just before it when there is one.
    func findSignature(_ lines: [SourceLine], into r: inout Result) {
        for i in stride(from: lines.count - 1, through: 0, by: -1) {
            let text = lines[i].text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if let d = DateReader.date(text), let iso = d.iso, text.count <= 24 {
                r.published = iso
                var j = i - 1
                while j >= 0, lines[j].text.trimmingCharacters(in: .whitespaces).isEmpty { j -= 1 }
                if j >= 0, let b = Self.bodyName(Normalizer.compact(lines[j].text)) {
                    r.signature = b
                    r.bodyLine = lines[j].number
                }
                return
            }
            let pieces = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard pieces.count > 1 else { continue }
            for k in stride(from: pieces.count - 1, through: 0, by: -1) {
                if let d = DateReader.date(String(pieces[k])), let iso = d.iso {
                    r.published = iso
                    if k > 0, let b = Self.bodyName(String(pieces[k - 1])) {
                        r.signature = b
                        r.bodyLine = lines[i].number
                    }
                    return
                }
            }
        }
    }

    /// `text` when it reads as the name of a body (short, no sentence punctuation, a body ending).
    static func bodyName(_ text: String) -> String? {
        guard text.count >= 3, text.count <= 30 else { return nil }
        if text.contains(where: { "。，,;；:：!！?？“”\"".contains($0) }) { return nil }
        guard bodyEndings.contains(where: { text.hasSuffix($0) }) else { return nil }
        return text
    }

    /// The year in the 统计期限 sentence (`统计期限为 2020 年 1 月 1 日至…`).
    func periodYear(_ lines: [SourceLine]) -> Int? {
        for line in lines {
            let t = Normalizer.compact(line.text)
            guard Normalizer.contains(t, "统计期限") || Normalizer.contains(t, "统计时限") else { continue }
            guard let range = t.range(of: "统计期限") ?? t.range(of: "统计时限") else { continue }
            if let (y, _) = Self.leadingYear(String(t[range.upperBound...].prefix(40))) { return y }
        }
        return nil
    }

    /// The year most prose mentions.
    func commonYear(_ lines: [SourceLine]) -> Int? {
        var counts: [Int: Int] = [:]
        for line in lines {
            var t = Substring(Normalizer.compact(line.text))
            var guardCount = 0
            while let (y, before) = Self.leadingYear(String(t.prefix(2000))), guardCount < 200 {
                counts[y, default: 0] += 1
                t = t.dropFirst(before.count + 5)
                guardCount += 1
            }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
}
