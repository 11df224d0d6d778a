// The shapes of a report's title line across provinces, and the body a title names.
//
//     兴庆区掌政镇2020年政府信息公开工作年度报告            place, year, report
//     重庆市巫山县人民政府政府信息公开工作2021年度报告        body, the work, year, report
//     凯里市人民政府关于2022年政府信息公开工作的报告          body, 关于, year, report
//     深圳市南山区粤海街道办事处政府信息公开工作年度报告（2022年度）   the year after the report
//     2022年北京市朝阳区政府信息公开工作年度报告              the year first, the place after it
//     杭州市西湖区202020年政府信息公开工作年度报告            a mistyped year (from 统计期限)

extension MetadataRecognizer {
    /// Where a title line prints its year: the year (`nil` when mistyped), the digits as printed,
    /// the text before them (the body, usually) and the text after them.
    struct TitleYear: Sendable {
        var year: Int?
        var printed: String
        var before: String
        var after: String
    }

    /// The year of a title line (compact), `nil` when the line is no title.
    static func titleYear(_ t: String) -> TitleYear? {
        var t = t
        return t.withUTF8 { b -> TitleYear? in
            func text(_ from: Int, _ to: Int) -> String {
                from < to ? String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self) : ""
            }
            if let (year, at) = leadingYear(b, from: 0) {
                let before = text(0, at)
                // A title names the report after its year; a sentence that mentions 本报告 before
                // a year (本报告所列统计数据的期限自2017年…) is not one, unless the year closes the
                // title in brackets (…年度报告（2022年度）).
                if !UTF8Text.contains(before, "报告") {
                    return TitleYear(year: year, printed: String(year), before: before, after: text(at + 4, b.count))
                }
                return bracketedYear(year, before: before, after: text(at + 4, b.count))
            }
            return mistypedYear(b)
        }
    }

    /// `…年度报告（2022年度）`: the year in brackets right after the words that name the report,
    /// nothing but 年/度 and the bracket after it.
    private static func bracketedYear(_ year: Int, before: String, after: String) -> TitleYear? {
        guard let open = ["(", "（"].first(where: { UTF8Text.hasSuffix(before, $0) }),
              after.unicodeScalars.allSatisfy({ "年度)）".unicodeScalars.contains($0) }), after.unicodeScalars.count <= 3 else { return nil }
        var body = UTF8Text.slice(before, 0, before.utf8.count - open.utf8.count)
        guard let words = reportWords.first(where: { UTF8Text.hasSuffix(body, $0) }) else { return nil }
        body = UTF8Text.slice(body, 0, body.utf8.count - words.utf8.count)
        return TitleYear(year: year, printed: String(year), before: body, after: "")
    }

    /// The words that end a title, longest first.
    static let reportWords = ["工作年度报告", "年度报告", "工作报告", "报告", "年报"]

    /// A title whose year is mistyped: a run of 2–3 or 5–8 digits right before 年, in a
    /// title-sized line that names the report and, after the digits, the disclosure work.
    private static func mistypedYear(_ b: UnsafeBufferPointer<UInt8>) -> TitleYear? {
        guard b.count <= 120 else { return nil }
        var p = 0
        while p + 3 <= b.count {
            defer { p += 1 }
            guard b[p] == 0xE5, b[p + 1] == 0xB9, b[p + 2] == 0xB4 else { continue }            // 年
            var s = p
            while s > 0, b[s - 1] &- 0x30 < 10 { s -= 1 }
            let digits = p - s
            guard (2...3).contains(digits) || (5...8).contains(digits) else { continue }
            let before = String(decoding: UnsafeBufferPointer(rebasing: b[0..<s]), as: UTF8.self)
            let after = String(decoding: UnsafeBufferPointer(rebasing: b[p..<b.count]), as: UTF8.self)
            guard !UTF8Text.contains(before, "报告"), namesReport(after), disclosureWords.contains(where: { UTF8Text.contains(after, $0) })
            else { return nil }
            return TitleYear(year: nil, printed: String(decoding: UnsafeBufferPointer(rebasing: b[s..<p]), as: UTF8.self),
                             before: before, after: after)
        }
        return nil
    }

    /// What a title says the report is about, longest first.
    static let disclosureWords = ["政府信息公开工作", "政府信息公开", "政务公开工作", "政务公开", "信息公开工作", "信息公开"]

    /// The body part of a title's text before the year: without `关于` around it and without the
    /// work it reports on (`重庆市巫山县人民政府政府信息公开工作` → `重庆市巫山县人民政府`).
    static func cleanTitleBody(_ text: String) -> String {
        var body = text
        if UTF8Text.hasPrefix(body, "关于") { body = UTF8Text.slice(body, "关于".utf8.count) }
        var changed = true
        while changed {
            changed = false
            for word in ["关于"] + disclosureWords where UTF8Text.hasSuffix(body, word) && body.utf8.count > word.utf8.count {
                body = UTF8Text.slice(body, 0, body.utf8.count - word.utf8.count)
                changed = true
                break
            }
        }
        return body
    }

    /// `2022年北京市朝阳区政府信息公开工作年度报告`: the place between the year and the work.
    static func bodyAfterYear(_ after: String) -> String {
        var rest = after
        for word in ["年度", "年"] where UTF8Text.hasPrefix(rest, word) {
            rest = UTF8Text.slice(rest, word.utf8.count)
            break
        }
        guard let end = disclosureWords.lazy.compactMap({ UTF8Text.find($0, in: rest) }).min(), end > 0 else { return "" }
        let body = cleanTitleBody(UTF8Text.slice(rest, 0, end))
        return UTF8Text.length(body) <= 30 && !UTF8Text.contains(body, "报告") ? body : ""
    }

    /// Names that end a place (a division), and the body that governs it: a town's or a county's
    /// report is its people's government's, a street's its office's.
    static let placeEndings = ["省", "市", "县", "区", "旗", "盟", "州", "镇", "乡"]
    /// Zones that end in 区 but are run by a committee, not a people's government.
    static let zoneEndings = ["开发区", "园区", "实验区", "试验区", "示范区", "管理区", "高新区", "保税区", "合作区", "度假区", "风景区",
                              "景区", "社区"]

    /// The body a bare place name stands for (`神农架林区` → `神农架林区人民政府`, `粤海街道` →
    /// `粤海街道办事处`), `nil` when the text is not a bare place name.
    static func governmentOf(place: String) -> String? {
        if UTF8Text.hasSuffix(place, "街道") { return place + "办事处" }
        guard placeEndings.contains(where: { UTF8Text.hasSuffix(place, $0) }),
              !zoneEndings.contains(where: { UTF8Text.hasSuffix(place, $0) }), UTF8Text.length(place) >= 2 else { return nil }
        return place + "人民政府"
    }
}
