import Foundation

/// Reads the 2008–2018 statistics form (政府信息公开情况统计表) by label, never by position.
///
/// Tab rows are `统计指标 · 单位 · 统计数`; crawler text flattens them into
/// `主动公开信息数 条 425 1516` (this year, cumulative) or, worse, `主动公开信息数条4251516`.
/// A run of digits that holds both columns is split only when the split is certain (two
/// digits: `55` = 5 / 5); otherwise the value is `nil` with a `legacy.ambiguousCell` warning.
/// The header, footer, units and key rows are the form's (`Forms.legacy`).
public struct LegacyTableRecognizer: Sendable {
    let form: LegacyForm

    public init(form: LegacyForm = Forms.legacy) {
        self.form = form
    }

    /// `prose` is the report's text, used only to confirm how a run of digits splits.
    /// `printed` maps line numbers to the lines as printed (before full-width folding), so a
    /// row is keyed by its label exactly as printed (report-json.md), not by its folded form.
    public func read(_ lines: [SourceLine], prose: [SourceLine] = [], printed: [Int: String] = [:]) -> (LegacyTable?, [Diagnostic]) {
        read(lines.map(TextLine.init), prose: prose.map(TextLine.init), printed: printed)
    }

    func read(_ lines: [TextLine], prose: [TextLine], printed: [Int: String]) -> (LegacyTable?, [Diagnostic]) {
        guard let start = lines.firstIndex(where: { form.isHeader(compact: $0.compact) }) else { return (nil, []) }
        let header = lines[start].compact
        let twoColumns = UTF8Text.contains(header, form.cumulativeWord)
        var table = LegacyTable()
        // Each about a row (by index): the row's subject is its label once labels are final.
        var diagnostics: [(row: Int, diagnostic: Diagnostic)] = []
        // The header line itself may carry the whole flattened table (crawler text).
        var pieces: [(label: String, unit: String?, values: [CellToken], line: Int, split: Bool)] = []
        // `pdftotext -layout` text sets the columns apart by runs of spaces and the rows by blank
        // lines: each line is read as the tab row it was (`spacedCells`).
        let spaced = !lines[start].hasTab && Self.spacedCells(lines[start].text).count >= form.columns.count
        let tabbed = lines[start].hasTab || spaced
        // A page number between two rows (`- 3 -`, a PDF's `第 3 页`) is no row and does not end the form.
        for var line in lines[start...] where !TableRegion.isPageMark(compact: line.compact) {
            let t = line.compact
            if form.footerWords.contains(where: { UTF8Text.hasPrefix(t, $0) }) { break }
            if spaced {
                if t.isEmpty { continue }
                let cells = Self.spacedCells(line.text)
                // One cell: a heading row (`三、依申请公开情况`), or the prose after the form.
                if cells.count == 1, UTF8Text.length(t) > 40 || UTF8Text.contains(t, "。") { break }
                line = TextLine(normalizing: cells.joined(separator: "\t") + (cells.count == 1 ? "\t" : ""), number: line.number)
            }
            // The form ends where its layout ends: a line that is not a row (tab rows), or
            // a blank line or a sentence (flattened text).
            if tabbed && !t.isEmpty && !line.hasTab && line.number != lines[start].number { break }
            if !tabbed && line.number != lines[start].number && (t.isEmpty || UTF8Text.contains(t, "。")) { break }
            if line.hasTab {
                let cells = UTF8Text.cells(line.text)
                guard let label = cells.first, !label.isEmpty, !form.isHeader(compact: t) else { continue }
                let unit = cells.count > 1 && !cells[1].isEmpty ? cells[1] : nil
                let valueText = cells.count > 2 ? cells[2] : ""
                let asPrinted = printed[line.number].map { Normalizer.compact(spaced ? Self.spacedCells($0).first ?? "" : UTF8Text.firstCell($0)) }
                let key = asPrinted.flatMap { $0.isEmpty ? nil : $0 } ?? Normalizer.compact(label)
                // A heading row (一、主动公开情况) is a printed row too: no unit, no value.
                guard unit != nil || !valueText.isEmpty else {
                    pieces.append((key, nil, [], line.number, true))
                    continue
                }
                let v = CellValue.parse(valueText) ?? nil
                pieces.append((key, unit, [CellToken(kind: .value, text: valueText, value: v, line: line.number)], line.number, true))
            } else {
                var text = line.text
                // The values start after the header's last column (统计数, or 累计 where the form adds it).
                let last = form.columns[form.columns.count - 1]
                if let at = UTF8Text.find(last, in: text).map({ $0 + last.utf8.count })
                    ?? UTF8Text.find(form.cumulativeWord, in: text).map({ $0 + form.cumulativeWord.utf8.count }) {
                    if form.isHeader(compact: t) { text = UTF8Text.slice(text, at) }
                }
                let tokens = CellToken.tokens(of: Self.dropParentheses(text), line: line.number)
                var label = ""
                var values: [CellToken] = []
                func flush() {
                    if !label.isEmpty, !values.isEmpty {
                        let (l, u) = Self.splitUnit(label, units: form.unitWords)
                        pieces.append((l, u, values, line.number, false))
                    }
                    label = ""; values = []
                }
                for token in tokens {
                    if token.kind == .text {
                        if !values.isEmpty { flush() }
                        label += Normalizer.compact(token.text)
                    } else {
                        values.append(token)
                    }
                }
                flush()
            }
        }
        for p in pieces {
            var value: Decimal?
            let text: String? = p.values.first?.text
            if twoColumns && !p.split && p.values.count == 1, let only = p.values.first, only.value != nil,
               only.text.utf8.allSatisfy({ $0 &- 0x30 < 10 }), only.text.utf8.count >= 2 {
                let candidates = Self.splits(only.text)
                if candidates.count == 1 {
                    value = candidates[0].0
                } else if let confirmed = Self.confirmedByProse(candidates.map(\.0), label: p.label, prose: prose) {
                    value = confirmed
                    let message = "\(form.name) \(p.label): “\(only.text)” 按正文所述取本年数 \(confirmed)"
                    diagnostics.append((table.rows.count, .info("legacy.splitByProse", message, line: p.line)))
                }
                if value == nil {
                    let message = "\(form.name) \(p.label): “\(only.text)” 本年数与累计数连在一起，无法确定本年数"
                    diagnostics.append((table.rows.count, .warning("legacy.ambiguousCell", message, line: p.line)))
                }
            } else {
                value = p.values.first?.value ?? nil
            }
            table.rows.append(LegacyRow(label: p.label, unit: p.unit, value: value, text: text, line: p.line))
        }
        Self.qualifyRepeatedLabels(&table.rows)
        let found = diagnostics.map { row, d in
            var d = d
            d.subject = Diagnostic.Subject(table: .legacy, row: table.rows[row].label)
            return d
        }
        guard !table.rows.isEmpty else { return (nil, found) }
        let keys = table.rows.map { Normalizer.key($0.label) }
        for keyRow in form.keyRows {
            let value = Self.keyRowIndex(keyRow, inKeys: keys).flatMap { table.rows[$0].value }
            switch keyRow.field {
            case .activeTotal: table.activeTotal = value
            case .applicationsReceived: table.applicationsReceived = value
            case .reviewCount: table.reviewCount = value
            case .litigationCount: table.litigationCount = value
            }
        }
        return (table, found)
    }

    /// Every split of `digits` into this year's value and a cumulative value that is not
    /// smaller (`728` → 7 / 28 only; `4251516` → 4, 42, 425). No leading zeros.
    static func splits(_ digits: String) -> [(Decimal, Decimal)] {
        let d = Array(digits)
        guard d.count >= 2, d.count <= 18 else { return [] }
        var result: [(Decimal, Decimal)] = []
        for cut in 1..<d.count {
            let a = d[..<cut], b = d[cut...]
            if (a.count > 1 && a.first == "0") || (b.count > 1 && b.first == "0") { continue }
            guard let x = Decimal(string: String(a)), let y = Decimal(string: String(b)), y >= x else { continue }
            result.append((x, y))
        }
        return result
    }

    /// The one candidate the prose states next to the row's subject (`主动公开…425条`), if
    /// exactly one is stated.
    static func confirmedByProse(_ candidates: [Decimal], label: String, prose: [TextLine]) -> Decimal? {
        var stem = Array(Normalizer.key(label))
        while let last = stem.last, "数量总".contains(last) { stem.removeLast() }
        guard stem.count >= 4 else { return nil }
        let subject = String(stem.prefix(4))
        var stated = Set<Decimal>()
        for line in prose where UTF8Text.contains(line.compact, subject) && TableRegion.isProse(line) {
            for sentence in UTF8Text.split(line.compact, separators: ["。", "；", ";"]) where UTF8Text.contains(sentence, subject) {
                let tokens = CellToken.tokens(of: sentence, line: line.number)
                for t in tokens where t.kind == .value && t.text.count > 1 && "条件起个项".contains(t.text.last!) {
                    if let v = t.value { stated.insert(v) }
                }
            }
        }
        let hits = candidates.filter { stated.contains($0) }
        return hits.count == 1 ? hits[0] : nil
    }

    /// The first row the key row names, by its label's matching key.
    static func keyRowIndex(_ keyRow: LegacyKeyRow, in rows: [LegacyRow]) -> Int? {
        rows.firstIndex { keyRow.matches(Normalizer.key($0.label)) }
    }

    /// `keyRowIndex` over the rows' matching keys, computed once for all key rows.
    static func keyRowIndex(_ keyRow: LegacyKeyRow, inKeys keys: [String]) -> Int? {
        keys.firstIndex { keyRow.matches($0) }
    }

    /// `主动公开信息数条` → (`主动公开信息数`, `条`).
    /// A label printed twice (（二）被依法纠错数 under both 四、行政复议数量 and 五、行政诉讼数量)
    /// would make two equal JSON keys, and most JSON readers keep only one. The first keeps
    /// its printed label; each later one is prefixed with the section heading it sits under:
    /// `五、行政诉讼数量/（二）被依法纠错数`.
    static func qualifyRepeatedLabels(_ rows: inout [LegacyRow]) {
        var seen: Set<String> = []
        var section = ""
        for i in rows.indices {
            let label = rows[i].label
            if let first = label.unicodeScalars.first, "一二三四五六七八九十".unicodeScalars.contains(first), UTF8Text.contains(label, "、") {
                section = label
            }
            if seen.contains(label), !section.isEmpty {
                rows[i].label = "\(section)/\(label)"
            }
            seen.insert(rows[i].label)
        }
    }

    static func splitUnit(_ label: String, units: [String]) -> (String, String?) {
        for u in units where label.hasSuffix(u) && label.count > u.count {
            return (String(label.dropLast(u.count)), u)
        }
        return (label, nil)
    }

    /// The cells of a line whose columns stand apart by two spaces or more (one space stays
    /// inside a cell: `计 1 条`), trimmed; `[]` for a blank line.
    static func spacedCells(_ text: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var spaces = 0
        for c in text {
            if c == " " || c == "\t" {
                spaces += c == "\t" ? 2 : 1
                continue
            }
            if spaces >= 2, !cell.isEmpty { cells.append(cell); cell = "" } else if spaces == 1, !cell.isEmpty { cell.append(" ") }
            spaces = 0
            cell.append(c)
        }
        if !cell.isEmpty { cells.append(cell) }
        return cells
    }

    static func dropParentheses(_ text: String) -> String {
        var out = ""
        var depth = 0
        for c in text {
            if c == "(" || c == "（" { depth += 1; continue }
            if c == ")" || c == "）" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(c) }
        }
        return out
    }
}
