/// Escaping for the few places where SiteKit builds HTML itself (attribute lists of table
/// cells, the numbered lines of `source.html`) and for the error banner of `nianbao serve`;
/// everything else goes through Mustache's `{{…}}`.
public enum HTML {
    /// Escapes `& < > " '` — safe in text and in double- or single-quoted attributes.
    public static func escape(_ text: String) -> String {
        // Most strings (ids, numbers, most CJK text) need nothing: check the bytes first.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
