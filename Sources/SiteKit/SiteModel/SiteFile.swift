import Foundation
import Yams

/// `site.yml`, the project's defaults, read within bounds:
///
///     title: 某某县政府信息公开工作年度报告
///     output: public
///
/// The file is at most 64 KB and nests at most 32 levels, both checked before YAML sees it
/// (a 10 KB `[[[[…]]]]` used to crash the process); the YAML is only composed, never
/// constructed, and only the top mapping's scalars are read, so aliases cannot multiply
/// (a billion-laughs `title:` used to grow to 6 GB). Each value keeps its line, so a bad
/// one is reported where it is written.
public struct SiteFile: Sendable, Equatable {
    /// The keys most sites set, named in messages about a broken file.
    public static let basicKeys = ["title", "baseURL", "theme", "content", "output", "language", "maxFileSize", "indexLinks"]
    public static let keys = basicKeys + deadlineKeys.map(\.key)
    /// Earlier publication deadlines than the 条例's, where a local rule is stricter (docs/timeliness.md).
    public static let deadlineKeys: [(key: String, kind: BodyKind)] = [
        ("deadlineDepartment", .department), ("deadlineGovernment", .government), ("deadlineTown", .town),
    ]
    /// The limits front matter has too (InputKit's `YAMLGuard`).
    public static let maxBytes = YAMLGuard.maxBytes
    public static let maxDepth = YAMLGuard.maxDepth

    public struct Value: Sendable, Equatable {
        public var text: String
        /// 1-based line of the value in the file.
        public var line: Int
    }

    /// How the file is named in messages (`site.yml`).
    public var shown: String
    public var values: [String: Value]
    /// Keys nianbao does not know: ignored, and said so.
    public var warnings: [FileDiagnostic]
    /// The statutory deadlines with the file's stricter ones applied.
    public var deadlines = Deadlines.statutory

    /// A problem that makes the file unusable.
    public struct Failure: DiagnosedError, Equatable {
        public var diagnostic: FileDiagnostic
    }

    /// Reads the file at `url`; `nil` when there is none.
    public static func read(_ url: URL, shown: String) throws -> SiteFile? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw IOFailure(error, path: shown, action: .read, code: "site.io")
        }
        return try parse(data, shown: shown)
    }

    /// Reads the settings from the bytes of a `site.yml`.
    public static func parse(_ data: Data, shown: String) throws -> SiteFile {
        func fail(code: Diagnostic.Code, line: Int?, _ message: String) -> Failure {
            Failure(diagnostic: .error(shown, line: line, code: code, message))
        }
        let simple = "site.yml 只需几行“键: 值”（\(basicKeys.joined(separator: "、"))）"
        guard data.count <= maxBytes else {
            throw fail(code: "site.tooLarge", line: nil, "文件超过 \(maxBytes / 1024) KB 的上限；\(simple)，请检查是否放错了文件")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail(code: "site.encoding", line: nil, "不是 UTF-8 编码的文本；请用 UTF-8 保存")
        }
        if let line = YAMLDepth.firstLine(in: text, beyond: maxDepth) {
            throw fail(code: "site.tooDeep", line: line, "嵌套超过 \(maxDepth) 层；\(simple)")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            let (line, problem) = Self.located(error)
            throw fail(code: "site.yaml", line: line, "不是有效的 YAML（\(problem)）；\(simple)")
        }
        guard let root else { return SiteFile(shown: shown, values: [:], warnings: []) }
        guard let mapping = root.mapping else {
            throw fail(code: "site.notMapping", line: root.mark?.line, "应为“键: 值”的写法，例如 title: 某某县政府信息公开工作年度报告")
        }
        var values: [String: Value] = [:]
        var warnings: [FileDiagnostic] = []
        for (keyNode, valueNode) in mapping {
            // The key's line: an alias's mark is where its anchor was written.
            let line = keyNode.mark?.line ?? valueNode.mark?.line ?? 1
            guard let key = keyNode.scalar?.string, keys.contains(key) else {
                let name = keyNode.scalar?.string ?? "（不是文字的键）"
                warnings.append(.warning(shown, line: line, code: "site.unknownKey",
                                         "不认识的设置 \(name)，已忽略（可用的设置：\(keys.joined(separator: "、"))）"))
                continue
            }
            // `output:` or `output: ~` is null (it once made a folder named `<null>`); a quoted
            // `output: ""` is an empty string, which the plan refuses with its own message.
            if let scalar = valueNode.scalar, scalar.style == .plain, valueNode.null != nil {
                throw fail(code: "site.value", line: line, "\(key) 没有写值；要用默认值就删掉这一行，否则写明，例如 \(key): \(example(key))")
            }
            guard let scalar = valueNode.scalar else {
                let found = valueNode.sequence != nil ? "列表" : "映射"
                throw fail(code: "site.value", line: line, "\(key) 的值应为一行文字，这里是\(found)；例如 \(key): \(example(key))")
            }
            values[key] = Value(text: scalar.string, line: line)
        }
        var file = SiteFile(shown: shown, values: values, warnings: warnings)
        for (key, kind) in deadlineKeys {
            guard let v = values[key] else { continue }
            let statutory = Deadlines.statutory[kind]
            guard let day = MonthDay(text: v.text) else {
                throw fail(code: "site.value", line: v.line, "\(key) 应为一个日期（月-日），例如 \(key): \(example(key))；这里是“\(v.text)”")
            }
            guard day <= statutory else {
                throw fail(code: "site.value", line: v.line,
                           "\(key) 只能比条例规定的 \(statutory)（\(kind.label)）更早，这里是 \(day)；请删去这一行或改为更早的日期")
            }
            file.deadlines[kind] = day
        }
        return file
    }

    static func example(_ key: String) -> String {
        switch key {
        case "title": "某某县政府信息公开工作年度报告"
        case "baseURL": "https://example.gov.cn/nianbao/"
        case "theme": "default"
        case "content": "content"
        case "output": "public"
        case "maxFileSize": "20MB"
        case "deadlineDepartment": "01-15"
        case "deadlineGovernment", "deadlineTown": "03-15"
        default: "zh-CN"
        }
    }

    /// The line and the problem of a YAML error, on one line: Yams's own description quotes
    /// the source over several lines, which would break the `file:line:` format.
    static func located(_ error: YamlError) -> (Int?, String) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return (mark.line, problem)
        case let .reader(problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
        }
    }
}
