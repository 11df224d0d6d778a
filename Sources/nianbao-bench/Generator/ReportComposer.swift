/// Writes one report of a body for one year: prose of realistic length, the tables of its era
/// with numbers whose sums hold (unless `fault` says which to break), and prose counts that
/// agree with the tables.
struct ReportComposer {
    var body: Body
    var year: Int
    var era: Era
    var fault: Break?
    /// Adds one to a number that is in no sum (the benchmark's "edit one number").
    var nudge = false
    /// How an empty cell is printed: nothing in a web page's grid; a dash in text, where an
    /// empty tab cell cannot be told from no cell (the parser then counts six cells, not seven).
    var emptyMark = "—"

    func compose(state: inout BodyState, random: inout SeededRandom) -> ReportDocument {
        // A town's report names its county; a county's names its city (魏县 alone is ambiguous).
        let title = "\(body.kind == .town ? body.place : body.prefix + body.place)\(year)年政府信息公开工作年度报告"
        var blocks: [ReportDocument.Block] = [.title(title)]
        func prose(_ bank: [String], _ count: ClosedRange<Int>) -> ReportDocument.Block {
            .paragraph(Prose.paragraph(bank, count: random.int(count), body: body, year: year, random: &random))
        }
        blocks.append(.paragraph("本报告根据《中华人民共和国政府信息公开条例》要求，由\(body.name)编制。全文包括总体情况、主动公开政府信息情况、"
            + "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
            + "本报告所列数据的统计期限自\(year)年1月1日起至\(year)年12月31日止。"))
        let date = "\(year + 1)年\(random.int(1...3))月\(random.int(1...28))日"
        if era == .legacy {
            let legacy = LegacyNumbers.make(year: year, nudge: nudge, breakBreakdown: fault == .legacyBreakdown, random: &random)
            for (i, heading) in Prose.legacyHeadings.enumerated() {
                blocks.append(.heading(heading))
                switch i {
                case 0: blocks += [prose(Prose.overview, 5...8), prose(Prose.management, 4...6), prose(Prose.oversight, 3...5)]
                case 1:
                    blocks.append(.paragraph("\(year)年，\(body.place)主动公开政府信息\(legacy.activeTotal)条。"
                        + Prose.paragraph(Prose.platform, count: 3, body: body, year: year, random: &random)))
                    blocks += [prose(Prose.overview, 4...6), prose(Prose.platform, 3...5)]
                case 2: blocks += [prose(Prose.management, 3...5), prose(Prose.oversight, 3...5)]
                case 3: blocks.append(.paragraph(Prose.other[0]))
                default: blocks += [prose(Prose.problems, 3...5), prose(Prose.improvements, 4...6)]
                }
            }
            blocks.append(.signature(body.name, date))
            // Many legacy reports are prose only; most attach the statistics form.
            if random.chance(0.8) || fault == .legacyBreakdown {
                blocks.append(.heading("附件：政府信息公开情况统计表"))
                blocks.append(.table(.legacy, legacy.table))
            }
            return ReportDocument(title: title, blocks: blocks)
        }

        let carriedOver = state.carriedForward
        let applications = ApplicationNumbers.make(era: era, carriedOver: carriedOver, random: &random)
        state.carriedForward = applications.rows["carriedForward"]!
        var review = ReviewNumbers.make(random: &random)
        if fault == .reviewTotal { review.groups[0][4] += 1 }
        let active = ActiveTable.blocks(era: era, state: &state, nudge: nudge, random: &random)

        blocks.append(.heading("一、总体情况"))
        let parts: [(String, [String])] = [("（一）主动公开", Prose.overview), ("（二）依申请公开", Prose.management),
                                           ("（三）政府信息管理", Prose.management), ("（四）平台建设", Prose.platform),
                                           ("（五）监督保障", Prose.oversight)]
        for (heading, bank) in parts {
            blocks.append(.paragraph(heading))
            if heading == "（二）依申请公开" {
                blocks.append(.paragraph("\(year)年，共收到政府信息公开申请\(applications.total("newReceived"))件，"
                    + "结转下年度继续办理\(applications.total("carriedForward"))件。"
                    + Prose.paragraph(bank, count: 2, body: body, year: year, random: &random)))
            } else {
                blocks += [prose(bank, 3...5), prose(Prose.overview, 2...4)]
            }
        }
        blocks.append(.heading("二、主动公开政府信息情况"))
        for block in active { blocks.append(.table(.active, block)) }
        blocks.append(.heading("三、收到和处理政府信息公开申请情况"))
        blocks.append(.table(.applications, applicationsTable(applications)))
        blocks.append(.heading("四、政府信息公开行政复议、行政诉讼情况"))
        blocks.append(.table(.review, PrintedTable(title: nil, columns: [], rows: [
            TableRow(path: [], values: review.groups.flatMap { $0.map(String.init) }),
        ])))
        blocks.append(.paragraph("本年度发生政府信息公开行政复议\(review.total)件，行政诉讼\(review.litigation)件。"))
        blocks.append(.heading("五、存在的主要问题及改进情况"))
        blocks += [prose(Prose.problems, 3...5), prose(Prose.improvements, 4...6)]
        blocks.append(.heading("六、其他需要报告的事项"))
        blocks.append(prose(Prose.other, 1...3))
        blocks.append(.signature(body.name, date))
        return ReportDocument(title: title, blocks: blocks)
    }

    /// 表三 as printed: seven columns, 总计 the sum of the six, except where `fault` breaks it.
    func applicationsTable(_ numbers: ApplicationNumbers) -> PrintedTable {
        let rows = ApplicationNumbers.paths(era: era).map { key, path in
            let six = numbers.rows[key]!
            var values = (six + [six.reduce(0, +)]).map(String.init)
            if key == "granted" && fault == .applicationsTotal { values[6] = String(six.reduce(0, +) + 1) }
            if key == "granted" && fault == .emptyCells { for i in 1...5 { values[i] = emptyMark } }
            return TableRow(path: path, values: values)
        }
        return PrintedTable(title: nil, columns: ApplicationNumbers.columns, rows: rows)
    }
}
