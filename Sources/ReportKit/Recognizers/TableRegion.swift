import Foundation

/// Helpers for the lines between two section headings that hold a table.
public enum TableRegion {
    /// Whether a line inside a table's section is prose (a note or a sentence), not table
    /// text: it has no tab, ends a sentence or runs long. Prose lines are never read as cells.
    public static func isProse(_ text: String) -> Bool {
        if text.contains("\t") { return false }
        let t = text.trimmingCharacters(in: .whitespaces)
        if isPageMark(t) { return true }
        // A long line without a sentence end that prints several numbers is a flattened
        // table (crawler text), not prose.
        if t.count > 60 { return t.contains("。") || digitRuns(t) < 3 }
        if t.hasSuffix("。") || (t.contains("。") && t.count > 20) { return true }
        return false
    }

    /// Whether a line closes the report (a signature such as `贺兰县洪广镇人民政府`, or a date
    /// alone on its line): a section's region ends there (`ReportParser`'s `region`).
    public static func endsTable(_ text: String) -> Bool {
        if text.contains("\t") { return false }
        let c = Normalizer.compact(text)
        guard !c.isEmpty, c.count <= 40 else { return false }
        if DateReader.date(c) != nil { return true }
        // Stricter than a body name in the title: PDF text breaks labels into fragments such
        // as `度办` (三、本年度办理结果), which must not end a table.
        guard c.count >= 5, !c.unicodeScalars.contains(where: { CharacterSet.decimalDigits.contains($0) || "、（()）.：:，。".unicodeScalars.contains($0) }) else { return false }
        return signatureEndings.contains { c.hasSuffix($0) }
    }

    static let signatureEndings = ["人民政府", "办事处", "委员会", "管委会", "管理委员会", "办公室", "政府", "局"]

    static func digitRuns(_ t: String) -> Int {
        var runs = 0
        var inRun = false
        for c in t.unicodeScalars {
            let d = c.value >= 0x30 && c.value <= 0x39
            if d && !inRun { runs += 1 }
            inRun = d
        }
        return runs
    }

    /// A page number left by PDF extraction: `-2-`, `- 3 -`, `第 4 页`, `4/12`.
    public static func isPageMark(_ t: String) -> Bool {
        let c = Normalizer.compact(t)
        guard !c.isEmpty, c.count <= 12 else { return false }
        if c.hasPrefix("-"), c.hasSuffix("-"), c.count >= 3, c.dropFirst().dropLast().allSatisfy(CellToken.isDigit) { return true }
        if c.hasPrefix("第"), c.hasSuffix("页") { return true }
        return false
    }
}
