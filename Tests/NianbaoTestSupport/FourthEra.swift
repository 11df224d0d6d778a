import ReportKit

/// A made-up fourth era, registered only here (issue 8): a copy of the 2021 forms whose table 三
/// has one new column (个体工商户, under 法人或其他组织) and one renamed row ((四)3.
/// 补正后申请内容仍不明确 → 经补正仍无法确定申请内容). It exists to prove that an era is data:
/// the parser, the rules and the page read it with no change to the product's code.
/// `Tests/ReportKitTests/Fixtures/era-fourth.txt` is a report in it.
public enum FourthEra {
    public static let newColumn = FormColumn("soleTrader", "个体工商户", group: "法人或其他组织")
    public static let renamed = (key: "unable.stillUnclear", label: "经补正仍无法确定申请内容")

    /// Table 三 of 2021 with the new column after 商业企业 and the renamed row.
    public static let applications: Form = {
        let base = Forms.applications2021
        var columns = base.blocks[0].columns
        columns.insert(newColumn, at: 2)
        let rows = base.allRows.map { row in
            guard row.key == renamed.key else { return row }
            return FormRow(row.key, row.number, [renamed.label], parent: row.parent, valued: row.valued, derived: row.derived)
        }
        let organisations = columns.filter { $0.group == "法人或其他组织" }.map(\.key)
        var identities = base.identities.filter { $0.rowTotal == nil }
        identities.insert(.rowTotal(RowTotal(code: "applications.rowTotal", wording: "每一行的总计等于自然人与法人或其他组织（含个体工商户）之和",
                                             total: "total",
                                             terms: [IdentityTerm("自然人", ["naturalPerson"]), IdentityTerm("法人或其他组织", organisations)])),
                          at: 0)
        return Form(id: "applications2023", kind: .applications, name: base.name, title: base.title,
                    labelHeading: base.labelHeading, columnsHeading: base.columnsHeading,
                    blocks: [FormBlock(key: "main", title: nil, columns: columns, rows: rows)],
                    identities: identities, acrossYears: base.acrossYears)
    }()

    public static let era = FormEra(
        id: "2023", label: "2023 年版格式（测试）", source: "测试虚构", since: 2023,
        fingerprints: [Fingerprint(table: .applications, headers: [newColumn.label], formDecides: true)],
        markers: Forms.v2021.markers,
        tables: [.active: Forms.active2021, .applications: applications, .review: Forms.review])

    /// The standard eras and this one.
    public static let registry = FormRegistry(eras: Forms.eras + [era])
}
