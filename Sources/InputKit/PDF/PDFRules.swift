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
        let (rows, columns) = runs(ink, width: w, height: h,
                                   minRow: Int((1.5 * em * s).rounded(.up)), minColumn: Int((0.6 * em * s).rounded(.up)))
        return rules(bars(rows), axis: .horizontal, thick: thick, scale: s) + rules(bars(columns), axis: .vertical, thick: thick, scale: s)
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

    /// The runs of ink at least `minRow` long along each pixel row and `minColumn` long down each
    /// pixel column, found in one pass over the rows (a pass down the columns would touch a new
    /// cache line at every pixel). A page is mostly paper: eight pixels of it are skipped at a
    /// time, and only the columns where a vertical run is under way are looked at on each row.
    static func runs(_ ink: [UInt8], width w: Int, height h: Int, minRow: Int, minColumn: Int)
        -> (rows: [[(Int, Int)]], columns: [[(Int, Int)]]) {
        var rows = Array(repeating: [(Int, Int)](), count: h)
        var columns = Array(repeating: [(Int, Int)](), count: w)
        var down = [Int](repeating: 0, count: w)
        var active: [Int] = []
        var stillActive: [Int] = []
        ink.withUnsafeBufferPointer { px in
            guard let base = px.baseAddress else { return }
            for y in 0...h {
                // Vertical runs under way: go on where this row has ink, end where it has none.
                stillActive.removeAll(keepingCapacity: true)
                for x in active {
                    if y < h && px[y * w + x] != 0 {
                        down[x] += 1
                        stillActive.append(x)
                    } else {
                        if down[x] >= minColumn { columns[x].append((y - down[x], y - 1)) }
                        down[x] = 0
                    }
                }
                swap(&active, &stillActive)
                guard y < h else { break }
                // Horizontal runs along this row; new vertical runs where ink starts one.
                let row = base + y * w
                var x = 0
                var start = -1
                while x < w {
                    if start < 0, x + 8 <= w, UnsafeRawPointer(row + x).loadUnaligned(as: UInt64.self) == 0 {
                        x += 8
                        continue
                    }
                    if row[x] != 0 {
                        if start < 0 { start = x }
                        if down[x] == 0 { down[x] = 1; active.append(x) }
                    } else if start >= 0 {
                        if x - start >= minRow { rows[y].append((start, x - 1)) }
                        start = -1
                    }
                    x += 1
                }
                if start >= 0, w - start >= minRow { rows[y].append((start, w - 1)) }
            }
        }
        return (rows, columns)
    }

    /// Runs on consecutive pixel lines that overlap by half the shorter, joined into bars.
    static func bars(_ lines: [[(Int, Int)]]) -> [Bar] {
        var done: [Bar] = []
        var open: [Bar] = []
        for (line, runs) in lines.enumerated() {
            var next: [Bar] = []
            for (from, to) in runs {
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
