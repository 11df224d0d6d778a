/// Two or more files for one body and one year: three copies of one report, a report and its
/// corrected version, or two reports the text cannot tell apart.
///
/// All are published — nianbao never drops a publisher's file on a guess — in source-path
/// order, as `SiteMap` numbers them (`…/2020/`, `…/2020-2/`), so adding a file never moves
/// another. Each gets one warning (`report.duplicate`), printed and shown on its page, naming
/// every file of the group with its published date, which one it is, and which are
/// byte-for-byte copies of another, so the publisher can delete the extra files and a reader
/// knows there is more than one.
enum DuplicateReports {
    /// The code of its warning (written out where it is raised, as `DiagnosticCatalogueTests` looks for it).
    static let code: Diagnostic.Code = "report.duplicate"

    /// One report file as the warning names it.
    struct File: Sendable {
        let source: String
        let published: String?
        /// Digest of the file's bytes alone: equal for a copy put in twice.
        let bytesDigest: UInt64
    }

    /// The warning for each report of a group, by report index, with the site map of
    /// `summaries` made already (the build makes it once), and each report's `File` asked for
    /// only when it is in a group (`file(i)`): a build reads the date and digest of the few
    /// reports it warns, not of all 10,000.
    static func warnings(_ summaries: [ReportSummary], map: SiteMap, file: (Int) -> File) -> [Int: Diagnostic] {
        var out: [Int: Diagnostic] = [:]
        for group in map.sameYear {
            let year = summaries[group[0]].year.map { "\($0) 年度" } ?? "年份不明"
            let files = group.map(file)
            var copies = false
            let list = files.indices.map { k in
                let original = files[..<k].firstIndex { $0.bytesDigest == files[k].bytesDigest }
                copies = copies || original != nil
                let note = original.map { "与第 \($0 + 1) 份内容相同" }
                    ?? files[k].published.map { "\($0) 发布" } ?? "未写发布日期"
                return "第 \(k + 1) 份 \(files[k].source)（\(note)）"
            }.joined(separator: "，")
            let name = map.identities[map.reportIdentity[group[0]]].name
            let remedy = copies ? "内容相同的文件是重复放入的，请删除多余的" : "若是同一份报告放了多次，请删除多余的文件"
            for (k, i) in group.enumerated() {
                out[i] = .warning("report.duplicate",
                                  "\(name) \(year)的报告有 \(group.count) 份：\(list)；都已发布，按文件路径排列，本份是第 \(k + 1) 份。\(remedy)",
                                  line: nil)
            }
        }
        return out
    }
}
