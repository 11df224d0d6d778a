// The 2008–2018 statistics form (政府信息公开情况统计表), as data: its key rows and the
// arithmetic between its rows. See `LegacyForm` for why it is not a list of rows.

extension Forms {
    public static let legacy = LegacyForm(
        name: "统计表",
        title: "政府信息公开情况统计表",
        columns: ["统计指标", "单位", "统计数"],
        headerWords: [["统计指标", "指标名称"], ["单位", "统计数"]],
        cumulativeWord: "累计",
        footerWords: ["单位负责人", "填报人", "联系电话"],
        unitWords: ["万元", "人次", "条", "件", "个", "人", "次", "篇", "元", "项", "期", "份"],
        keyRows: [
            LegacyKeyRow(.activeTotal, labels: ["主动公开政府信息数", "主动公开信息数", "主动公开文件数"], excluding: ["其中", "规范性文件"]),
            LegacyKeyRow(.applicationsReceived, labels: ["收到申请数", "受理依申请公开信息总数", "受理申请总数", "收到政府信息公开申请数"]),
            LegacyKeyRow(.reviewCount, labels: ["行政复议数量", "行政复议数"], excluding: ["举报", "申诉"]),
            LegacyKeyRow(.litigationCount, labels: ["行政诉讼数量", "行政诉讼数"], excluding: ["举报", "申诉"]),
        ],
        breakdowns: [
            LegacyBreakdown(code: "legacy.activeBreakdown", wording: "主动公开政府信息数不小于其下“其中”所列的每一项",
                            whole: .activeTotal, wholeName: "主动公开政府信息数", partsName: "其中",
                            partPrefix: "其中", skipping: ["规范性文件"], relation: .eachAtMost),
            LegacyBreakdown(code: "legacy.channels", wording: "收到申请数等于当面、传真、网络、信函等各渠道申请数之和",
                            whole: .applicationsReceived, wholeName: "收到申请数", partsName: "各渠道申请数之和",
                            partWords: ["当面", "传真", "网络", "网上", "信函", "其他形式", "其它形式", "电子邮件"], partSuffix: "申请数",
                            relation: .sum(minimumParts: 2)),
        ])
}
