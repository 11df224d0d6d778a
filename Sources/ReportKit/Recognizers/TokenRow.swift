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
    }

    public static func read(_ tokens: [CellToken], matcher: LabelMatcher) -> Output {
        var out = Output()
        var pending = ""
        var pendingLine: Int?
        var current: TokenRow?
        var skipping = false
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
        return out
    }
}
