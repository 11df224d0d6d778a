import Foundation
import NianbaoTestSupport
import ReportKit
@testable import SiteKit
import Testing

/// Issue 10: each report's summary is kept in the cache beside its facts (`KeptSummary`), with
/// the checks across reports it was made with, so that a build that changed a few reports
/// decodes the facts of the series those are in (and of the reports a duplicate warning is
/// about), not of every report. A kept summary is read back exactly as it was made, is the
/// one a clean build makes, and a cache of another format or with damaged bytes is not used.
/// Work is counted (`Result.recordsDecoded`, `summariesMade`), never timed.
@Suite struct KeptSummaryTests {
    typealias Site = IncrementalBuildTests

    /// Every field of a summary (a field added to `ReportSummary` fails `fieldsAreAllCompared`
    /// until it is added here).
    static func fields(_ s: ReportSummary) -> [AnyHashable] {
        [s.id, s.title, s.body, s.region, s.year, s.rawName, s.figures, s.problems, s.search, s.coverage, s.data, s.content,
         s.summary, s.labels]
    }

    static func roundTrip(_ kept: KeptSummary) throws -> KeptSummary {
        var w = CacheWriter()
        w.keptSummary(kept)
        return try w.bytes.withUnsafeBytes { raw in
            var r = CacheReader(raw)
            let read = try r.keptSummary(source: kept.summary.id)
            #expect(r.atEnd)
            return read
        }
    }

    static func expectSame(_ a: KeptSummary, _ b: KeptSummary, _ name: String) {
        #expect(a.series == b.series && a.across == b.across, "\(name)")
        #expect(fields(a.summary) == fields(b.summary), "\(name)")
    }

    @Test func fieldsAreAllCompared() throws {
        let summary = try #require(Self.generated(seed: 1).first?.summary)
        #expect(Mirror(reflecting: summary).children.count == Self.fields(summary).count)
    }

    // MARK: Generated summaries

    /// Summaries of every shape: absent and empty values, Chinese, emoji and control
    /// characters, decimals large, small, negative and with many digits, problems and series of
    /// every kind.
    static func generated(seed: UInt64, count: Int = 300) -> [KeptSummary] {
        var g = SeededGenerator(seed: seed)
        let words = ["", "a", "隆德县城关镇人民政府", "宁夏回族自治区", "🙂\u{0}\n\t\"", String(repeating: "长", count: 300), "2021-01-25"]
        func word() -> String { words[Int.random(in: 0..<words.count, using: &g)] }
        func maybe() -> String? { Bool.random(using: &g) ? word() : nil }
        func decimal() -> Decimal {
            Decimal(sign: Bool.random(using: &g) ? .minus : .plus, exponent: Int.random(in: -6...6, using: &g),
                    significand: Decimal(UInt64.random(in: 0...UInt64.max, using: &g)))
        }
        func list<T>(_ n: ClosedRange<Int>, _ make: () -> T) -> [T] { (0..<Int.random(in: n, using: &g)).map { _ in make() } }
        func diagnostic() -> Diagnostic {
            let severity: [Diagnostic.Severity] = [.error, .warning, .info]
            let subject = Bool.random(using: &g) ? Diagnostic.Subject(table: .applications, row: maybe(), column: maybe()) : nil
            return Diagnostic(severity[Int.random(in: 0..<3, using: &g)], Diagnostic.Code(word()), word(),
                              line: Bool.random(using: &g) ? Int.random(in: -3...9_999, using: &g) : nil, subject: subject)
        }
        return (0..<count).map { i in
            let region = Region(province: maybe(), city: maybe(), county: maybe(), town: maybe(), code: maybe(),
                                codes: Region.Codes(province: maybe(), city: maybe(), county: maybe(), town: maybe()))
            let search = SearchEntry(title: maybe(), body: maybe(), year: Bool.random(using: &g) ? 2000 + i : nil,
                                     chain: list(0...4, word), codes: list(0...4, word), code: maybe(),
                                     figures: list(0...3) { SearchEntry.Figure(label: word(), value: word()) },
                                     text: list(0...20, word).joined(separator: "\u{1}"))
            let series: [SeriesValue] = list(0...6) {
                switch Int.random(in: 0..<3, using: &g) {
                case 0: .value(decimal())
                case 1: .unknown
                default: .notComparable
                }
            }
            let coverage = CoverageFacts(published: maybe(), format: word(), series: series,
                                         problems: list(0...5) { CoverageFacts.Problem(anchor: word(), isError: Bool.random(using: &g), message: word()) })
            let summary = ReportSummary(
                id: "content/\(i).txt", title: maybe(), body: maybe(), region: region, year: Bool.random(using: &g) ? 1990 + i : nil,
                rawName: word(), figures: list(0...8) { Bool.random(using: &g) ? decimal() : nil }, problems: Int.random(in: 0...1_000, using: &g),
                search: search, coverage: coverage, data: DataRow(text: list(0...13, word), numbers: list(0...40, word).joined(separator: ",")),
                content: String(UInt64.random(in: 0...UInt64.max, using: &g), radix: 16), summary: word(), labels: UInt64.random(in: 0...UInt64.max, using: &g))
            return KeptSummary(series: maybe(), across: list(0...3, diagnostic), summary: summary)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aGeneratedSummaryIsReadBackAsItWasWritten(_ seed: UInt64) throws {
        for (i, kept) in Self.generated(seed: seed).enumerated() {
            Self.expectSame(try Self.roundTrip(kept), kept, "seed \(seed), summary \(i)")
        }
    }

    // MARK: The fixtures' reports

    static func cache(_ root: URL) throws -> BuildCache {
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Site.theme, baseURL: nil)
        let pipeline = Pipeline(plan: plan)
        let (cache, status) = BuildCache.read(site: Disk.realPath(plan.output.path), forms: pipeline.formsByID)
        #expect(status == .used)
        return cache
    }

    /// Every report's kept summary, read from the cache files, is the one its facts make with
    /// the checks across reports the build gave it (a clean build's), and its series is the
    /// facts'; its bytes written again are the same.
    @Test func everyReportKeepsTheSummaryItsFactsMake() async throws {
        var content = try Site.content()
        // A copy: two reports warned as duplicates, and the carry-over of the longde series.
        content["longde-copy.txt"] = content["longde-2017.txt"]
        let root = try Site.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Site.build(root)
        let cache = try Self.cache(root)
        let across = try #require(cache.across)
        #expect(across.values.contains { $0.contains { $0.code == DuplicateReports.code } })
        let reports = cache.records.values.filter(\.isReport)
        #expect(reports.count == 10)
        for record in reports {
            let kept = try #require(record.lazySummary?.value, "\(record.path)")
            let facts = try #require(record.facts)
            let found = across[record.path] ?? []
            Self.expectSame(kept, KeptSummary(series: facts.portal.series, across: found,
                                              summary: ReportSummary(record, facts: facts, across: found)), record.path)
            Self.expectSame(try Self.roundTrip(kept), kept, record.path)
        }
    }

    // MARK: A cache not to trust

    /// `reports.bin` of the format before (11: no summaries), sealed as that program sealed
    /// it, and a kept summary's bytes damaged in `bodies.bin`: the cache is not used (the
    /// damaged summary found when a build first needs the bodies), every report is parsed, and
    /// the site is a clean build's; the next build uses what this one wrote.
    @Test(arguments: ["old format", "damaged summary"])
    func aCacheOfAnotherFormatOrWithADamagedSummaryIsRebuilt(_ damage: String) async throws {
        var content = try Site.content()
        let root = try Site.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Site.build(root)
        if damage == "old format" {
            let url = root.appendingPathComponent("public/" + BuildCache.reportsPath)
            var bytes = [UInt8](try Data(contentsOf: url).dropLast(8))
            let at = Array("nianbao-reports\n".utf8).count
            #expect(bytes[at] == UInt8(BuildCache.reportsFormat))
            bytes[at] = UInt8(BuildCache.reportsFormat - 1)
            var d = Digest()
            bytes.withUnsafeBytes { d.add(bytes: $0) }
            withUnsafeBytes(of: d.value.littleEndian) { bytes.append(contentsOf: $0) }
            try Data(bytes).write(to: url)
        } else {
            let record = try #require(try Self.cache(root).records["longde-2016.txt"])
            let place = try #require(record.lazySummary?.stored?.place)
            let url = root.appendingPathComponent("public/" + CacheBodies.path)
            var bytes = try Data(contentsOf: url)
            bytes[place.offset + place.length / 2] ^= 0x01
            try bytes.write(to: url)
            // Nothing changed: no facts or summaries needed, none read.
            let same = try await Site.build(root)
            #expect(same.cache == .used && same.written?.written == 0 && same.recordsDecoded == 0)
        }
        let before = try Site.site(root)
        let old = content
        content["001_ca48803eb8e502d4.txt"] = Data(String(decoding: content["001_ca48803eb8e502d4.txt"]!, as: UTF8.self)
            .replacingOccurrences(of: "\t461.7 万元", with: "\t462.7 万元").utf8)
        try CacheBodiesTests.apply(content, over: old, in: root)
        let r = try await Site.build(root)
        #expect(r.cache == .untrusted && r.parsed == 9, "\(damage)")
        try await Site.expectClean(try Site.site(root), content: content, over: before, damage)
        let next = try await Site.build(root)
        #expect(next.cache == .used && next.parsed == 0 && next.written?.written == 0, "\(damage)")
    }

    /// A setting changed and no report: every page is drawn again from the kept summaries
    /// (the checks across reports are the cache's), none made, no report's facts decoded.
    @Test func aSettingChangedTakesEveryKeptSummary() async throws {
        let content = try Site.content()
        let root = try Site.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Site.build(root)
        let before = try Site.site(root)
        try Data("title: 另一个站点\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        let r = try await Site.build(root)
        #expect(r.cache == .used && r.parsed == 0 && r.drawn > 0)
        #expect(r.summariesMade == 0 && r.recordsDecoded == 0, "\(r.summariesMade) made, \(r.recordsDecoded) decoded")
        let clean = try Site.project(content, over: before)
        defer { try? FileManager.default.removeItem(at: clean) }
        try Data("title: 另一个站点\n".utf8).write(to: clean.appendingPathComponent("site.yml"))
        _ = try await Site.build(clean, clean: true)
        try Site.expectSame(try Site.site(root), try Site.site(clean), "setting")
    }

    // MARK: The work of a change

    /// A site of `bodies.count` series of `years.count` reports each (seed 003 for other
    /// bodies), beside the seeds.
    static func series(_ bodies: [String], years: ClosedRange<Int>) throws -> [String: Data] {
        var files = try Site.content(years: 2015...2015)
        let seed = String(decoding: files["003_f36b546d9ff9c8b9.txt"]!, as: UTF8.self)
        for (b, body) in bodies.enumerated() {
            for year in years {
                files["s\(b)-\(year).txt"] = Data(seed.replacingOccurrences(of: "城关镇", with: body)
                    .replacingOccurrences(of: "2023年", with: "\(year)年").utf8)
            }
        }
        return files
    }

    /// An edit, an addition and a removal in a site of N reports decode the facts of the other
    /// reports of the series they touch and of no other report, summarise the report parsed
    /// (and any whose checks across reports changed) and take every other summary from the
    /// cache; the site is a clean build's each time.
    @Test func aChangeDecodesTheFactsOfItsSeriesAlone() async throws {
        let bodies = ["沙塘镇", "联财镇", "神林乡", "观庄乡", "杨河乡", "山河镇"], years = 2016...2020
        var content = try Self.series(bodies, years: years)
        let root = try Site.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Site.build(root)
        #expect(first.reports == 5 + 1 + bodies.count * years.count)
        let sentence = ("加强领导", "加强统筹协调")
        let steps: [(name: String, parsed: Int, decoded: Int, change: (inout [String: Data]) -> Void)] = [
            // The four other years of 联财镇.
            ("edit", 1, 4, { c in
                c["s1-2018.txt"] = Data(String(decoding: c["s1-2018.txt"]!, as: UTF8.self)
                    .replacingOccurrences(of: sentence.0, with: sentence.1).utf8)
            }),
            // The five years of 观庄乡.
            ("add", 1, 5, { c in c["s3-2021.txt"] = Data(String(decoding: c["s3-2020.txt"]!, as: UTF8.self)
                .replacingOccurrences(of: "2020年", with: "2021年").utf8) }),
            // The four other years of 山河镇.
            ("remove", 0, 4, { c in c["s5-2017.txt"] = nil }),
        ]
        for step in steps {
            let before = try Site.site(root)
            let old = content
            step.change(&content)
            try CacheBodiesTests.apply(content, over: old, in: root)
            let r = try await Site.build(root)
            #expect(r.cache == .used && r.parsed == step.parsed, "\(step.name)")
            #expect(r.recordsDecoded == step.decoded, "\(step.name): decoded \(r.recordsDecoded) of \(r.reports)")
            // No check across years warns in these series: the report parsed is the only one summarised.
            #expect(!r.diagnostics.contains { $0.diagnostic.code.rawValue.hasPrefix("portal.") }, "\(step.name)")
            #expect(r.summariesMade == step.parsed, "\(step.name): \(r.summariesMade) summaries made")
            try await Site.expectClean(try Site.site(root), content: content, over: before, step.name)
        }
    }
}
