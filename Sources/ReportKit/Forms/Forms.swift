// The State Council's eras and their forms: the one home of what the official forms say
// (issue 8). Recognisers, rules, pages and docs read these values; a new era is one more
// `FormEra` here (with its forms in a `Forms+….swift` file), not a change to the code that
// reads them.

/// The State Council forms of 2008 (the statistics form), 2019 (国办公开办函〔2019〕60号) and
/// 2021 (国办公开办函〔2021〕30号).
public enum Forms {
    /// Every era the product knows, newest first.
    public static let eras: [FormEra] = [v2021, v2019, legacyEra]

    /// The registry the parser uses unless given another.
    public static let standard = FormRegistry(eras: eras)

    public static let v2021 = FormEra(
        id: "2021", label: "2021 年版格式", source: "国办公开办函〔2021〕30号", since: 2021,
        fingerprints: [
            Fingerprint(table: .active, headers: ["本年制发件数", "现行有效件数"],
                        sectionHeaders: ["本年废止件数", "本年处理决定数量", "本年收费金额"]),
            Fingerprint(table: .applications,
                        rows: ["otherHandling.noCorrection", "otherHandling.unpaidFee", "otherHandling.other"], formDecides: true),
        ],
        markers: ["本年新收政府信息公开申请"],
        tables: [.active: active2021, .applications: applications2021, .review: review],
        fallbackYears: 2021...2100, citation: FormCitation(issuer: "公开办函", year: 2021, number: 30))

    public static let v2019 = FormEra(
        id: "2019", label: "2019 年版格式", source: "国办公开办函〔2019〕60号", since: 2019,
        fingerprints: [
            Fingerprint(table: .active, headers: ["本年新制作数量", "上一年项目数量", "本年新公开数量"]),
            Fingerprint(table: .applications, formDecides: true),
        ],
        markers: ["本年新收政府信息公开申请"],
        tables: [.active: active2019, .applications: applications2019, .review: review],
        fallbackYears: 2019...2020, citation: FormCitation(issuer: "公开办函", year: 2019, number: 60))

    public static let legacyEra = FormEra(
        id: "legacy", label: "2008—2018 年旧版统计表", source: "《政府信息公开条例》（2008）与政府信息公开情况统计表", since: 2008,
        fingerprints: [Fingerprint(table: .legacy, headers: ["政府信息公开情况统计表"], formDecides: true)],
        legacy: legacy, fallbackYears: 2008...2018)
}
