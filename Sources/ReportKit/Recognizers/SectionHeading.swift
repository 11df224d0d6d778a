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

    /// The numerals' UTF-8 bytes (each three bytes).
    static let numeralBytes: [[UInt8]] = numerals.map { Array(String($0).utf8) }

    /// The section number 1…6 of a normalised line, `nil` when it is not a section heading.
    public static func section(of line: String) -> Int? {
        section(of: TextLine(line, number: 0))
    }

    static func section(of line: TextLine) -> Int? {
        // The first character other than a space or tab is a numeral.
        guard let n = leadingNumeral(line.text) else { return nil }
        let t = line.compact
        let length = UTF8Text.length(t)
        guard length >= 4, length <= 34, leadingNumeral(t) == n else { return nil }
        let second = t.utf8.dropFirst(3).prefix(3)
        guard second.elementsEqual("、".utf8) || second.first == 0x2C || second.first == 0x2E else { return nil }
        if UTF8Text.contains(t, "。") { return nil }
        for word in keywords[n] where UTF8Text.contains(t, word) { return n + 1 }
        return nil
    }

    /// The index of the numeral the text starts with (after spaces and tabs), `nil` for none.
    static func leadingNumeral(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { b -> Int? in
            var i = 0
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            guard i + 3 <= b.count, b[i] == 0xE4 || b[i] == 0xE5 else { return nil }
            for (n, bytes) in numeralBytes.enumerated() where b[i] == bytes[0] && b[i + 1] == bytes[1] && b[i + 2] == bytes[2] {
                // A combining mark after the numeral would make it another character.
                if i + 3 < b.count, b[i + 3] == 0xCC || b[i + 3] == 0xCD { return nil }
                return n
            }
            return nil
        }
    }
}
