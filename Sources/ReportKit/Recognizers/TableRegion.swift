import Foundation

/// Helpers for the lines between two section headings that hold a table.
public enum TableRegion {
    /// Whether a line inside a table's section is prose (a note or a sentence), not table
    /// text: it has no tab, ends a sentence or runs long. Prose lines are never read as cells.
    public static func isProse(_ text: String) -> Bool {
        if text.contains("\t") { return false }
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count > 60 { return true }
        if t.hasSuffix("。") || (t.contains("。") && t.count > 20) { return true }
        return false
    }
}
