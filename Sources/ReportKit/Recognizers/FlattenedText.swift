import Foundation

/// Crawler text collapses a whole report into one line (`…。二、主动公开政府信息情况 第二十条…`).
/// Splitting such a line before and after each standard section heading gives the
/// recognisers the same sections as any other layout; every piece keeps the line's number.
/// Only long lines without tabs or markup are split, and only at the headings' full wording.
public enum FlattenedText {
    /// Lines longer than this are searched for embedded headings.
    static let longLine = 300
    /// The wording that must follow `二、` … within a few characters.
    static let headingWords: [[String]] = [
        ["总体情况"], ["主动公开政府信息情况"], ["收到和处理政府信息公开申请情况"],
        ["行政复议、行政诉讼情况", "行政复议和行政诉讼情况", "行政法复议、行政诉讼情况"],
        ["存在的主要问题"], ["其他需要报告的事项"],
    ]

    /// Raw HTML is not flattened text (a `<书名>` in prose is fine).
    static func isMarkup(_ text: String) -> Bool {
        Normalizer.contains(text, "</") || Normalizer.contains(text, "/>") || Normalizer.contains(text, "<div")
            || Normalizer.contains(text, "<meta") || Normalizer.contains(text, "<p")
    }

    public static func split(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            guard line.text.utf8.count > longLine * 3 || line.text.count > longLine,
                  !line.text.contains("\t"), !Self.isMarkup(line.text) else { out.append(line); continue }
            let chars = Array(line.text)
            var cuts: [Int] = []
            var i = 0
            while i + 2 < chars.count {
                if let n = SectionHeading.numerals.firstIndex(of: chars[i]), chars[i + 1] == "、" {
                    let window = String(chars[(i + 2)..<min(chars.count, i + 22)])
                    if let word = headingWords[n].first(where: { window.contains($0) }),
                       let r = window.range(of: word) {
                        cuts.append(i)
                        let end = i + 2 + window.distance(from: window.startIndex, to: r.upperBound)
                        cuts.append(end)
                        i = end
                        continue
                    }
                }
                i += 1
            }
            guard !cuts.isEmpty else { out.append(line); continue }
            var start = 0
            for cut in cuts + [chars.count] where cut > start {
                let piece = String(chars[start..<cut]).trimmingCharacters(in: .whitespaces)
                if !piece.isEmpty { out.append(SourceLine(piece, number: line.number)) }
                start = cut
            }
        }
        return out
    }
}
