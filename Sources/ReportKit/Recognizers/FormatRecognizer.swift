/// Decides the form era (report-formats.md, policy.md "Format").
///
/// The headers decide, not the year: a 2020 report may still use the 2019 form and some
/// 2018 reports already did. `2021` for table 二's 本年制发件数 headers or table 三's （六）
/// sub-rows; `2019` for 本年新制作数量 / 上一年项目数量 (or a table 三 without the sub-rows);
/// `legacy` for the 统计指标 · 单位 · 统计数 form, or no new-form table and a year ≤ 2018.
public enum FormatRecognizer {
    public static func format(compactText t: String, applications: StatTable?, hasLegacyForm: Bool, year: Int?) -> Format {
        if ActiveTableRecognizer.is2021(t) && (Normalizer.contains(t, "本年制发件数") || Normalizer.contains(t, "现行有效件数")) { return .v2021 }
        if applications?.form == .applications2021 { return .v2021 }
        if Normalizer.contains(t, "本年新制作数量") || Normalizer.contains(t, "上一年项目数量") || Normalizer.contains(t, "本年新公开数量") { return .v2019 }
        if applications != nil { return .v2019 }
        if hasLegacyForm { return .legacy }
        if let year, year <= 2018 { return .legacy }
        return .unknown
    }
}
