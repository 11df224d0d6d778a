/// The six standard section headings of the 2019 and 2021 forms.
///
/// Headings come as plain lines, markdown (`### 一、…`), bold, with or without 政府信息 and
/// with typos (`四、政府信息公开行政法复议`), so a heading is recognised by its numeral and a
/// keyword, on a short line. `三、本年度办理结果` or `四、结转下年度继续办理` (table rows that
/// also start with a numeral) carry none of the keywords.
public enum SectionHeading {
    static let numerals: [Character] = ["一", "二", "三", "四", "五", "六"]
    static let keywords: [[String]] = [
        ["总体情况", "概述"],
        ["主动公开"],
        ["收到和处理", "依申请公开情况", "收到和受理"],
        ["复议", "诉讼"],
        ["存在的主要问题", "存在问题", "主要问题"],
        ["其他需要报告", "其他需要说明"],
    ]

    /// The section number 1…6 of a normalised line, `nil` when it is not a section heading.
    public static func section(of line: String) -> Int? {
        guard let head = line.first(where: { $0 != " " && $0 != "\t" }), numerals.contains(head) else { return nil }
        let t = Normalizer.compact(line)
        guard t.count >= 4, t.count <= 34, let first = t.first, let n = numerals.firstIndex(of: first) else { return nil }
        let second = t.dropFirst().first
        guard second == "、" || second == "," || second == "." || second == " " else { return nil }
        if t.contains("。") { return nil }
        for word in keywords[n] where t.contains(word) { return n + 1 }
        return nil
    }
}
