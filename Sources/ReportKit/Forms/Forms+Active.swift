// 表二 主动公开政府信息情况, as the 2019 and 2021 forms print it. Its numbers are counts of
// documents and decisions with no sums between them; the one identity (the register of
// documents in force) runs across years.

extension Forms {
    public static let active2019 = Form(
        id: "active2019", kind: .active, name: "表二", title: "主动公开政府信息情况", labelHeading: "信息内容",
        blocks: [
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

    public static let active2021 = Form(
        id: "active2021", kind: .active, name: "表二", title: "主动公开政府信息情况", labelHeading: "信息内容",
        blocks: [
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
        ],
        acrossYears: [
            .stock(Stock(code: "portal.inForce", wording: "本年现行有效件数等于上一年度现行有效件数加本年制发件数减本年废止件数",
                         rows: ["regulations", "normativeDocuments"], stock: "inForce", added: "issued", removed: "repealed")),
        ])
}
