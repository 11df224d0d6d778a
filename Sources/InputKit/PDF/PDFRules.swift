/// A ruling line on a PDF page, in points: a table's border or a cell's edge.
struct PDFRule: Sendable, Equatable {
    enum Axis: Sendable { case horizontal, vertical }
    var axis: Axis
    /// y of a horizontal rule, x of a vertical one.
    var at: Double
    /// Where it starts and ends along its axis (x for horizontal, y for vertical).
    var from: Double
    var to: Double
}

/// Finds ruling lines in a rendered page (`PDFBitmap`).
///
/// Text is masked first: each character's box, less a fifth of its height at the top and the
/// bottom (so a cell border that grazes a tall box survives), is cleared. What is left that
/// runs straight for long enough is a rule: horizontally at least 1.5 text heights (longer than
/// any stroke of a character left at a box's edge), vertically at least 0.6. Runs on adjacent
/// pixel rows (columns) are one bar; a bar thicker than 3 pt is a filled box (a dark header
/// cell), whose two edges are the rules.
enum PDFRules {
    static let maxThickness = 3.0

    static func find(in bitmap: PDFBitmap, glyphs: [PDFGlyph]) -> [PDFRule] {
        let w = bitmap.width, h = bitmap.height, s = bitmap.scale
        var ink = bitmap.ink
        let em = medianHeight(glyphs) ?? 10
        for g in glyphs {
            let cut = g.height / 5
            let x0 = max(0, Int((g.x0 * s).rounded(.down))), x1 = min(w - 1, Int((g.x1 * s).rounded(.up)))
            let y0 = max(0, Int(((g.y0 + cut) * s).rounded(.down))), y1 = min(h - 1, Int(((g.y1 - cut) * s).rounded(.up)))
            guard x0 <= x1, y0 <= y1 else { continue }
            for y in y0...y1 { for x in x0...x1 { ink[y * w + x] = 0 } }
        }
        let thick = Int((maxThickness * s).rounded(.up))
        let horizontal = bars(ink, lines: h, along: w, minRun: Int((1.5 * em * s).rounded(.up))) { line, i in line * w + i }
        let vertical = bars(ink, lines: w, along: h, minRun: Int((0.6 * em * s).rounded(.up))) { line, i in i * w + line }
        return rules(horizontal, axis: .horizontal, thick: thick, scale: s) + rules(vertical, axis: .vertical, thick: thick, scale: s)
    }

    /// The median character height: the body text's size.
    static func medianHeight(_ glyphs: [PDFGlyph]) -> Double? {
        guard !glyphs.isEmpty else { return nil }
        let hs = glyphs.map(\.height).sorted()
        return hs[hs.count / 2]
    }

    /// A run of ink on consecutive pixel lines: `first...last` across, `from...to` along.
    struct Bar {
        var first: Int
        var last: Int
        var from: Int
        var to: Int
    }

    /// Runs of at least `minRun` ink pixels along each of `lines` pixel lines, joined into
    /// bars where they overlap on consecutive lines.
    static func bars(_ ink: [UInt8], lines: Int, along: Int, minRun: Int, index: (Int, Int) -> Int) -> [Bar] {
        var done: [Bar] = []
        var open: [Bar] = []
        ink.withUnsafeBufferPointer { px in
            for line in 0..<lines {
                var next: [Bar] = []
                var i = 0
                while i < along {
                    guard px[index(line, i)] != 0 else { i += 1; continue }
                    let start = i
                    while i < along, px[index(line, i)] != 0 { i += 1 }
                    guard i - start >= minRun else { continue }
                    let (from, to) = (start, i - 1)
                    if let k = open.firstIndex(where: { min($0.to, to) - max($0.from, from) >= min($0.to - $0.from, to - from) / 2 }) {
                        var bar = open.remove(at: k)
                        bar.last = line
                        bar.from = min(bar.from, from)
                        bar.to = max(bar.to, to)
                        next.append(bar)
                    } else {
                        next.append(Bar(first: line, last: line, from: from, to: to))
                    }
                }
                done += open
                open = next
            }
        }
        return done + open
    }

    static func rules(_ bars: [Bar], axis: PDFRule.Axis, thick: Int, scale s: Double) -> [PDFRule] {
        var out: [PDFRule] = []
        for b in bars {
            let from = Double(b.from) / s, to = Double(b.to + 1) / s
            if b.last - b.first + 1 <= thick {
                out.append(PDFRule(axis: axis, at: Double(b.first + b.last + 1) / 2 / s, from: from, to: to))
            } else {
                out.append(PDFRule(axis: axis, at: Double(b.first) / s, from: from, to: to))
                out.append(PDFRule(axis: axis, at: Double(b.last + 1) / s, from: from, to: to))
            }
        }
        return out
    }
}
