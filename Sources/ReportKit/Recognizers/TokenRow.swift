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

    public static func read(_ tokens: [CellToken], matcher: LabelMatcher, columns: Int? = nil) -> Output {
        var out = Output()
        var pending = ""
        var pendingLine: Int?
        var current: TokenRow?
        var skipping = false
        var valueless: [String] = []
        for token in tokens {
            switch token.kind {
            case .text:
                if let c = current, !c.values.isEmpty { out.rows.append(c); current = nil }
                if skipping { skipping = false }
                pending += Normalizer.key(token.text)
                if pending.count > 200 { pending = String(pending.suffix(160)) }
                if pendingLine == nil || pending.isEmpty { pendingLine = token.line }
            case .value:
                if !pending.isEmpty {
                    if let c = current, !c.values.isEmpty { out.rows.append(c) }
                    current = nil
                    // Labels in the header text before the first row (`法人或其他组织`) are not rows.
                    if !out.rows.isEmpty || current != nil { valueless += matcher.labels(in: pending).dropLast() }
                    switch matcher.match(key: pending) {
                    case .row(let key)?:
                        current = TokenRow(key: key, line: token.line, values: [token])
                        skipping = false
                    case .unknown(let text, let dym)?:
                        out.unknown.append((text, dym, token.line))
                        skipping = true
                    case nil:
                        skipping = true
                    }
                    pending = ""
                    pendingLine = nil
                } else if current != nil {
                    current!.values.append(token)
                }
            }
        }
        if let c = current, !c.values.isEmpty { out.rows.append(c) }
        if !pending.isEmpty { valueless += matcher.labels(in: pending) }
        placeDeferred(&out, valueless: valueless, columns: columns)
        return out
    }

    /// PDF text sometimes prints several rows' values under the first label and the other
    /// labels later with no values (`二、上年结转… 34 0 … 34 1288 21 … 1362 447 7 … 454`, then
    /// `（一）予以公开 （二）部分公开…`). When a row holds an exact multiple of the column count
    /// and exactly as many labels were seen with no values, the surplus runs go to those
    /// labels in order. Any other mismatch is left alone (and reported as a cell count).
    static func placeDeferred(_ out: inout Output, valueless: [String], columns: Int?) {
        guard let columns, columns > 1 else { return }
        let have = Set(out.rows.map(\.key))
        var labels = valueless.filter { !have.contains($0) }
        if labels.contains(where: { $0.hasPrefix("otherHandling.") }) { labels.removeAll { $0 == "otherHandling" } }
        var seen = Set<String>()
        labels = labels.filter { seen.insert($0).inserted }
        var chunks: [(Int, [CellToken])] = []
        for (i, row) in out.rows.enumerated() where row.values.count > columns && row.values.count % columns == 0 {
            var k = columns
            while k < row.values.count { chunks.append((i, Array(row.values[k..<(k + columns)]))); k += columns }
        }
        guard !chunks.isEmpty, chunks.count == labels.count else { return }
        // Every moved run must add up on its own (总计 = the six applicant columns); text
        // emitted column by column can match the count by chance, and then nothing is moved.
        if columns == 7 {
            for (_, values) in chunks {
                let v = values.compactMap(\.value)
                guard v.count == 7, v[0..<6].reduce(0, +) == v[6] else { return }
            }
        }
        var trimmed = Set<Int>()
        for ((i, values), key) in zip(chunks, labels) {
            if trimmed.insert(i).inserted { out.rows[i].values = Array(out.rows[i].values.prefix(columns)) }
            out.rows.append(TokenRow(key: key, line: values[0].line, values: values))
            out.deferred.append(key)
        }
    }
}
