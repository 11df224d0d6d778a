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

    public func blocks(original: [SourceLine], normalized: [SourceLine], tables: [TableSpan], titleLines: Set<Int> = [],
                       ownLines: Set<Int> = []) -> [Block] {
        var blocks: [Block] = []
        var buffer = ""
        var bufferLine = 0
        func flush() {
            let t = buffer.trimmingCharacters(in: .whitespaces)
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
                for k in span.range where k < original.count && TableRegion.isProse(normalized[k].text)
                    && !TableRegion.isPageMark(normalized[k].text) {
                    blocks.append(.paragraph(text: original[k].text.trimmingCharacters(in: .whitespaces), line: original[k].number))
                }
                i = max(span.range.upperBound, i + 1)
                continue
            }
            let raw = original[i].text
            let norm = normalized[i].text.trimmingCharacters(in: .whitespaces)
            let number = original[i].number
            i += 1
            // A page number (`- 3 -`, `第 3 页`) is not text: a paragraph runs on across it.
            if norm.isEmpty || TableRegion.isPageMark(norm) { continue }
            let trimmedRaw = raw.trimmingCharacters(in: .whitespaces)
            if titleLines.contains(number) {
                flush()
                blocks.append(.heading(text: norm, level: 1, section: nil, line: number))
                continue
            }
            if let section = SectionHeading.section(of: norm) {
                flush()
                blocks.append(.heading(text: norm, level: 2, section: section, line: number))
                continue
            }
            if trimmedRaw.hasPrefix("#") {
                flush()
                let level = min(6, trimmedRaw.prefix { $0 == "#" }.count)
                blocks.append(.heading(text: norm, level: level, section: nil, line: number))
                continue
            }
            // The signature and a date standing alone are paragraphs of their own.
            if ownLines.contains(number) || (norm.count <= 24 && DateReader.date(norm) != nil) {
                flush()
                blocks.append(.paragraph(text: trimmedRaw, line: number))
                continue
            }
            if Self.startsItem(norm) { flush() }
            if buffer.isEmpty { bufferLine = number }
            buffer += trimmedRaw
            if Self.endsSentence(norm) || (Self.startsItem(norm) && norm.count <= 20) { flush() }
        }
        flush()
        return blocks
    }

    static func endsSentence(_ t: String) -> Bool {
        guard let last = t.last else { return false }
        return "。！？!?；;".contains(last) || t.hasSuffix("。)") || t.hasSuffix("。）")
    }

    /// `（一）…`, `(一)…`, `一、…`, `1. …`, `1、…`.
    static func startsItem(_ t: String) -> Bool {
        let chars = Array(t.prefix(4))
        guard let first = chars.first else { return false }
        if first == "(" { return chars.count > 2 && chars.contains(")") }
        if SectionHeading.numerals.contains(first) || "七八九十".contains(first) { return chars.count > 1 && chars[1] == "、" }
        if CellToken.isDigit(first) { return chars.count > 1 && (chars[1] == "." || chars[1] == "、") }
        return false
    }
}
