/// Recognises a row label against the rows of a form (the forms are data).
///
/// Labels are compared by matching key (`Normalizer.key`): numbering, punctuation and
/// spacing never matter. The text gathered before a row's values may hold more than its
/// label (a merged header cell, the parent row, a label broken over several PDF lines), so
/// the row whose label ends *last* in that text wins; on a tie, the longer label. A misprint
/// (`2.其他法律行政止公开`) is accepted when it is within a quarter of the label's length in
/// edit distance; otherwise the label is unknown and the caller reports it with the nearest
/// label as a did-you-mean — never a guess.
public struct LabelMatcher: Sendable {
    public struct Candidate: Sendable {
        public let key: String
        public let label: String
        /// The label's matching key, scalar by scalar (a key holds only ideographs and letters,
        /// each one `Character`, so scalars compare as characters would).
        let chars: [UInt32]
    }

    public enum Match: Equatable, Sendable {
        case row(String)
        case unknown(text: String, didYouMean: String?)
    }

    let candidates: [Candidate]

    /// `rows` are `(row key, label variants)`.
    public init(rows: [(String, [String])]) {
        var list: [Candidate] = []
        for (key, labels) in rows {
            for label in labels {
                let k = Normalizer.key(label)
                if !k.isEmpty { list.append(Candidate(key: key, label: labels[0], chars: Self.scalars(k))) }
            }
        }
        candidates = list
    }

    public init(form: Form) {
        self.init(forms: [form])
    }

    /// The rows of several forms of one table (the 2019 and 2021 table 三), each wording once:
    /// the union reads either form's labels before the printed rows tell which form it is.
    public init(forms: [Form]) {
        var rows: [(String, [String])] = []
        var seen = Set<String>()
        for form in forms {
            for row in form.allRows where row.valued {
                let labels = row.labels.filter { seen.insert(row.key + "\u{0}" + $0).inserted }
                if !labels.isEmpty { rows.append((row.key, labels)) }
            }
        }
        self.init(rows: rows)
    }

    static func scalars<S: StringProtocol>(_ text: S) -> [UInt32] {
        text.unicodeScalars.map(\.value)
    }

    /// The row named at the end of `text` (already a matching key). `read`: the rows of the
    /// table read so far, which a label's start alone (`truncated`) never names again.
    public func match(key text: String, read: Set<String> = []) -> Match? {
        let all = Self.scalars(text)
        let chars = Array(all.suffix(160))
        guard !chars.isEmpty else { return nil }
        var best: (end: Int, length: Int, key: String)?
        for c in candidates {
            guard let end = lastEnd(of: c.chars, in: chars) else { continue }
            if best == nil || end > best!.end || (end == best!.end && c.chars.count > best!.length) {
                best = (end, c.chars.count, c.key)
            }
        }
        // A label followed by more than a few characters is not what the text ends with
        // (`其他` inside `其他法律行政止公开`): the tail is tried as a misprint first.
        if let best, chars.count - best.end <= 3 { return .row(best.key) }
        // A long start of a label is surer than a misprint of a short one (`行他处理` is one edit
        // from `其他处理`, but follows 18 characters of 申请人逾期未按收费通知要求缴纳费用、行…).
        if let key = truncated(chars, skipping: read, least: 2 * Self.truncatedMinimum) { return .row(key) }
        // Misprints: compare each label with the tail of the text of about its length.
        var nearest: (distance: Int, candidate: Candidate)?
        for c in candidates {
            let n = c.chars.count
            // A distance of `giveUp` or more cannot beat the nearest so far, so the table may
            // stop there (the result is then that bound, not the distance; it loses all the same).
            let giveUp = nearest.map { ($0.distance * n + $0.candidate.chars.count - 1) / $0.candidate.chars.count } ?? .max
            let d = max(1, n - 3) <= chars.count ? Self.tailDistance(chars, c.chars, lengths: max(1, n - 3)...(n + 3), giveUp: giveUp)
                                                 : Self.distance(chars, c.chars, giveUp: giveUp)
            // Compared relative to the label's length: 2 edits in `予以公开` are worse than 3 in
            // `其他法律行政法规禁止公开`.
            if nearest == nil || d * nearest!.candidate.chars.count < nearest!.distance * n { nearest = (d, c) }
        }
        if let nearest, nearest.candidate.chars.count >= 4, nearest.distance * 4 <= nearest.candidate.chars.count {
            return .row(nearest.candidate.key)
        }
        if let key = truncated(chars, skipping: read, least: Self.truncatedMinimum) { return .row(key) }
        if let best, let c = candidates.first(where: { $0.key == best.key }), c.chars.count >= 4 { return .row(best.key) }
        let shown = String(String.UnicodeScalarView(chars.suffix(40).compactMap(Unicode.Scalar.init)))
        return .unknown(text: shown, didYouMean: nearest.map { $0.candidate.label })
    }

    /// Characters a label's start needs for `truncated` to name its row.
    static let truncatedMinimum = 4

    /// The row whose label's first characters (at least `least`, not all of them) the
    /// text ends with: PDF text breaks a long label around its values (`1.申请人无正当理由逾期不
    /// 补正、行政机关不`, the values, then `再处理其政府信息公开申请`), and the label's end joins
    /// the next row's text. Up to 3 characters may follow a start of twice that length: a parent
    /// cell's label printed beside its sub-rows (`（六）其` / `2.申请人逾期未按…缴纳费用、行` /
    /// `他处理 0 0 …`). Rows come in the form's order, so of the rows not read yet the first in
    /// that order wins (`属于行政` is 执法案卷 before it is 查询事项).
    func truncated(_ chars: [UInt32], skipping read: Set<String>, least: Int) -> String? {
        for c in candidates where !read.contains(c.key) && c.chars.count > least {
            for tail in 0...3 {
                let end = chars.count - tail
                var k = min(c.chars.count - 1, end)
                while k >= (tail == 0 ? least : max(least, 2 * Self.truncatedMinimum)) {
                    if chars[(end - k)..<end].elementsEqual(c.chars[..<k]) { return c.key }
                    k -= 1
                }
            }
        }
        return nil
    }

    /// Every label named in `text`, in reading order (longest first where two start together,
    /// no overlaps): the labels a PDF printed one after another with no values between.
    public func labels(in text: String) -> [String] {
        let chars = Array(Self.scalars(text).suffix(400))
        var found: [(start: Int, end: Int, key: String)] = []
        for c in candidates where c.chars.count <= chars.count {
            var s = 0
            while s + c.chars.count <= chars.count {
                if chars[s] == c.chars[0], chars[s..<(s + c.chars.count)].elementsEqual(c.chars) {
                    found.append((s, s + c.chars.count, c.key))
                    s += c.chars.count
                } else { s += 1 }
            }
        }
        found.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var result: [String] = []
        var reached = 0
        for f in found where f.start >= reached {
            result.append(f.key)
            reached = f.end
        }
        return result
    }

    /// The end offset of the last occurrence of `needle` in `hay`.
    func lastEnd(of needle: [UInt32], in hay: [UInt32]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var start = hay.count - needle.count
        while start >= 0 {
            if hay[start] == needle[0] {
                var ok = true
                for k in 1..<needle.count where hay[start + k] != needle[k] { ok = false; break }
                if ok { return start + needle.count }
            }
            start -= 1
        }
        return nil
    }

    /// The least Levenshtein distance between `label` and a tail of `text` whose length is in
    /// `lengths` (and at most `text.count`): one table over the reversed strings, whose last
    /// row holds the distance of the label to every tail at once — the same as `distance` of
    /// each tail, in one pass instead of seven.
    ///
    /// `giveUp`: once every entry of a row is at least this, the result is too (a row's least
    /// entry never falls from one row to the next), and that row's least entry is returned.
    static func tailDistance(_ text: [UInt32], _ label: [UInt32], lengths: ClosedRange<Int>, giveUp: Int = .max) -> Int {
        let m = min(text.count, lengths.upperBound)
        // Two rows in one stack buffer, read and written through pointers: this loop runs for
        // every label on every row text that names no row, so it allocates nothing and checks
        // no index (each check is a comparison, which the fuzz build also instruments).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { rows -> Int in
            // prev[j]: distance of the label's last i scalars to the text's last j scalars.
            var prev = rows.baseAddress!, cur = prev + (m + 1)
            for j in 0...m { prev[j] = j }
            var stopped: Int?
            text.withUnsafeBufferPointer { t in
                label.withUnsafeBufferPointer { l in
                    let last = t.count
                    for i in stride(from: 1, through: l.count, by: 1) {
                        cur[0] = i
                        let a = l[l.count - i]
                        var least = i
                        for j in stride(from: 1, through: m, by: 1) {
                            let v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a == t[last - j] ? 0 : 1))
                            cur[j] = v
                            least = min(least, v)
                        }
                        swap(&prev, &cur)
                        if least >= giveUp { stopped = least; return }
                    }
                }
            }
            if let stopped { return stopped }
            var best = Int.max
            for j in lengths where j <= m { best = min(best, prev[j]) }
            return best
        }
    }

    /// Levenshtein distance, O(n·m) on short labels; `giveUp` as in `tailDistance`.
    static func distance<A: RandomAccessCollection<UInt32>>(_ a: A, _ b: [UInt32], giveUp: Int = .max) -> Int where A.Index == Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var least = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[a.startIndex + i - 1] == b[j - 1] ? 0 : 1))
                least = min(least, cur[j])
            }
            if least >= giveUp { return least }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
