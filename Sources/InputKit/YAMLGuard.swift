/// Limits checked on a YAML text before a YAML parser sees it: the parser recurses once per
/// nesting level (5,000 levels of `[[[[` crash it) and expands aliases (a "billion laughs"
/// block of a few lines grows to gigabytes). nianbao's YAML (front matter, `site.yml`) is a
/// flat map of scalars, so the limits cost nothing real.
public enum YAMLGuard {
    /// The most bytes a front matter block or `site.yml` may hold.
    public static let maxBytes = 64 * 1024
    /// The deepest nesting of `[`/`{` and of indentation levels accepted.
    public static let maxDepth = 32

    /// Why the text must not be parsed, in Chinese with the remedy, and the 1-based line of
    /// the text where the problem is; `nil` when it is within the limits.
    public static func problem(_ text: String) -> (message: String, line: Int)? {
        if text.utf8.count > maxBytes {
            return ("内容超过 \(maxBytes / 1024) KB，未读取；请只写需要的几个字段", 1)
        }
        if let line = YAMLDepth.firstLine(in: text, beyond: maxDepth) {
            return ("嵌套超过 \(maxDepth) 层，未读取；字段应为“名称: 值”", line)
        }
        // Front matter is a flat map of scalars: an anchor or an alias has no use there.
        var line = 1
        var previous: Character = "\n"
        var quote: Character?
        for c in text {
            if c == "\n" { line += 1; quote = nil; previous = c; continue }
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && (previous == " " || previous == "\n") {
                quote = "\n"  // a comment runs to the end of the line
            } else if (c == "&" || c == "*") && " \n[{,".contains(previous) {
                return ("不支持 YAML 锚点与别名（& 与 *），未读取；请直接写出值", line)
            }
            previous = c
        }
        return nil
    }
}
