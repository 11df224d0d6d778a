import Foundation
import Yams

/// YAML front matter at the top of a report file:
///
///     ---
///     region: 宁夏回族自治区/银川市/兴庆区/掌政镇
///     year: 2020
///     ---
///
/// The block's lines are blanked (not removed) before parsing so every line number the
/// parser reports still matches the file as published.
public struct FrontMatter: Sendable {
    public var fields: [String: String]
    /// The text with the front matter lines replaced by empty lines.
    public var remainingText: String
    /// Problems with the block itself (bad YAML, unknown keys, bad values), with lines.
    public var diagnostics: [Diagnostic]

    public static let keys: Set<String> = ["body", "region", "year", "published", "format"]

    /// Splits front matter from `text`. A file without a `---` first line has none.
    public static func split(_ text: String) -> FrontMatter {
        // A first line without a `-` is no `---`: most files, and then nothing is split.
        guard text.utf8.prefix(while: { $0 != 0x0A }).contains(0x2D) else {
            return FrontMatter(fields: [:], remainingText: text, diagnostics: [])
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\u{FEFF}", with: "") }
        guard first == "---" else {
            return FrontMatter(fields: [:], remainingText: text, diagnostics: [])
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "---" }) else {
            // Read as text rather than guessed at: where the block was meant to end is unknown.
            return FrontMatter(fields: [:], remainingText: text, diagnostics: [
                .error("frontMatter.unterminated", "front matter 以 --- 开始，但没有结束的 --- 行，其中的字段未读取；请在字段之后加一行 ---", line: 1),
            ])
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        var fields: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        if let problem = YAMLGuard.problem(yaml) {
            diagnostics.append(.error("frontMatter.invalid", "front matter \(problem.message)", line: problem.line + 1))
        } else { do {
            // Scalars are read as written: YAML would turn `published: 2021-01-25` into a
            // timestamp and a 12-digit code into an integer.
            if let node = try Yams.compose(yaml: yaml), let map = node.mapping {
                for (keyNode, valueNode) in map {
                    guard let key = keyNode.string else { continue }
                    let line = (lines[1..<end].firstIndex { $0.hasPrefix(key) } ?? 1) + 1
                    guard keys.contains(key) else {
                        diagnostics.append(.warning("frontMatter.unknownKey", "front matter 中的 \(key) 不是可用的字段（\(keys.sorted().joined(separator: "、"))），已忽略", line: line))
                        continue
                    }
                    fields[key] = valueNode.string?.trimmingCharacters(in: .whitespaces) ?? ""
                }
            } else if !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.append(.warning("frontMatter.invalid", "front matter 应为 “字段: 值” 的 YAML 行，已忽略", line: 2))
            }
        } catch {
            let (why, line) = Self.describe(error)
            diagnostics.append(.warning("frontMatter.invalid", "front matter 不是有效的 YAML（\(why)），已忽略", line: line.map { $0 + 1 } ?? 2))
        } }
        for i in 0...end { lines[i] = "" }
        return FrontMatter(fields: fields, remainingText: lines.joined(separator: "\n"), diagnostics: diagnostics)
    }

    /// A YAML error in one line, and the line of the block it points at (Yams prints the
    /// offending line and a caret on lines of their own, which would break `file:line`).
    static func describe(_ error: Error) -> (String, Int?) {
        if let y = error as? YamlError {
            switch y {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
                let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                return (what, mark.line)
            default: break
            }
        }
        let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        return (first, nil)
    }

    /// The overrides the fields ask for; `resolveRegion` turns a `region:` value (a code or a
    /// slash path) into a region, `nil` when it names no known division.
    public func overrides(resolveRegion: (String) -> Region?) -> (ReportOverrides, [Diagnostic]) {
        var o = ReportOverrides(line: 1)
        var problems: [Diagnostic] = []
        o.body = fields["body"].flatMap { $0.isEmpty ? nil : $0 }
        if let r = fields["region"] {
            if let region = resolveRegion(r) { o.region = region } else {
                problems.append(.warning("frontMatter.region", "front matter region「\(r)」不是已知的行政区划（请写 12 位区划代码，或 省/市/县/镇 名称），已忽略", line: 1))
            }
        }
        if let y = fields["year"] {
            if let year = Int(y), (1990...2100).contains(year) { o.year = year } else {
                problems.append(.warning("frontMatter.year", "front matter year「\(y)」不是年份，已忽略", line: 1))
            }
        }
        if let p = fields["published"] {
            if p.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { o.published = p } else {
                problems.append(.warning("frontMatter.published", "front matter published「\(p)」不是 2021-01-25 这样的日期，已忽略", line: 1))
            }
        }
        if let f = fields["format"] {
            if let format = Format(rawValue: f) { o.format = format } else {
                problems.append(.warning("frontMatter.format", "front matter format「\(f)」应为 legacy、2019 或 2021，已忽略", line: 1))
            }
        }
        return (o, problems)
    }
}
