/// The bounds the reading path puts on one file: its size, and how many diagnostics of one
/// kind it keeps.
extension ReportReader {
    /// This reader with another file size limit.
    public func limited(toFileSize bytes: Int) -> ReportReader {
        var reader = self
        reader.maxFileSize = bytes
        return reader
    }

    /// `file.tooLarge` for a file of `size` bytes.
    func tooLarge(_ size: Int) -> Diagnostic {
        .error("file.tooLarge", "文件有 \(Self.megabytes(size))，超过 \(Self.megabytes(maxFileSize)) 的上限，未读取；"
               + "报告全文通常不到 1 MB，请检查是否放错了文件；确需读取，请用 --max-file-size 或 site.yml 的 maxFileSize: 调高上限",
               line: nil)
    }

    /// `20 MB`, `52.4 MB`, `1.5 KB`, `900 字节` (1 MB = 1,048,576 bytes, as file managers count).
    public static func megabytes(_ bytes: Int) -> String {
        guard bytes >= 1024 else { return "\(bytes) 字节" }
        let (unit, name) = bytes >= 1024 * 1024 ? (1024 * 1024, "MB") : (1024, "KB")
        let tenths = (bytes * 10 + unit / 2) / unit
        return tenths % 10 == 0 ? "\(tenths / 10) \(name)" : "\(tenths / 10).\(tenths % 10) \(name)"
    }

    /// The first `perCode` diagnostics of each code, in their order, and for each code with
    /// more, one `report.repeated` at the first one left out, as severe as the worst of them,
    /// saying how many. Counting stays exact: the summary names the number, and `--strict` or
    /// an exit status sees the same severity.
    public static func capped(_ diagnostics: [Diagnostic], perCode: Int) -> [Diagnostic] {
        var seen: [Diagnostic.Code: Int] = [:]
        var dropped: [Diagnostic.Code: (count: Int, severity: Diagnostic.Severity, line: Int?)] = [:]
        var order: [Diagnostic.Code] = []
        var kept: [Diagnostic] = []
        for d in diagnostics {
            let n = seen[d.code, default: 0] + 1
            seen[d.code] = n
            if n <= perCode { kept.append(d); continue }
            if let previous = dropped[d.code] {
                dropped[d.code] = (previous.count + 1, max(previous.severity, d.severity), previous.line)
            } else {
                dropped[d.code] = (1, d.severity, d.line)
                order.append(d.code)
            }
        }
        for code in order {
            let (count, severity, line) = dropped[code]!
            var summary = Diagnostic.warning("report.repeated",
                                             "另有 \(count) 条 [\(code)] 未逐条列出（同一种问题每个文件最多列出 \(perCode) 条）", line: line)
            summary.severity = severity
            kept.append(summary)
        }
        return kept
    }
}
