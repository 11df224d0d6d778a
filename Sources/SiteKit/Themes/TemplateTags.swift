import Foundation

/// The tags of a Mustache template that decide whether it renders safely, read before
/// swift-mustache parses it: the partials it includes (with their lines, so a missing one or
/// a cycle is reported where it is written) and its sections, each closed by the tag of the
/// same name.
///
/// swift-mustache renders a missing partial as nothing, reports an unclosed section at the
/// end of the file, recurses without bound through a partial that includes itself (a crash,
/// issue 12) and parses nested sections recursively; so nesting is bounded here, by a loop.
/// Set-delimiter tags (`{{=<% %>=}}`) are followed.
///
///     1 {{#rows}}
///     2   {{> row}}      → partials [row @2]
///     3 {{/cells}}       → problem at line 3: {{/cells}} closes {{#rows}} of line 1
struct TemplateTags: Equatable {
    struct Partial: Equatable {
        var name: String
        var line: Int
    }

    /// A tag that makes the template unusable, at its 1-based line.
    struct Problem: Error, Equatable {
        var line: Int
        var code: Diagnostic.Code
        var message: String
    }

    var partials: [Partial] = []

    static func scan(_ text: String, maxDepth: Int) throws(Problem) -> TemplateTags {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var tags = TemplateTags()
        var sections: [(name: String, sigil: UInt8, line: Int)] = []
        var line = 1
        var i = 0
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
            var k = start
            while k + needle.count <= bytes.count {
                if bytes[k] == needle[0], Array(bytes[k..<k + needle.count]) == needle { return k }
                k += 1
            }
            return nil
        }
        func newlines(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }

        while let start = find(open, from: i) {
            line += newlines(i..<start)
            let tagLine = line
            var body = start + open.count
            var closing = close
            if open == Array("{{".utf8), body < bytes.count, bytes[body] == UInt8(ascii: "{") {
                closing = Array("}}}".utf8)
                body += 1
            }
            guard let end = find(closing, from: body) else {
                throw Problem(line: tagLine, code: "theme.unclosedTag", message: "标签没有结束（缺少 \(String(decoding: closing, as: UTF8.self))）")
            }
            line += newlines(start..<end)
            i = end + closing.count
            guard body < end else { continue }
            let sigil = bytes[body]
            let name = String(decoding: bytes[(body + 1)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let shown = String(decoding: bytes[start..<i], as: UTF8.self)
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                sections.append((name, sigil, tagLine))
                if sections.count > maxDepth {
                    throw Problem(line: tagLine, code: "theme.tooDeep", message: "段落嵌套超过 \(maxDepth) 层；请简化模板")
                }
                if sigil == UInt8(ascii: "<") { tags.partials.append(Partial(name: name, line: tagLine)) }
            case UInt8(ascii: "/"):
                guard let top = sections.popLast() else {
                    throw Problem(line: tagLine, code: "theme.unexpectedClose", message: "\(shown) 前面没有打开的段落；请删掉它，或补上 {{#\(name)}}")
                }
                guard top.name == name else {
                    let opened = "{{\(String(UnicodeScalar(top.sigil)))\(top.name)}}"
                    throw Problem(line: tagLine, code: "theme.unexpectedClose",
                                  message: "\(shown) 关闭的不是第 \(top.line) 行打开的 \(opened)；请改为 {{/\(top.name)}}")
                }
            case UInt8(ascii: ">"):
                if name.hasPrefix("*") {
                    throw Problem(line: tagLine, code: "theme.dynamicPartial",
                                  message: "\(shown) 的模板名来自数据，nianbao 无法检查它是否存在；请写明模板名")
                }
                tags.partials.append(Partial(name: name, line: tagLine))
            case UInt8(ascii: "="):
                let inner = name.hasSuffix("=") ? String(name.dropLast()) : name
                let parts = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                }
            default:
                break
            }
        }
        if let top = sections.last {
            let opened = "{{\(String(UnicodeScalar(top.sigil)))\(top.name)}}"
            throw Problem(line: top.line, code: "theme.unclosedSection", message: "\(opened) 没有对应的 {{/\(top.name)}}；请在段落结束处补上")
        }
        return tags
    }
}
