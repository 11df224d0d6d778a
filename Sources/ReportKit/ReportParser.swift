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
///
/// What the forms say (which eras exist, their headers, rows and arithmetic) comes from
/// `forms`, the standard registry unless a caller (a test of a made-up era) passes another.
public struct ReportParser: Sendable {
    let resolver: (any RegionResolving)?
    /// The eras and forms it reads (a build keeps what the checks across years compare of them).
    public let forms: FormRegistry

    public init(resolver: (any RegionResolving)? = nil, forms: FormRegistry = Forms.standard) {
        self.resolver = resolver
        self.forms = forms
    }

    /// Parses one report from the lines the reading path prepared.
    public func parse(_ input: ParseInput) -> Report {
        let original = input.lines
        let source = input.source
        let grid = input.grid
        let o = input.overrides
        let lines = FlattenedText.split(original.map { TextLine(normalizing: $0.text, number: $0.number) })
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
        let sections = lines.map { SectionHeading.section(of: $0) }
        for section in 1...6 {
            guard from < lines.count else { break }
            if let i = sections[from...].firstIndex(of: section) {
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
            if start + 1 < end, let closing = lines[(start + 1)..<end].firstIndex(where: { TableRegion.endsTable($0) }) {
                end = closing
            }
            return (start + 1)..<max(start + 1, end)
        }

        var compactText = ""
        compactText.reserveCapacity(lines.count * 30)
        for line in lines { compactText += line.compact }

        let legacyForm = forms.legacyForm
        let legacyStart = legacyForm.flatMap { form in lines.firstIndex { form.isHeader(compact: $0.compact) } }
        let formats = FormatRecognizer(forms: forms)
        let looksNew = formats.looksLikeStandardTables(compactText)
        var spans: [BlockRecognizer.TableSpan] = []

        if looksNew || legacyStart == nil {
            func read(_ kind: TableKind, section: Int, _ recognizer: ([TextLine]) -> (StatTable?, [Diagnostic])) {
                guard let r = region(section), !r.isEmpty else { return }
                var (t, d) = recognizer(Array(lines[r]))
                t?.fillDerivedRows()
                report.tables[kind] = t.map(ReportTable.stat)
                diagnostics += d
                if t != nil { spans.append(.init(kind: kind, range: r)) }
            }
            read(.active, section: 2) { ActiveTableRecognizer(forms: forms).read($0, grid: grid) }
            read(.applications, section: 3) { ApplicationsTableRecognizer(forms: forms).read($0, grid: grid) }
            read(.review, section: 4) { ReviewTableRecognizer(forms: forms).read($0, grid: grid) }
        }
        if !looksNew, let start = legacyStart, let legacyForm {
            let printed = Dictionary(original.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
            let (t, d) = LegacyTableRecognizer(form: legacyForm).read(Array(lines[start...]), prose: lines, printed: printed)
            report.tables.legacy = t; diagnostics += d
            if t != nil {
                let end = lines[start...].firstIndex { line in
                    legacyForm.footerWords.contains { UTF8Text.hasPrefix(line.compact, $0) }
                } ?? lines.count
                spans.append(.init(kind: .legacy, range: start..<max(start + 1, end)))
            }
        }

        report.format = formats.format(compactText: compactText, tables: report.tables, year: report.year)
        if let format = o.format {
            diagnostics.append(o.note("format", old: report.format.rawValue, new: format.rawValue))
            report.format = format
        }

        if let typo = meta.titleYearTypo, let year = report.year, o.year == nil {
            diagnostics.append(.info("report.yearTypo", "标题中的年份“\(typo)”有误，按统计期限取 \(year) 年", line: meta.titleLine))
        }
        if meta.bodyFromProse, let body = report.body, o.body == nil {
            diagnostics.append(.info("report.bodyFromProse", "报告标题和落款都没有写明发布机关，按正文取“\(body)”", line: meta.bodyLine))
        }
        if report.year == nil { diagnostics.append(.error("report.noYear", "报告未写明年度（标题和统计期限中都没有）；可在 front matter 写 year: 指定", line: nil)) }
        if report.body == nil { diagnostics.append(.warning("report.noBody", "报告未写明发布机关；可在 front matter 写 body: 指定", line: nil)) }
        if report.tables.isEmpty {
            if looksNew {
                // The form's headers are printed but no table could be read (e.g. flattened text);
                // the year alone (a 2020 report of prose) says nothing about tables.
                diagnostics.append(.info("report.tablesNotRead", "报告有统计表格，但版式无法可靠读取，表格留空", line: nil))
            } else {
                diagnostics.append(.info("report.noTables", "报告没有统计表格（仅有文字）", line: nil))
            }
        }

        report.diagnostics = diagnostics
        report.diagnostics += RuleRegistry.check(report, lines: lines.map(\.source), forms: forms)
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

    private func resolve(_ report: Report, meta: MetadataRecognizer.Result, lines: [TextLine], folder: String) -> (Region, [Diagnostic]) {
        guard let resolver else { return (.unknown, []) }
        let clues = RegionClues(body: report.body, title: report.title, signature: meta.signature,
                                folder: folder, lines: lines.map(\.source), bodyLine: meta.bodyLine)
        return resolver.resolve(clues)
    }

    /// The text shown on the page, line for line with `lines`: the original (markdown as
    /// written) except where a flattened line was split, whose pieces are shown as split.
    static func display(_ original: [SourceLine], _ lines: [TextLine]) -> [SourceLine] {
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
