/// The State Council forms of 2019 (国办公开办函〔2019〕60号) and 2021 (国办公开办函〔2021〕30号).
public enum Forms {
    // MARK: 表二 主动公开政府信息情况

    static let active2019 = Form(id: .active2019, title: "主动公开政府信息情况", blocks: [
        FormBlock(key: "item1", title: "第二十条第（一）项", columns: [
            FormColumn("newlyMade", "本年新制作数量"),
            FormColumn("newlyPublished", "本年新公开数量"),
            FormColumn("totalPublished", "对外公开总数量"),
        ], rows: [
            FormRow("regulations", nil, ["规章"]),
            FormRow("normativeDocuments", nil, ["规范性文件", "行政规范性文件"]),
        ]),
        FormBlock(key: "item5", title: "第二十条第（五）项", columns: [
            FormColumn("previousItems", "上一年项目数量"),
            FormColumn("change", "本年增/减"),
            FormColumn("decisions", "处理决定数量"),
        ], rows: [
            FormRow("licensing", nil, ["行政许可"]),
            FormRow("otherServices", nil, ["其他对外管理服务事项"]),
        ]),
        FormBlock(key: "item6", title: "第二十条第（六）项", columns: [
            FormColumn("previousItems", "上一年项目数量"),
            FormColumn("change", "本年增/减"),
            FormColumn("decisions", "处理决定数量"),
        ], rows: [
            FormRow("penalty", nil, ["行政处罚"]),
            FormRow("enforcement", nil, ["行政强制"]),
        ]),
        FormBlock(key: "item8", title: "第二十条第（八）项", columns: [
            FormColumn("previousItems", "上一年项目数量"),
            FormColumn("change", "本年增/减"),
        ], rows: [
            FormRow("fees", nil, ["行政事业性收费"]),
        ]),
        FormBlock(key: "item9", title: "第二十条第（九）项", columns: [
            FormColumn("items", "采购项目数量"),
            FormColumn("amount", "采购总金额", money: true),
        ], rows: [
            FormRow("procurement", nil, ["政府集中采购"]),
        ]),
    ])

    static let active2021 = Form(id: .active2021, title: "主动公开政府信息情况", blocks: [
        FormBlock(key: "item1", title: "第二十条第（一）项", columns: [
            FormColumn("issued", "本年制发件数"),
            FormColumn("repealed", "本年废止件数"),
            FormColumn("inForce", "现行有效件数"),
        ], rows: [
            FormRow("regulations", nil, ["规章"]),
            FormRow("normativeDocuments", nil, ["行政规范性文件", "规范性文件"]),
        ]),
        FormBlock(key: "item5", title: "第二十条第（五）项", columns: [
            FormColumn("decisions", "本年处理决定数量"),
        ], rows: [
            FormRow("licensing", nil, ["行政许可"]),
        ]),
        FormBlock(key: "item6", title: "第二十条第（六）项", columns: [
            FormColumn("decisions", "本年处理决定数量"),
        ], rows: [
            FormRow("penalty", nil, ["行政处罚"]),
            FormRow("enforcement", nil, ["行政强制"]),
        ]),
        FormBlock(key: "item8", title: "第二十条第（八）项", columns: [
            FormColumn("amount", "本年收费金额（单位：万元）", money: true),
        ], rows: [
            FormRow("fees", nil, ["行政事业性收费"]),
        ]),
    ])

    // MARK: 表三 收到和处理政府信息公开申请情况

    /// 自然人 · 法人或其他组织 {商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 · 其他} · 总计.
    static let applicantColumns: [FormColumn] = [
        FormColumn("naturalPerson", "自然人"),
        FormColumn("commercial", "商业企业", group: "法人或其他组织"),
        FormColumn("research", "科研机构", group: "法人或其他组织"),
        FormColumn("socialWelfare", "社会公益组织", group: "法人或其他组织"),
        FormColumn("legalService", "法律服务机构", group: "法人或其他组织"),
        FormColumn("other", "其他", group: "法人或其他组织"),
        FormColumn("total", "总计"),
    ]

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

    static let applications2019 = Form(id: .applications2019, title: "收到和处理政府信息公开申请情况", blocks: [
        FormBlock(key: "main", title: nil, columns: applicantColumns, rows: applicationRows(otherHandling: [
            FormRow("otherHandling", "（六）", ["其他处理"], parent: "results"),
        ])),
    ])

    /// In the 2021 form （六）其他处理 has three sub-rows; `otherHandling` is then their sum
    /// (report-json.md), computed by the parser, never printed by the report.
    static let applications2021 = Form(id: .applications2021, title: "收到和处理政府信息公开申请情况", blocks: [
        FormBlock(key: "main", title: nil, columns: applicantColumns, rows: applicationRows(otherHandling: [
            FormRow("otherHandling", "（六）", ["其他处理"], parent: "results"),
            FormRow("otherHandling.noCorrection", "1.", ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"], parent: "otherHandling"),
            FormRow("otherHandling.unpaidFee", "2.", ["申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"], parent: "otherHandling"),
            FormRow("otherHandling.other", "3.", ["其他"], parent: "otherHandling"),
        ])),
    ])

    // MARK: 表四 行政复议、行政诉讼

    /// Printed as one row of fifteen numbers; held as three rows of five, one per group.
    static let review = Form(id: .review, title: "政府信息公开行政复议、行政诉讼情况", blocks: [
        FormBlock(key: "main", title: nil, columns: [
            FormColumn("upheld", "结果维持"),
            FormColumn("corrected", "结果纠正"),
            FormColumn("other", "其他结果"),
            FormColumn("pending", "尚未审结"),
            FormColumn("total", "总计"),
        ], rows: [
            FormRow("review", nil, ["行政复议"]),
            FormRow("litigationDirect", nil, ["未经复议直接起诉"], parent: "litigation"),
            FormRow("litigationAfterReview", nil, ["复议后起诉"], parent: "litigation"),
        ]),
    ])
}
