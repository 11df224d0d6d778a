/// Characters that sit on one baseline, left to right: a line of prose, or one line of text in
/// a table cell.
struct PDFTextLine: Sendable {
    var glyphs: [PDFGlyph]
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    init(_ glyphs: [PDFGlyph]) {
        self.glyphs = glyphs.sorted { $0.x0 < $1.x0 }
        x0 = glyphs.map(\.x0).min() ?? 0
        x1 = glyphs.map(\.x1).max() ?? 0
        y0 = glyphs.map(\.y0).min() ?? 0
        y1 = glyphs.map(\.y1).max() ?? 0
    }

    /// The text height: the median character height.
    var height: Double { PDFRules.medianHeight(glyphs) ?? (y1 - y0) }

    /// The line's text. Characters are joined as printed: nothing between CJK characters
    /// however wide justification spreads them, a space where the gap is a sixth of the text
    /// height wider than the line's usual gap (a typed space) or where two Latin letters or
    /// digits are set apart by more than an eighth of it (`2019-01-25 15:06`, `0 0 0` of a table
    /// without rules), and a tab where a gap wider than three text heights splits the line into
    /// columns.
    var text: String {
        var out = ""
        let em = height
        let gaps = zip(glyphs, glyphs.dropFirst()).map { $1.x0 - $0.x1 }.sorted()
        let usual = gaps.isEmpty ? 0 : max(0, gaps[gaps.count / 2])
        var previous: PDFGlyph?
        for g in glyphs {
            if let p = previous {
                let gap = g.x0 - p.x1
                if gap > 3 * em {
                    out += "\t"
                } else if gap > usual + em / 6 || (gap > em / 8 && Self.isWordCharacter(p.scalar) && Self.isWordCharacter(g.scalar)) {
                    out += " "
                }
            }
            out.unicodeScalars.append(g.scalar)
            previous = g
        }
        return out
    }

    static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))
    }

    /// Groups characters into lines, top to bottom: a character joins the line whose vertical
    /// extent it shares for at least half of the smaller height.
    static func group(_ glyphs: [PDFGlyph]) -> [PDFTextLine] {
        var lines: [[PDFGlyph]] = []
        var extents: [(y0: Double, y1: Double)] = []
        for g in glyphs.sorted(by: { $0.midY < $1.midY }) {
            // Lines are built in order of height on the page; only the last few can still grow.
            var joined = false
            for k in stride(from: lines.count - 1, through: max(0, lines.count - 3), by: -1) {
                let e = extents[k]
                let overlap = min(e.y1, g.y1) - max(e.y0, g.y0)
                if overlap >= min(e.y1 - e.y0, g.height) / 2 {
                    lines[k].append(g)
                    extents[k] = (min(e.y0, g.y0), max(e.y1, g.y1))
                    joined = true
                    break
                }
            }
            if !joined {
                lines.append([g])
                extents.append((g.y0, g.y1))
            }
        }
        return lines.map(PDFTextLine.init).sorted { $0.y0 < $1.y0 }
    }

    /// The text of characters that fill one box (a table cell): its lines joined, with a space
    /// only where a Latin word or a number runs on to the next line.
    static func joinedText(_ glyphs: [PDFGlyph]) -> String {
        var out = ""
        for line in group(glyphs) {
            let t = line.text.replacingOccurrences(of: "\t", with: " ")
            if let last = out.unicodeScalars.last, let first = t.unicodeScalars.first,
               last.isASCII && last.properties.isAlphabetic && first.isASCII && first.properties.isAlphabetic {
                out += " "
            }
            out += t
        }
        return out
    }
}
