// 表三 收到和处理政府信息公开申请情况, as the 2019 and 2021 forms print it. The two differ
// only in （六）其他处理, which the 2021 form splits into three sub-rows.

extension Forms {
    /// 自然人 · 法人或其他组织 {商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 · 其他} · 总计.
    public static let applicantColumns: [FormColumn] = [
        FormColumn("naturalPerson", "自然人"),
        FormColumn("commercial", "商业企业", group: "法人或其他组织"),
        FormColumn("research", "科研机构", group: "法人或其他组织"),
        FormColumn("socialWelfare", "社会公益组织", group: "法人或其他组织"),
        FormColumn("legalService", "法律服务机构", group: "法人或其他组织"),
        FormColumn("other", "其他", group: "法人或其他组织"),
        FormColumn("total", "总计"),
    ]

    /// The form's corner cell, as printed: the balance of every column.
    static let applicationsCorner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    static func applicationRows(otherHandling: [FormRow]) -> [FormRow] {
        [
            FormRow("newReceived", "一、", ["本年新收政府信息公开申请数量", "本年新收政府信息公开申请数"]),
            FormRow("carriedOver", "二、", ["上年结转政府信息公开申请数量", "上年结转政府信息公开申请数"]),
            FormRow("results", "三、", ["本年度办理结果"], valued: false),
            FormRow("granted", "（一）", ["予以公开"], parent: "results"),
            FormRow("partiallyGranted", "（二）", ["部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"], parent: "results"),
            FormRow("denied", "（三）", ["不予公开"], parent: "results", valued: false),
            FormRow("denied.stateSecret", "1.", ["属于国家秘密"], parent: "denied"),
            FormRow("denied.prohibitedByLaw", "2.", ["其他法律行政法规禁止公开", "其他法律法规禁止公开"], parent: "denied"),
            FormRow("denied.threeSafetiesOneStability", "3.", ["危及“三安全一稳定”", "危及三安全一稳定"], parent: "denied"),
            FormRow("denied.thirdPartyRights", "4.", ["保护第三方合法权益"], parent: "denied"),
            FormRow("denied.internalAffairs", "5.", ["属于三类内部事务信息", "属于三类内部事务"], parent: "denied"),
            FormRow("denied.processInformation", "6.", ["属于四类过程性信息"], parent: "denied"),
            FormRow("denied.lawEnforcementFiles", "7.", ["属于行政执法案卷"], parent: "denied"),
            FormRow("denied.administrativeQuery", "8.", ["属于行政查询事项"], parent: "denied"),
            FormRow("unable", "（四）", ["无法提供"], parent: "results", valued: false),
            FormRow("unable.notHeld", "1.", ["本机关不掌握相关政府信息"], parent: "unable"),
            FormRow("unable.needsCreation", "2.", ["没有现成信息需要另行制作"], parent: "unable"),
            FormRow("unable.stillUnclear", "3.", ["补正后申请内容仍不明确"], parent: "unable"),
            FormRow("notProcessed", "（五）", ["不予处理"], parent: "results", valued: false),
            FormRow("notProcessed.petitionOrComplaint", "1.", ["信访举报投诉类申请"], parent: "notProcessed"),
            FormRow("notProcessed.repeated", "2.", ["重复申请"], parent: "notProcessed"),
            FormRow("notProcessed.publication", "3.", ["要求提供公开出版物"], parent: "notProcessed"),
            FormRow("notProcessed.excessiveRepeated", "4.", ["无正当理由大量反复申请"], parent: "notProcessed"),
            FormRow("notProcessed.confirmOrReissue", "5.", ["要求行政机关确认或重新出具已获取信息"], parent: "notProcessed"),
        ] + otherHandling + [
            FormRow("resultsTotal", "（七）", ["总计"], parent: "results"),
            FormRow("carriedForward", "四、", ["结转下年度继续办理"]),
        ]
    }

    /// The three identities of table 三 (report-formats.md), the same in both forms.
    static let applicationIdentities: [FormIdentity] = [
        .rowTotal(RowTotal(code: "applications.rowTotal",
                           wording: "每一行的总计等于自然人与法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和",
                           total: "total",
                           terms: [IdentityTerm("自然人", ["naturalPerson"]),
                                   IdentityTerm("法人或其他组织", ["commercial", "research", "socialWelfare", "legalService", "other"])])),
        .columnTotal(ColumnTotal(code: "applications.resultsTotal",
                                 wording: "每一列中，三、本年度办理结果的（七）总计等于（一）至（六）各项之和",
                                 total: "resultsTotal", under: "results", partsName: "（一）至（六）之和")),
        .balance(Balance(code: "applications.balance",
                         wording: "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
                         left: [IdentityTerm("一、本年新收", ["newReceived"]), IdentityTerm("二、上年结转", ["carriedOver"])],
                         right: [IdentityTerm("（七）总计", ["resultsTotal"]), IdentityTerm("四、结转下年度", ["carriedForward"])],
                         reportedOn: "carriedForward")),
    ]

    /// What is carried forward one year is carried over the next.
    static let applicationsAcrossYears: [YearIdentity] = [
        .carriedOver(CarriedOver(code: "portal.carryOver",
                                 wording: "本年“上年结转政府信息公开申请数量”等于上一年度报告的“结转下年度继续办理”（总计）",
                                 row: IdentityTerm("上年结转", ["carriedOver"]), lastRow: IdentityTerm("结转下年度", ["carriedForward"]),
                                 column: "total")),
    ]

    public static let applications2019 = Form(
        id: "applications2019", kind: .applications, name: "表三", title: "收到和处理政府信息公开申请情况",
        labelHeading: applicationsCorner, columnsHeading: "申请人情况",
        blocks: [
            FormBlock(key: "main", title: nil, columns: applicantColumns, rows: applicationRows(otherHandling: [
                FormRow("otherHandling", "（六）", ["其他处理"], parent: "results"),
            ])),
        ],
        identities: applicationIdentities, acrossYears: applicationsAcrossYears)

    /// In the 2021 form （六）其他处理 has three sub-rows; `otherHandling` is then their sum
    /// (report-json.md), computed by the parser, never printed by the report.
    public static let applications2021 = Form(
        id: "applications2021", kind: .applications, name: "表三", title: "收到和处理政府信息公开申请情况",
        labelHeading: applicationsCorner, columnsHeading: "申请人情况",
        blocks: [
            FormBlock(key: "main", title: nil, columns: applicantColumns, rows: applicationRows(otherHandling: [
                FormRow("otherHandling", "（六）", ["其他处理"], parent: "results", derived: true),
                FormRow("otherHandling.noCorrection", "1.", ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"], parent: "otherHandling"),
                FormRow("otherHandling.unpaidFee", "2.", ["申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"], parent: "otherHandling"),
                FormRow("otherHandling.other", "3.", ["其他"], parent: "otherHandling"),
            ])),
        ],
        identities: applicationIdentities, acrossYears: applicationsAcrossYears)
}
