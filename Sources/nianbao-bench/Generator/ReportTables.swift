/// The numbers of one generated report, as the report prints them: `nil` is a cell left
/// empty. Kept as plain rows of printed labels so every layout prints the same table.

/// The three eras of the form (report-formats.md): which tables a report carries.
enum Era: String, Sendable, CaseIterable {
    case legacy
    case form2019 = "2019"
    case form2021 = "2021"

    static func of(year: Int) -> Era { year <= 2018 ? .legacy : year <= 2020 ? .form2019 : .form2021 }
}

/// A table row: its label as a path of merged header cells (`三、本年度办理结果` › `（三）不予公开`
/// › `1.属于国家秘密`) and its printed values. The path is what lets the tab, HTML and pipe
/// layouts merge the same cells the official form merges.
struct TableRow: Sendable {
    var path: [String]
    var values: [String]
}

/// One block of 表二 or the whole of 表三/表四: a title line, column headers, rows.
struct PrintedTable: Sendable {
    var title: String?
    var columns: [String]
    var rows: [TableRow]
}

/// What the carried-over state of a body is between two years (PortalChecks compares them).
struct BodyState: Sendable {
    /// 表三 四、结转下年度继续办理, per applicant column (6 columns, total computed).
    var carriedForward: [Int] = Array(repeating: 0, count: 6)
    /// 表二 现行有效件数 of 规章 and 行政规范性文件.
    var regulationsInForce = 0
    var normativeInForce: Int
}

/// The applications table (表三) as numbers, one array of 6 applicant columns per row key.
struct ApplicationNumbers: Sendable {
    var rows: [String: [Int]]

    static let resultKeys2019 = ["granted", "partiallyGranted",
                                 "denied.1", "denied.2", "denied.3", "denied.4", "denied.5", "denied.6", "denied.7", "denied.8",
                                 "unable.1", "unable.2", "unable.3",
                                 "notProcessed.1", "notProcessed.2", "notProcessed.3", "notProcessed.4", "notProcessed.5",
                                 "otherHandling"]
    static let resultKeys2021 = Array(resultKeys2019.dropLast()) + ["otherHandling.1", "otherHandling.2", "otherHandling.3"]

    func total(_ key: String) -> Int { rows[key]?.reduce(0, +) ?? 0 }
}

extension ApplicationNumbers {
    /// Numbers whose every sum holds: 一 + 二 = （七） + 四 per column, （七） = the sum of the
    /// result rows, 总计 = the sum of the six columns.
    static func make(era: Era, carriedOver: [Int], random: inout SeededRandom) -> ApplicationNumbers {
        let scale = random.weighted([(3, 5), (12, 3), (60, 2), (400, 1)])
        var rows: [String: [Int]] = [:]
        rows["newReceived"] = (0..<6).map { column in
            column == 0 ? random.count(zero: 0.2, max: scale) : random.count(zero: 0.75, max: max(1, scale / 5))
        }
        rows["carriedOver"] = carriedOver
        let keys = era == .form2021 ? resultKeys2021 : resultKeys2019
        for key in keys { rows[key] = Array(repeating: 0, count: 6) }
        var forward = Array(repeating: 0, count: 6)
        for column in 0..<6 {
            var left = rows["newReceived"]![column] + carriedOver[column]
            if left > 0 && random.chance(0.15) { forward[column] = random.int(0...min(left, 3)); left -= forward[column] }
            // Most applications are granted or "not held"; the rest spread thin.
            while left > 0 {
                let key = random.weighted([("granted", 10), ("partiallyGranted", 2), ("unable.1", 5), ("notProcessed.1", 1),
                                           ("denied.6", 1), ("unable.2", 1), ("notProcessed.2", 1),
                                           (era == .form2021 ? "otherHandling.1" : "otherHandling", 1),
                                           (era == .form2021 ? "otherHandling.3" : "denied.4", 1)])
                let n = min(left, random.int(1...max(1, left / 2 + 1)))
                rows[key]![column] += n
                left -= n
            }
        }
        rows["carriedForward"] = forward
        rows["resultsTotal"] = (0..<6).map { column in keys.reduce(0) { $0 + rows[$1]![column] } }
        return ApplicationNumbers(rows: rows)
    }

    /// Labels as the official form prints them, each row a path of merged header cells.
    static func paths(era: Era) -> [(key: String, path: [String])] {
        let results = "三、本年度办理结果"
        var list: [(String, [String])] = [
            ("newReceived", ["一、本年新收政府信息公开申请数量"]),
            ("carriedOver", ["二、上年结转政府信息公开申请数量"]),
            ("granted", [results, "（一）予以公开"]),
            ("partiallyGranted", [results, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
        ]
        let denied = ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
                      "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"]
        for (i, label) in denied.enumerated() { list.append(("denied.\(i + 1)", [results, "（三）不予公开", "\(i + 1).\(label)"])) }
        let unable = ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]
        for (i, label) in unable.enumerated() { list.append(("unable.\(i + 1)", [results, "（四）无法提供", "\(i + 1).\(label)"])) }
        let notProcessed = ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"]
        for (i, label) in notProcessed.enumerated() {
            list.append(("notProcessed.\(i + 1)", [results, "（五）不予处理", "\(i + 1).\(label)"]))
        }
        if era == .form2021 {
            let other = ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                         "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"]
            for (i, label) in other.enumerated() { list.append(("otherHandling.\(i + 1)", [results, "（六）其他处理", "\(i + 1).\(label)"])) }
        } else {
            list.append(("otherHandling", [results, "（六）其他处理"]))
        }
        list += [("resultsTotal", [results, "（七）总计"]), ("carriedForward", ["四、结转下年度继续办理"])]
        return list
    }

    static let columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
}

/// 表四: three groups of five (维持, 纠正, 其他, 尚未审结, 总计).
struct ReviewNumbers: Sendable {
    var groups: [[Int]]

    static func make(random: inout SeededRandom) -> ReviewNumbers {
        ReviewNumbers(groups: (0..<3).map { _ in
            let four = (0..<4).map { _ in random.count(zero: 0.85, max: 3) }
            return four + [four.reduce(0, +)]
        })
    }

    var total: Int { groups[0][4] }
    var litigation: Int { groups[1][4] + groups[2][4] }
}
