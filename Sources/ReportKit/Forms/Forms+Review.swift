// 表四 政府信息公开行政复议、行政诉讼情况: the same in the 2019 and 2021 forms.

extension Forms {
    /// Printed as one row of fifteen numbers; held as three rows of five, one per group (the
    /// form's column groups), so each group is a row with the same five columns.
    public static let review = Form(
        id: "review", kind: .review, name: "表四", title: "政府信息公开行政复议、行政诉讼情况",
        blocks: [
            FormBlock(key: "main", title: nil, columns: [
                FormColumn("upheld", "结果维持"),
                FormColumn("corrected", "结果纠正"),
                FormColumn("other", "其他结果"),
                FormColumn("pending", "尚未审结"),
                FormColumn("total", "总计"),
            ], rows: [
                FormRow("review", nil, ["行政复议"]),
                FormRow("litigation", nil, ["行政诉讼"], valued: false),
                FormRow("litigationDirect", nil, ["未经复议直接起诉"], parent: "litigation"),
                FormRow("litigationAfterReview", nil, ["复议后起诉"], parent: "litigation"),
            ]),
        ],
        identities: [
            .rowTotal(RowTotal(code: "review.groupTotal",
                               wording: "行政复议、未经复议直接起诉、复议后起诉各组中，总计等于结果维持、结果纠正、其他结果、尚未审结之和",
                               total: "total",
                               terms: [IdentityTerm("维持", ["upheld"]), IdentityTerm("纠正", ["corrected"]),
                                       IdentityTerm("其他", ["other"]), IdentityTerm("尚未审结", ["pending"])],
                               showsSum: true)),
        ])
}
