import Foundation

/// Turns the report's text into blocks for the page: headings (the six standard sections
/// numbered), paragraphs (markdown as written) and table placeholders.
///
/// Lines broken by PDF extraction are re-joined: a paragraph ends only where a line ends a
/// sentence (。！？) or where the next line starts a numbered item or a heading, so
/// `根据《条` / `例》）及…` becomes one paragraph. Table rows never become paragraphs.
public struct BlockRecognizer: Sendable {
    public struct TableSpan: Sendable {
        public var kind: TableKind
        /// Indices into the line array, half-open.
        public var range: Range<Int>
    }

    public init() {}

    func blocks(original: [SourceLine], normalized: [TextLine], tables: [TableSpan], titleLines: Set<Int> = [],
                ownLines: Set<Int> = []) -> [Block] {
        var blocks: [Block] = []
        var buffer = ""
        var bufferLine = 0
        func flush() {
            let t = UTF8Text.trimmed(buffer)
            if !t.isEmpty { blocks.append(.paragraph(text: t, line: bufferLine)) }
            buffer = ""
        }
        var i = 0
        var steps = 0
        while i < original.count, steps < original.count + 10 {
            steps += 1
            if let span = tables.first(where: { $0.range.lowerBound == i }), !span.range.isEmpty {
                flush()
                blocks.append(.table(span.kind, line: original[i].number))
                for k in span.range where k < original.count && TableRegion.isProse(normalized[k])
                    && !TableRegion.isPageMark(compact: normalized[k].compact) {
                    blocks.append(.paragraph(text: UTF8Text.trimmed(original[k].text), line: original[k].number))
                }
                i = max(span.range.upperBound, i + 1)
                continue
            }
            let raw = original[i].text
            let norm = UTF8Text.trimmed(normalized[i].text)
            let number = original[i].number
            i += 1
            // A page number (`- 3 -`, `第 3 页`) is not text: a paragraph runs on across it.
            if norm.isEmpty || TableRegion.isPageMark(compact: normalized[i - 1].compact) { continue }
            let trimmedRaw = UTF8Text.trimmed(raw)
            if titleLines.contains(number) {
                flush()
                blocks.append(.heading(text: norm, level: 1, section: nil, line: number))
                continue
            }
            if SectionHeading.leadingNumeral(norm) != nil, let section = SectionHeading.section(of: norm) {
                flush()
                blocks.append(.heading(text: norm, level: 2, section: section, line: number))
                continue
            }
            if trimmedRaw.utf8.first == 0x23 {
                flush()
                let level = min(6, trimmedRaw.prefix { $0 == "#" }.count)
                blocks.append(.heading(text: norm, level: level, section: nil, line: number))
                continue
            }
            // The signature and a date standing alone are paragraphs of their own.
            if ownLines.contains(number) || (DateReader.date(norm) != nil && UTF8Text.length(norm) <= 24) {
                flush()
                blocks.append(.paragraph(text: trimmedRaw, line: number))
                continue
            }
            if Self.startsItem(norm) { flush() }
            if buffer.isEmpty { bufferLine = number }
            buffer += trimmedRaw
            if Self.endsSentence(norm) || (Self.startsItem(norm) && UTF8Text.length(norm) <= 20) { flush() }
        }
        flush()
        return blocks
    }

    // Scalars stand for characters here: report text has no combining marks, and a
    // `Character` array per line cost more than the rest of the loop.

    static let sentenceEnds = Set("。！？!?；;".unicodeScalars)

    static func endsSentence(_ t: String) -> Bool {
        guard let last = t.unicodeScalars.last else { return false }
        return sentenceEnds.contains(last) || UTF8Text.hasSuffix(t, "。)") || UTF8Text.hasSuffix(t, "。）")
    }

    static let itemNumerals = Set("一二三四五六七八九十".unicodeScalars)

    /// `（一）…`, `(一)…`, `一、…`, `1. …`, `1、…`.
    /// Reads the first four scalars one by one (called for every line: no array).
    static func startsItem(_ t: String) -> Bool {
        var scalars = t.unicodeScalars.makeIterator()
        guard let first = scalars.next(), let second = scalars.next() else { return false }
        if first == "(" {
            // A closing bracket among the next three scalars, with at least three in all.
            guard let third = scalars.next() else { return false }
            return second == ")" || third == ")" || scalars.next() == ")"
        }
        if itemNumerals.contains(first) { return second == "、" }
        if first.value &- 0x30 < 10 { return second == "." || second == "、" }
        return false
    }
}
