/// How deeply a YAML text nests, measured before a YAML parser sees it.
///
/// Yams composes nodes recursively, so `[[[[…]]]]` five thousand levels deep (10 KB) overflows
/// the stack and kills the process with no message (issue 12). This scan is a loop with
/// no recursion: it counts flow brackets (`[`, `{`) opened at the start of a node, block
/// levels by indentation, and compact sequence dashes (`- - - a`), skipping quoted text,
/// comments and block scalars (`|`, `>`). It may count a level or two more than a parser
/// would (never fewer), which only matters near the limit, far beyond what a settings file
/// or a front matter block needs.
///
///     title: x                 → depth 1
///     a: {b: [1, [2]]}         → depth 4 (the mapping, then three flow levels)
public enum YAMLDepth {
    /// The first 1-based line at which nesting goes beyond `limit`; `nil` if it never does.
    public static func firstLine(in text: String, beyond limit: Int) -> Int? {
        var indents: [Int] = []
        var flow = 0
        var quote: UInt8? = nil
        var blockScalarIndent: Int? = nil
        var number = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let bytes = Array(line)
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            let blank = bytes.dropFirst(indent).allSatisfy { [UInt8(ascii: " "), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains($0) }
            if let parent = blockScalarIndent {
                if blank || indent > parent { continue }
                blockScalarIndent = nil
            }
            var depth = 0
            var nodeStart = true
            var i = indent
            if quote == nil && flow == 0 {
                if blank || bytes[indent] == UInt8(ascii: "#") { continue }
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
            } else {
                nodeStart = flow > 0
            }
            while i < bytes.count {
                let c = bytes[i]
                defer { i += 1 }
                if let q = quote {
                    if q == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") { i += 1; continue }
                    if c == q {
                        if q == UInt8(ascii: "'"), i + 1 < bytes.count, bytes[i + 1] == q { i += 1; continue }
                        quote = nil
                        nodeStart = false
                    }
                    continue
                }
                let spaceBefore = i == 0 || bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t")
                let spaceAfter = i + 1 == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[i + 1])
                let ch = Character(UnicodeScalar(c))
                // (Each test is written out: in `case a, b where x`, Swift applies `x` to `b` only.)
                if ch == " " || ch == "\t" || ch == "\r" {
                    continue
                } else if ch == "#" && spaceBefore {
                    i = bytes.count
                } else if (ch == "[" || ch == "{") && (nodeStart || flow > 0) {
                    flow += 1
                    nodeStart = true
                } else if (ch == "]" || ch == "}") && flow > 0 {
                    flow -= 1
                    nodeStart = false
                } else if ch == "," && flow > 0 {
                    nodeStart = true
                } else if (ch == "\"" || ch == "'") && nodeStart {
                    quote = c
                } else if (ch == "-" || ch == "?") && nodeStart && spaceAfter && flow == 0 {
                    depth += 1
                } else if ch == ":" && spaceAfter {
                    nodeStart = true
                } else if (ch == "|" || ch == ">") && nodeStart && flow == 0 {
                    blockScalarIndent = indent
                    i = bytes.count
                } else if (ch == "&" || ch == "!") && nodeStart {
                    // An anchor or a tag before the node: skip its name, the node still starts after it.
                    while i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: " ") { i += 1 }
                } else {
                    nodeStart = false
                }
                if indents.count + depth + flow > limit { return number }
            }
            if indents.count + depth + flow > limit { return number }
        }
        return nil
    }
}
