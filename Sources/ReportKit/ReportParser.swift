import Foundation

/// Reads one report: text in, `Report` (with its diagnostics) out. Pure: no file system,
/// no printing; the caller attaches the file path to the diagnostics.
///
/// Start reading here, then `Recognizers/`. The steps:
/// 1. normalise every line once (`Normalizer.line`), keeping its number;
/// 2. read the metadata (`MetadataRecognizer`): title, body, year, published date;
/// 3. find the six standard section headings; the lines between 二/三/四/五 hold tables
///    二, 三 and 四; the legacy form starts at its 统计指标 header;
/// 4. decide the format from the headers (`FormatRecognizer`);
/// 5. check the 勾稽关系 (`RuleRegistry`), then lay out the blocks for the page.
public struct ReportParser: Sendable {
    let resolver: (any RegionResolving)?

    public init(resolver: (any RegionResolving)? = nil) {
        self.resolver = resolver
    }

    /// Parses one report from the lines the reading path prepared.
    public func parse(_ input: ParseInput) -> Report {
        let original = input.lines
        let source = input.source
        let grid = input.grid
        let o = input.overrides
        let lines = FlattenedText.split(original.map { SourceLine(Normalizer.line($0.text), number: $0.number) })
        var report = Report(source: source)
        var diagnostics: [Diagnostic] = []

        let meta = MetadataRecognizer().read(lines)
        report.title = meta.title
        report.body = meta.body
        report.year = meta.year
        report.published = meta.published
        // The publisher's front matter wins, and is applied before anything depends on it.
        if let body = o.body { diagnostics.append(o.note("body", old: report.body, new: body)); report.body = body }
        if let year = o.year {
            diagnostics.append(o.note("year", old: report.year.map(String.init), new: String(year)))
            report.year = year
        }
        if let published = o.published {
            diagnostics.append(o.note("published", old: report.published, new: published))
            report.published = published
        }

        // Section headings, in order.
        var headings: [Int: Int] = [:]
        var from = 0
        for section in 1...6 {
            guard from < lines.count else { break }
            if let i = lines[from...].firstIndex(where: { SectionHeading.section(of: $0.text) == section }) {
                headings[section] = i
                from = i + 1
            }
        }
        /// The lines of section `s`: up to the next heading, and never past the signature or
        /// date that closes the report (when the next heading is missing, a table's section
        /// would otherwise run to the end of the file).
        func region(_ s: Int) -> Range<Int>? {
            guard let start = headings[s] else { return nil }
            var end = ((s + 1)...7).compactMap { headings[$0] }.first ?? lines.count
            if start + 1 < end, let closing = lines[(start + 1)..<end].firstIndex(where: { TableRegion.endsTable($0.text) }) {
                end = closing
            }
            return (start + 1)..<max(start + 1, end)
        }

        var compactText = ""
        compactText.reserveCapacity(lines.count * 30)
        for line in lines { compactText += Normalizer.compact(line.text) }

        let legacyStart = lines.firstIndex { LegacyTableRecognizer.isHeader($0.text) }
        let looksNew = Normalizer.contains(compactText, "本年新制作数量") || Normalizer.contains(compactText, "本年制发件数") || Normalizer.contains(compactText, "上一年项目数量")
            || Normalizer.contains(compactText, "本年新收政府信息公开申请")
        var spans: [BlockRecognizer.TableSpan] = []

        if looksNew || legacyStart == nil {
            if let r = region(2), !r.isEmpty {
                let (t, d) = ActiveTableRecognizer().read(Array(lines[r]), grid: grid)
                report.tables.active = t; diagnostics += d
                if t != nil { spans.append(.init(kind: .active, range: r)) }
            }
            if let r = region(3), !r.isEmpty {
                let (t, d) = ApplicationsTableRecognizer().read(Array(lines[r]), grid: grid)
                report.tables.applications = t; diagnostics += d
                if t != nil { spans.append(.init(kind: .applications, range: r)) }
            }
            if let r = region(4), !r.isEmpty {
                let (t, d) = ReviewTableRecognizer().read(Array(lines[r]), grid: grid)
                report.tables.review = t; diagnostics += d
                if t != nil { spans.append(.init(kind: .review, range: r)) }
            }
        }
        if !looksNew, let start = legacyStart {
            let printed = Dictionary(original.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
            let (t, d) = LegacyTableRecognizer().read(Array(lines[start...]), prose: lines, printed: printed)
            report.tables.legacy = t; diagnostics += d
            if t != nil {
                let end = lines[start...].firstIndex { Normalizer.compact($0.text).hasPrefix("单位负责人") } ?? lines.count
                spans.append(.init(kind: .legacy, range: start..<max(start + 1, end)))
            }
        }

        report.format = FormatRecognizer.format(compactText: compactText, applications: report.tables.applications,
                                                hasLegacyForm: report.tables.legacy != nil || Normalizer.contains(compactText, "政府信息公开情况统计表"),
                                                year: report.year)
        if let format = o.format {
            diagnostics.append(o.note("format", old: report.format.rawValue, new: format.rawValue))
            report.format = format
        }

        if report.year == nil { diagnostics.append(.error("report.noYear", "报告未写明年度（标题和统计期限中都没有）；可在 front matter 写 year: 指定", line: nil)) }
        if report.body == nil { diagnostics.append(.warning("report.noBody", "报告未写明发布机关；可在 front matter 写 body: 指定", line: nil)) }
        if report.tables.active == nil && report.tables.applications == nil && report.tables.review == nil && report.tables.legacy == nil {
            if report.format == .v2019 || report.format == .v2021 {
                // The form's headers are there but no table could be read (e.g. flattened text).
                diagnostics.append(.info("report.tablesNotRead", "报告有统计表格，但版式无法可靠读取，表格留空", line: nil))
            } else {
                diagnostics.append(.info("report.noTables", "报告没有统计表格（仅有文字）", line: nil))
            }
        }

        report.diagnostics = diagnostics
        report.diagnostics += RuleRegistry.check(report, lines: lines)
        report.blocks = BlockRecognizer().blocks(original: Self.display(original, lines), normalized: lines, tables: spans,
                                                 titleLines: Set(meta.titleLines),
                                                 ownLines: Set([meta.signature != nil ? meta.bodyLine : nil].compactMap { $0 }))

        if let region = o.region {
            report.region = region
            let old = resolver == nil ? [] : resolve(report, meta: meta, lines: lines, folder: input.folder).0.names
            report.diagnostics.append(o.note("region", old: old.isEmpty ? nil : old.joined(separator: "/"),
                                             new: region.names.joined(separator: "/")))
        } else if resolver != nil {
            let (region, d) = resolve(report, meta: meta, lines: lines, folder: input.folder)
            report.region = region
            report.diagnostics += d
        }
        return report
    }

    private func resolve(_ report: Report, meta: MetadataRecognizer.Result, lines: [SourceLine], folder: String) -> (Region, [Diagnostic]) {
        guard let resolver else { return (.unknown, []) }
        let clues = RegionClues(body: report.body, title: report.title, signature: meta.signature,
                                folder: folder, lines: lines, bodyLine: meta.bodyLine)
        return resolver.resolve(clues)
    }

    /// The text shown on the page, line for line with `lines`: the original (markdown as
    /// written) except where a flattened line was split, whose pieces are shown as split.
    static func display(_ original: [SourceLine], _ lines: [SourceLine]) -> [SourceLine] {
        guard original.count != lines.count else { return original }
        var pieces: [Int: Int] = [:]
        for line in lines { pieces[line.number, default: 0] += 1 }
        var text: [Int: String] = [:]
        for line in original where pieces[line.number] == 1 { text[line.number] = line.text }
        return lines.map { SourceLine(text[$0.number] ?? $0.text, number: $0.number) }
    }

    /// Parses plain text lines with no front matter (tests, tools).
    public func parse(lines: [SourceLine], source: String) -> Report {
        parse(ParseInput(lines: lines, source: source))
    }

    /// Parses a decoded plain text, split into lines numbered from 1.
    public func parse(_ text: String, source: String) -> Report {
        parse(lines: SourceText.lines(text), source: source)
    }
}
