/// A row as found in a token stream: the form row its label named, the line of the label,
/// and the value tokens that followed, in order.
public struct TokenRow: Sendable {
    public var key: String
    public var line: Int
    public var values: [CellToken]
}

/// Groups a token stream into labelled rows (the layout-independent core of every table).
///
/// Text accumulates as a pending label until a value arrives; the value starts a new row
/// named by the pending text, and further values join it until text comes again. This reads
/// tab rows, `label 0 0 0` lines, labels broken across PDF lines and one-cell-per-line
/// columns alike. A value with no label before it joins the row being read.
public enum TokenRowReader {
    public struct Output: Sendable {
        public var rows: [TokenRow] = []
        /// Labels that named no row: (text, did-you-mean, line).
        public var unknown: [(text: String, didYouMean: String?, line: Int)] = []
        /// Rows whose values came before their labels and were placed by count (see `placeDeferred`).
        public var deferred: [String] = []
    }

    /// `columns` gives a row's cell count, to place values printed before their labels;
    /// `form` (its row tree and row identity) checks such a placement.
    public static func read(_ tokens: [CellToken], matcher: LabelMatcher, columns: ((String) -> Int)? = nil,
                            headerWords: [String] = [], form: Form? = nil) -> Output {
        var out = Output()
        var pending = ""
        // `pending` without the explanation closing each label (`（七）总计（等于…之和）`).
        var plain = ""
        // `pending` holds matching keys only (one scalar per character), so this is its length.
        var pendingCount = 0
        var current: TokenRow?
        var orphan: [CellToken]?
        var orphanUnknown: Int?
        var orphanLeads = false
        var valueless: [String] = []
        // Runs of values that found no row, in stream order, each with the `unknown` entry it
        // made and whether it came before any row (right under the column header).
        var orphans: [Orphan] = []
        func closeOrphan() {
            if let o = orphan, !o.isEmpty { orphans.append(Orphan(values: o, unknown: orphanUnknown, leading: orphanLeads)) }
            orphan = nil
            orphanUnknown = nil
        }
        for token in tokens {
            switch token.kind {
            case .text:
                if let c = current, !c.values.isEmpty { out.rows.append(c); current = nil }
                closeOrphan()
                let key = Normalizer.key(token.text)
                pending += key
                plain += Normalizer.key(withoutExplanation(token.text))
                pendingCount += key.unicodeScalars.count
                if pendingCount > 200 {
                    pending = String(String.UnicodeScalarView(pending.unicodeScalars.suffix(160)))
                    plain = String(String.UnicodeScalarView(plain.unicodeScalars.suffix(160)))
                    pendingCount = 160
                }
            case .value:
                if !pending.isEmpty {
                    if let c = current, !c.values.isEmpty { out.rows.append(c) }
                    current = nil
                    // Labels in the header text before the first row (`法人或其他组织`) are not rows.
                    if !out.rows.isEmpty || !orphans.isEmpty { valueless += matcher.labels(in: pending).dropLast() }
                    let read = Set(out.rows.map(\.key))
                    var match = matcher.match(key: pending, read: read)
                    if case .unknown? = match, plain != pending, case .row(let key)? = matcher.match(key: plain, read: read) { match = .row(key) }
                    // Before any row, text ending in the column header (`…自然人 … 其他 总计`) is the
                    // header, though its last word names a row too (`（七）总计`): its values are a
                    // run whose label comes later.
                    if out.rows.isEmpty, orphans.isEmpty, case .row(let key)? = match,
                       let word = headerWords.first(where: { UTF8Text.hasSuffix(pending, $0) }),
                       case .row(key)? = matcher.match(key: word),
                       headerWords.filter({ !$0.isEmpty && pending.contains($0) }).count >= 2 {
                        match = nil
                        orphan = [token]
                        orphanLeads = true
                    }
                    switch match {
                    case .row(let key)?:
                        current = TokenRow(key: key, line: token.line, values: [token])
                    case .unknown(let text, let dym)?:
                        out.unknown.append((text, dym, token.line))
                        // Values right after a column header (`本年处理决定数量 550`) may belong
                        // to a label printed after them; values after an unknown label do not.
                        if headerWords.contains(where: { UTF8Text.hasSuffix(pending, $0) }) {
                            orphan = [token]
                            orphanUnknown = out.unknown.count - 1
                            orphanLeads = out.rows.isEmpty && orphans.isEmpty
                        }
                    case nil:
                        break
                    }
                    pending = ""
                    plain = ""
                    pendingCount = 0
                } else if current != nil {
                    current!.values.append(token)
                } else if orphan != nil {
                    orphan!.append(token)
                }
            }
        }
        if let c = current, !c.values.isEmpty { out.rows.append(c) }
        closeOrphan()
        if !pending.isEmpty { valueless += matcher.labels(in: pending) }
        if let columns { placeDeferred(&out, valueless: valueless, orphans: orphans, columns: columns, form: form) }
        return out
    }

    /// A label's text without the bracketed explanation that closes it: `（七）总计（等于本表第三项
    /// 中（一）至（六）各项之和）` is `（七）总计`. Tried only when the whole text names no row, so a
    /// form's own bracketed wording (`（二）部分公开（区分处理的，…）`) still matches whole.
    static func withoutExplanation(_ text: String) -> String {
        guard UTF8Text.hasSuffix(text, "）") || UTF8Text.hasSuffix(text, ")") else { return text }
        let scalars = Array(text.unicodeScalars)
        var depth = 0
        for i in scalars.indices.reversed() {
            switch scalars[i] {
            case "）", ")": depth += 1
            case "（", "(":
                depth -= 1
                // The opening bracket of the closing explanation, after some label text.
                if depth == 0 { return i > 0 ? String(String.UnicodeScalarView(scalars[..<i])) : text }
            default: break
            }
        }
        return text
    }

    /// PDF text prints some labels after their values. Two shapes are seen: several rows'
    /// values under the first label, the other labels later with none (`二、上年结转… 34 0 … 34
    /// 1288 21 … 1362 447 7 … 454`, then `（一）予以公开 （二）部分公开…`); and values before any
    /// label (`本年处理决定数量 550 行政许可`). The surplus runs go to the labels seen without
    /// values, in order — only when there are exactly as many runs as such labels, every run
    /// has its label's column count, and every run satisfies the form's row identity on its own
    /// (table 三). Anything else is left alone and reported. A row whose sub-rows are named
    /// (the 2021 （六） over its three) takes no run: its values are theirs.
    static func placeDeferred(_ out: inout Output, valueless: [String], orphans: [Orphan],
                              columns: (String) -> Int, form: Form?) {
        if placeDeferredRuns(&out, valueless: valueless, orphans: orphans, columns: columns, form: form) { return }
        placeLeading(&out, orphans: orphans, columns: columns, form: form)
    }

    /// A run of values printed before any row was read.
    struct Orphan {
        var values: [CellToken]
        var unknown: Int?
        /// Right under the column header, before any row's label or values.
        var leading: Bool
    }

    /// PDF text in reading order (`pdftotext` without `-layout`) can print a tall label cell
    /// after the values beside it: the first row's values come straight under the column header
    /// (`…总计 21 0 0 0 0 0 21 二、上年结转…`) and its label pages later, among the labels of other
    /// rows whose values are scrambled. When the runs cannot all be matched, the leading run
    /// alone is still the form's first row — only if that row was not read, the run has its
    /// column count and satisfies the row identity (table 三's 总计 = the applicant columns).
    static func placeLeading(_ out: inout Output, orphans: [Orphan], columns: (String) -> Int, form: Form?) {
        guard let form, let run = orphans.first, run.leading,
              let first = form.allRows.first(where: { $0.valued && !$0.derived }),
              !out.rows.contains(where: { $0.key == first.key }),
              run.values.count == columns(first.key),
              let sum = CellPlacement.Sum(form: form, row: first.key), sum.width == run.values.count,
              sum.holds(run.values.map(\.value)) else { return }
        if let u = run.unknown { out.unknown.remove(at: u) }
        out.rows.insert(TokenRow(key: first.key, line: run.values[0].line, values: run.values), at: 0)
        out.deferred.append(first.key)
    }

    /// The exact match of surplus runs to valueless labels (see `placeDeferred`); whether it placed them.
    static func placeDeferredRuns(_ out: inout Output, valueless: [String], orphans: [Orphan],
                                  columns: (String) -> Int, form: Form?) -> Bool {
        let have = Set(out.rows.map(\.key))
        var labels = valueless.filter { !have.contains($0) }
        if let form {
            let named = Set(labels).union(have)
            labels.removeAll { label in form.children(of: label).contains { named.contains($0.key) } }
        }
        var seen = Set<String>()
        labels = labels.filter { seen.insert($0).inserted }
        // Surplus runs: the second and later multiples of a row, and orphan runs, in stream order.
        var runs: [(row: Int?, orphan: Int?, values: [CellToken])] = []
        for (i, row) in out.rows.enumerated() {
            let n = columns(row.key)
            guard n > 0, row.values.count > n, row.values.count % n == 0 else { continue }
            var k = n
            while k < row.values.count { runs.append((i, nil, Array(row.values[k..<(k + n)]))); k += n }
        }
        for (j, o) in orphans.enumerated() { runs.append((nil, j, o.values)) }
        runs.sort { ($0.values[0].line, $0.row ?? 0) < ($1.values[0].line, $1.row ?? 0) }
        guard !runs.isEmpty, runs.count == labels.count else { return false }
        for (run, key) in zip(runs, labels) {
            guard run.values.count == columns(key) else { return false }
            // Every moved run must satisfy the row identity on its own (table 三: 总计 = the
            // six applicant columns): text emitted column by column can match the count by chance.
            if let form, let sum = CellPlacement.Sum(form: form, row: key), sum.width == run.values.count {
                guard sum.holds(run.values.map(\.value)) else { return false }
            }
        }
        var trimmed = Set<Int>()
        var dropUnknown = Set<Int>()
        for (run, key) in zip(runs, labels) {
            if let i = run.row, trimmed.insert(i).inserted {
                out.rows[i].values = Array(out.rows[i].values.prefix(columns(out.rows[i].key)))
            }
            if let j = run.orphan, let u = orphans[j].unknown { dropUnknown.insert(u) }
            out.rows.append(TokenRow(key: key, line: run.values[0].line, values: run.values))
            out.deferred.append(key)
        }
        out.unknown = out.unknown.enumerated().filter { !dropUnknown.contains($0.offset) }.map(\.element)
        return true
    }
}
