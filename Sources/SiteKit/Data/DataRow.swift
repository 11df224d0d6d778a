import Foundation

/// What the open data holds of one report: its CSV row, computed from the parsed report by a
/// pure function and kept in its `ReportSummary`, so every CSV (portal, year, county) is drawn
/// from summaries alone, never from full reports.
///
/// The numbers are kept as the CSV text they become (`3,0,,1.5,…`), not as `[Decimal?]`: a
/// row has some two hundred cells, mostly empty or small, and a summary is held for every
/// report of a build — a few hundred bytes of text where an array of optionals would be
/// several kilobytes.
struct DataRow: Sendable, Hashable, Encodable {
    /// The descriptive fields, in `DataRow.fields` order; a missing value is "".
    let text: [String]
    /// The cells of `DataColumn.standard`, in order, as CSV fields joined by commas; `null` is empty.
    let numbers: String

    init(report: Report, columns: [DataColumn] = DataColumn.standard) {
        let r = report.region
        let problems = report.diagnostics.filter { $0.severity != .info }.count
        text = [report.source, report.title, report.body, r.province, r.city, r.county, r.town, r.code,
                report.year.map(String.init), report.format.rawValue, report.published,
                String(report.diagnostics.count), String(problems)].map { $0 ?? "" }
        numbers = columns.map { $0.value(in: report).map { "\($0)" } ?? "" }.joined(separator: ",")
    }

    init(text: [String], numbers: String) {
        self.text = text
        self.numbers = numbers
    }

    /// The row with the diagnostics the checks across reports gave the report in this build:
    /// the counts (the last two descriptive fields) are report.json's, which has them too.
    func adding(across: [Diagnostic]) -> DataRow {
        guard !across.isEmpty, text.count == Self.fields.count else { return self }
        var text = text
        let n = text.count
        text[n - 2] = String((Int(text[n - 2]) ?? 0) + across.count)
        text[n - 1] = String((Int(text[n - 1]) ?? 0) + across.filter { $0.severity != .info }.count)
        return DataRow(text: text, numbers: numbers)
    }

    /// The descriptive columns, before the numbers: the key in report.json (or how it is
    /// counted from it), the CSV header, and what it holds.
    static let fields: [(key: String, name: String, about: String)] = [
        ("source", "来源文件", "报告原文在 content/ 中的路径，也是报告的唯一编号"),
        ("title", "标题", "报告的标题，照原文"),
        ("body", "机关", "发布报告的机关，照报告的写法"),
        ("region.province", "省级", "省、自治区、直辖市"),
        ("region.city", "市级", "地级市、自治州、盟"),
        ("region.county", "县级", "县、区、县级市、旗"),
        ("region.town", "乡级", "乡、镇、街道"),
        ("region.code", "区划代码", "所知最细一级的 12 位统计用区划代码"),
        ("year", "年度", "报告所述的年度（不是发布年份）"),
        ("format", "格式", "报告所用的表格格式：2021、2019、legacy（2008—2018 年旧版统计表）或 unknown"),
        ("published", "发布日期", "落款日期，YYYY-MM-DD"),
        ("diagnostics", "诊断数", "report.json 中 diagnostics 的条数（含提示）"),
        ("problems", "问题数", "其中警告和错误的条数"),
    ]
}
