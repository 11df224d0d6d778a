/// Helpers for the lines between two section headings that hold a table.
public enum TableRegion {
    /// Whether a line inside a table's section is prose (a note or a sentence), not table
    /// text: it has no tab, ends a sentence or runs long. Prose lines are never read as cells.
    public static func isProse(_ text: String) -> Bool {
        isProse(TextLine(text, number: 0))
    }

    static func isProse(_ line: TextLine) -> Bool {
        if line.hasTab { return false }
        let t = UTF8Text.trimmed(line.text)
        if isPageMark(compact: line.compact) { return true }
        // A long line without a sentence end that prints several numbers is a flattened
        // table (crawler text), not prose.
        let period = UTF8Text.contains(t, "。")
        // Only a line of more than 60 bytes can hold more than 20 characters.
        let length = t.utf8.count > 20 ? UTF8Text.length(t) : t.utf8.count
        if length > 60 { return period || digitRuns(t) < 3 }
        if UTF8Text.hasSuffix(t, "。") || (period && length > 20) { return true }
        return false
    }

    /// Whether a line closes the report (a signature such as `贺兰县洪广镇人民政府`, or a date
    /// alone on its line): a section's region ends there (`ReportParser`'s `region`).
    public static func endsTable(_ text: String) -> Bool {
        endsTable(TextLine(text, number: 0))
    }

    static func endsTable(_ line: TextLine) -> Bool {
        if line.hasTab { return false }
        let c = line.compact
        // At most 40 characters, and so at most 160 bytes.
        guard !c.isEmpty, c.utf8.count <= 160, UTF8Text.length(c) <= 40 else { return false }
        if DateReader.date(c) != nil { return true }
        // Stricter than a body name in the title: PDF text breaks labels into fragments such
        // as `度办` (三、本年度办理结果), which must not end a table.
        guard UTF8Text.length(c) >= 5, !c.unicodeScalars.contains(where: { isDecimalDigit($0) || notInSignature.contains($0) }) else {
            return false
        }
        return signatureEndings.contains { UTF8Text.hasSuffix(c, $0) }
    }

    static let signatureEndings = ["人民政府", "办事处", "委员会", "管委会", "管理委员会", "办公室", "政府", "局"]
    static let notInSignature = Set("、（()）.：:，。".unicodeScalars)

    /// Whether a scalar is a decimal digit (`CharacterSet.decimalDigits`: Unicode Nd): ASCII,
    /// full-width and the other scripts' digit blocks, by the Unicode property.
    static func isDecimalDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value &- 0x30 < 10 }
        return s.properties.numericType == .decimal
    }

    static func digitRuns(_ t: String) -> Int {
        var runs = 0
        var inRun = false
        for c in t.utf8 {
            let d = c &- 0x30 < 10
            if d && !inRun { runs += 1 }
            inRun = d
        }
        return runs
    }

    /// A page number left by PDF extraction: `-2-`, `- 3 -`, `第 4 页`, `4/12`.
    public static func isPageMark(_ t: String) -> Bool {
        isPageMark(compact: Normalizer.compact(t))
    }

    static func isPageMark(compact c: String) -> Bool {
        guard !c.isEmpty, c.utf8.count <= 48, UTF8Text.length(c) <= 12 else { return false }
        if UTF8Text.hasPrefix(c, "-"), UTF8Text.hasSuffix(c, "-"), c.utf8.count >= 3,
           c.utf8.dropFirst().dropLast().allSatisfy({ $0 &- 0x30 < 10 }) { return true }
        if UTF8Text.hasPrefix(c, "第"), UTF8Text.hasSuffix(c, "页") { return true }
        return false
    }
}
