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

    /// Every heading's wording: a line holding none is not split.
    static let allWords = headingWords.flatMap { $0 }
    static let headingBytes = headingWords.map { $0.map { Array($0.utf8) } }

    /// A table flattened onto a line prints at least this many numbers (table 四 prints 15).
    static let tableNumbers = 6

    /// Whether a line may be a whole report or section collapsed: more than 300 characters, or
    /// a section with its table and no prose (`二、主动公开政府信息情况 第二十条第（一）项 信息内容 …`).
    static func isLong(_ text: String) -> Bool {
        // More than 300 characters needs more than 300 bytes.
        let bytes = text.utf8.count
        if bytes > longLine && (bytes > longLine * 3 || UTF8Text.length(text) > longLine) { return true }
        return bytes > 60 && TableRegion.digitRuns(text) >= tableNumbers
    }

    /// A section's piece holds prose and a table's cells: `…营造了良好环境。 第二十条第（一）项 信息内容
    /// … 行政事业性收费 1.5`, or `… 尚未审结 总计 1 0 0 0 1 … 0 1 本年度发生行政复议1件。`. The cells
    /// become a line of their own (from the sentence start to the last value), so the prose
    /// around them does not make the table prose (`TableRegion.isProse`); the prose stays as
    /// printed. A sentence is cells only when it prints a table's worth of numbers and the
    /// space-separated word before the prose is a value.
    static func proseAndTable(_ piece: String) -> [String] {
        guard !piece.isEmpty else { return [] }
        guard TableRegion.digitRuns(piece) >= tableNumbers, UTF8Text.contains(piece, "。") else { return [piece] }
        var out: [String] = []
        var prose = ""
        func flush() {
            let p = UTF8Text.trimmed(prose)
            if !p.isEmpty { out.append(p) }
            prose = ""
        }
        for sentence in sentences(piece) {
            let words = sentence.split(separator: " ", omittingEmptySubsequences: true)
            guard TableRegion.digitRuns(sentence) >= tableNumbers,
                  let last = words.lastIndex(where: { CellValue.parse(String($0)) != nil }), last > 0 else {
                prose += sentence
                continue
            }
            flush()
            out.append(words[...last].joined(separator: " "))
            prose = words[(last + 1)...].joined(separator: " ")
        }
        flush()
        return out
    }

    /// The sentences of `text`, each with its `。` (the last one may have none).
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var from = 0
        while let at = UTF8Text.find("。", in: text, from: from) {
            let end = at + "。".utf8.count
            out.append(UTF8Text.slice(text, from, end))
            from = end
        }
        if from < text.utf8.count { out.append(UTF8Text.slice(text, from)) }
        return out
    }

    /// Raw HTML is not flattened text (a `<书名>` in prose is fine).
    static func isMarkup(_ text: String) -> Bool {
        Normalizer.contains(text, "</") || Normalizer.contains(text, "/>") || Normalizer.contains(text, "<div")
            || Normalizer.contains(text, "<meta") || Normalizer.contains(text, "<p")
    }

    public static func split(_ lines: [SourceLine]) -> [SourceLine] {
        split(lines.map(TextLine.init)).map(\.source)
    }

    static func split(_ lines: [TextLine]) -> [TextLine] {
        var out: [TextLine] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            guard !line.hasTab, isLong(line.text),
                  Self.allWords.contains(where: { UTF8Text.contains(line.text, $0) }),
                  !Self.isMarkup(line.text) else { out.append(line); continue }
            // Scalars stand for characters (report text has no combining marks); the scan works
            // on the line's UTF-8 bytes and cuts at scalar boundaries.
            var text = line.text
            let cuts: [Int] = text.withUTF8 { b in
                var cuts: [Int] = []
                var i = 0
                while i + 6 <= b.count {
                    // A numeral (three bytes) followed by 、 (E3 80 81).
                    guard b[i] == 0xE4 || b[i] == 0xE5, b[i + 3] == 0xE3, b[i + 4] == 0x80, b[i + 5] == 0x81,
                          let n = SectionHeading.numeralBytes.firstIndex(where: { $0[0] == b[i] && $0[1] == b[i + 1] && $0[2] == b[i + 2] })
                    else { i += 1; continue }
                    // The window: the next 20 scalars.
                    let start = i + 6
                    var end = start
                    var scalars = 0
                    while end < b.count, scalars < 20 {
                        end += 1
                        while end < b.count, b[end] & 0xC0 == 0x80 { end += 1 }
                        scalars += 1
                    }
                    let window = UnsafeBufferPointer(rebasing: b[start..<end])
                    if let found = Self.headingBytes[n].lazy.compactMap({ word in
                        word.withUnsafeBufferPointer { UTF8Text.find($0, in: window).map { start + $0 + word.count } }
                    }).first {
                        cuts.append(i)
                        cuts.append(found)
                        i = found
                        continue
                    }
                    i += 1
                }
                return cuts
            }
            guard !cuts.isEmpty else { out.append(line); continue }
            var start = 0
            let count = text.utf8.count
            for cut in cuts + [count] where cut > start {
                let piece = UTF8Text.trimmed(UTF8Text.slice(text, start, cut))
                for part in proseAndTable(piece) { out.append(TextLine(part, number: line.number)) }
                start = cut
            }
        }
        return out
    }
}
