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
        var depth = 0
        var line = 1
        var quote: Character?
        var atLineStart = true
        var indent = 0
        var indents: [Int] = []
        var previous: Character = "\n"
        for c in text {
            if c == "\n" {
                line += 1; atLineStart = true; indent = 0; quote = nil; previous = c
                continue
            }
            if atLineStart {
                if c == " " { indent += 1; previous = c; continue }
                atLineStart = false
                if c != "#" {
                    while let last = indents.last, last >= indent { indents.removeLast() }
                    indents.append(indent)
                    if indents.count > maxDepth { return ("嵌套超过 \(maxDepth) 层，未读取；字段应为“名称: 值”", line) }
                }
            }
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && (previous == " " || previous == "\n") {
                // A comment runs to the end of the line.
                quote = "\n"
            } else if c == "[" || c == "{" {
                depth += 1
                if depth > maxDepth { return ("嵌套超过 \(maxDepth) 层，未读取；字段应为“名称: 值”", line) }
            } else if c == "]" || c == "}" {
                depth = max(0, depth - 1)
            } else if (c == "&" || c == "*") && (previous == " " || previous == "\n" || previous == "[" || previous == "{" || previous == ",") {
                return ("不支持 YAML 锚点与别名（& 与 *），未读取；请直接写出值", line)
            }
            previous = c
        }
        return nil
    }
}
