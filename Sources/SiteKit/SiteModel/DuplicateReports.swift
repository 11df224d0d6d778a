/// Two or more files for one body and one year: three copies of one report, a report and its
/// corrected version, or two reports the text cannot tell apart.
///
/// All are published — nianbao never drops a publisher's file on a guess — newest first: the
/// latest published date at `…/2020/`, the next at `…/2020-2/` (`SiteMap`). Each gets one
/// warning (`report.duplicate`), printed and shown on its page, naming every file of the
/// group in that order, which one it is, and which are byte-for-byte copies of another, so
/// the publisher can delete the extra files and the reader knows which one to trust.
enum DuplicateReports {
    /// The warning for each document of a group, by document index.
    static func warnings(_ documents: [ParsedDocument], slug: (String) -> String) -> [Int: Diagnostic] {
        let summaries = documents.map(ReportSummary.init)
        let map = SiteMap(reports: summaries, slug: slug)
        var out: [Int: Diagnostic] = [:]
        for group in map.sameYear {
            let first = summaries[group[0]]
            let year = first.year.map { "\($0) 年度" } ?? "年份不明"
            var copies = false
            let list = group.enumerated().map { k, i in
                let original = group[..<k].firstIndex { documents[$0].document.bytes == documents[i].document.bytes }
                copies = copies || original != nil
                let note = original.map { "与第 \($0 + 1) 份内容相同" }
                    ?? summaries[i].published.map { "\($0) 发布" } ?? "未写发布日期"
                return "第 \(k + 1) 份 \(summaries[i].id)（\(note)）"
            }.joined(separator: "，")
            let name = map.identities[map.reportIdentity[group[0]]].name
            let remedy = copies ? "内容相同的文件是重复放入的，请删除多余的" : "若是同一份报告放了多次，请删除多余的文件"
            for (k, i) in group.enumerated() {
                out[i] = .warning("report.duplicate",
                                  "\(name) \(year)的报告有 \(group.count) 份：\(list)；都已发布，按发布日期从新到旧排列，"
                                      + "本份是第 \(k + 1) 份。\(remedy)",
                                  line: nil)
            }
        }
        return out
    }
}
