/// 表二 (2019 and 2021 forms) and the legacy statistics form, printed as the forms print them.
enum ActiveTable {
    /// The blocks of 表二. `nudge` adds one to 行政处罚's 处理决定数量: the benchmark's "edit one
    /// number" (a change that breaks no sum).
    static func blocks(era: Era, state: inout BodyState, nudge: Bool, random: inout SeededRandom) -> [PrintedTable] {
        let penalty = random.count(zero: 0.4, max: 200) + (nudge ? 1 : 0)
        if era == .form2021 {
            let issuedR = random.count(zero: 0.9, max: 2), repealedR = min(state.regulationsInForce, random.count(zero: 0.9, max: 2))
            let issuedN = random.count(zero: 0.4, max: 12), repealedN = min(state.normativeInForce, random.count(zero: 0.6, max: 6))
            state.regulationsInForce += issuedR - repealedR
            state.normativeInForce += issuedN - repealedN
            let fee = random.chance(0.6) ? "0" : "\(random.int(1...9999) / 10).\(random.int(0...9))"
            return [
                PrintedTable(title: "第二十条第（一）项", columns: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], rows: [
                    TableRow(path: ["规章"], values: ["\(issuedR)", "\(repealedR)", "\(state.regulationsInForce)"]),
                    TableRow(path: ["行政规范性文件"], values: ["\(issuedN)", "\(repealedN)", "\(state.normativeInForce)"]),
                ]),
                PrintedTable(title: "第二十条第（五）项", columns: ["信息内容", "本年处理决定数量"], rows: [
                    TableRow(path: ["行政许可"], values: ["\(random.count(zero: 0.3, max: 3000))"]),
                ]),
                PrintedTable(title: "第二十条第（六）项", columns: ["信息内容", "本年处理决定数量"], rows: [
                    TableRow(path: ["行政处罚"], values: ["\(penalty)"]),
                    TableRow(path: ["行政强制"], values: ["\(random.count(zero: 0.7, max: 20))"]),
                ]),
                PrintedTable(title: "第二十条第（八）项", columns: ["信息内容", "本年收费金额（单位：万元）"], rows: [
                    TableRow(path: ["行政事业性收费"], values: [fee]),
                ]),
            ]
        }
        func change() -> String {
            let n = random.weighted([(0, 6), (1, 1), (-1, 1), (random.int(2...9), 1)])
            return n > 0 ? "+\(n)" : "\(n)"
        }
        let made = random.count(zero: 0.5, max: 10)
        state.normativeInForce += made
        let amount = random.chance(0.5) ? "0" : "\(random.int(1...5000) / 10).\(random.int(0...9))"
        return [
            PrintedTable(title: "第二十条第（一）项", columns: ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], rows: [
                TableRow(path: ["规章"], values: ["0", "0", "0"]),
                TableRow(path: ["规范性文件"], values: ["\(made)", "\(made)", "\(state.normativeInForce)"]),
            ]),
            PrintedTable(title: "第二十条第（五）项", columns: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], rows: [
                TableRow(path: ["行政许可"],
                         values: ["\(random.count(zero: 0.3, max: 80))", change(), "\(random.count(zero: 0.3, max: 2000))"]),
                TableRow(path: ["其他对外管理服务事项"],
                         values: ["\(random.count(zero: 0.5, max: 40))", change(), "\(random.count(zero: 0.5, max: 300))"]),
            ]),
            PrintedTable(title: "第二十条第（六）项", columns: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], rows: [
                TableRow(path: ["行政处罚"], values: ["\(random.count(zero: 0.4, max: 60))", change(), "\(penalty)"]),
                TableRow(path: ["行政强制"], values: ["\(random.count(zero: 0.6, max: 20))", change(), "\(random.count(zero: 0.7, max: 20))"]),
            ]),
            PrintedTable(title: "第二十条第（八）项", columns: ["信息内容", "上一年项目数量", "本年增/减"], rows: [
                TableRow(path: ["行政事业性收费"], values: ["\(random.count(zero: 0.6, max: 12))", change()]),
            ]),
            PrintedTable(title: "第二十条第（九）项", columns: ["信息内容", "采购项目数量", "采购总金额"], rows: [
                TableRow(path: ["政府集中采购"], values: ["\(random.count(zero: 0.5, max: 40))", amount]),
            ]),
        ]
    }
}

/// The legacy statistics form (政府信息公开情况统计表): 统计指标 · 单位 · 统计数 rows.
struct LegacyNumbers: Sendable {
    var activeTotal: Int
    var table: PrintedTable

    /// `breakBreakdown` prints a 其中 row larger than its whole (`legacy.activeBreakdown`).
    static func make(year: Int, nudge: Bool, breakBreakdown: Bool, random: inout SeededRandom) -> LegacyNumbers {
        let web = random.int(20...900), other = random.count(zero: 0.4, max: 120)
        let total = web + other
        let normative = breakBreakdown ? total + random.int(1...9) : random.int(0...min(total, 30))
        let channels = (0..<4).map { _ in random.count(zero: 0.6, max: 6) }
        let received = channels.reduce(0, +)
        let answered = received
        func row(_ label: String, _ unit: String, _ value: Int?) -> TableRow {
            TableRow(path: [label], values: [unit, value.map(String.init) ?? ""])
        }
        var rows: [TableRow] = [
            TableRow(path: ["一、主动公开情况"], values: ["", ""]),
            row("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", total),
            row("其中：主动公开规范性文件数", "条", normative),
            row("制发规范性文件总数", "件", normative + random.int(0...3)),
            TableRow(path: ["（二）通过不同渠道和方式公开政府信息的情况"], values: ["", ""]),
            row("1.政府公报公开政府信息数", "条", nil),
            row("2.政府网站公开政府信息数", "条", web),
            row("3.政务微博公开政府信息数", "条", random.chance(0.5) ? random.int(0...300) : nil),
            row("4.政务微信公开政府信息数", "条", random.chance(0.5) ? random.int(0...300) : nil),
            row("5.其他方式公开政府信息数", "条", other),
        ]
        // 回应解读 entered the form around 2015.
        if year >= 2015 {
            rows += [
                TableRow(path: ["二、回应解读情况"], values: ["", ""]),
                row("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", random.count(zero: 0.5, max: 20)),
                row("1.参加或举办新闻发布会总次数", "次", random.count(zero: 0.7, max: 5)),
                row("2.政府网站在线访谈次数", "次", random.count(zero: 0.7, max: 5)),
                row("3.政策解读稿件发布数", "篇", random.count(zero: 0.4, max: 30)),
                row("4.微博微信回应事件数", "次", random.count(zero: 0.5, max: 40) + (nudge ? 1 : 0)),
            ]
        }
        rows += [
            TableRow(path: ["三、依申请公开情况"], values: ["", ""]),
            row("（一）收到申请数", "件", received),
            row("1.当面申请数", "件", channels[0]),
            row("2.传真申请数", "件", channels[1]),
            row("3.网络申请数", "件", channels[2]),
            row("4.信函申请数", "件", channels[3]),
            row("（二）申请办结数", "件", answered),
            row("1.按时办结数", "件", answered),
            row("2.延期办结数", "件", 0),
            row("四、行政复议数量", "件", 0),
            row("五、行政诉讼数量", "件", 0),
            row("六、举报投诉数量", "件", random.count(zero: 0.8, max: 3)),
            row("七、依申请公开信息收取的费用", "万元", 0),
            TableRow(path: ["八、机构建设和保障经费情况"], values: ["", ""]),
            row("（一）政府信息公开工作专门机构数", "个", random.int(1...3)),
            row("（三）从事政府信息公开工作人员数", "人", random.int(1...8)),
            TableRow(path: ["九、政府信息公开会议和培训情况"], values: ["", ""]),
            row("（一）召开政府信息公开工作会议或专题会议数", "次", random.int(0...6)),
            row("（二）举办各类培训班数", "次", random.int(0...4)),
            row("（三）接受培训人员数", "人次", random.int(0...200)),
        ]
        return LegacyNumbers(activeTotal: total, table: PrintedTable(title: "政府信息公开情况统计表", columns: ["统计指标", "单位", "统计数"], rows: rows))
    }
}
