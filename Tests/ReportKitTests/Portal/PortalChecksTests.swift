import Foundation
import ReportKit
import Testing
import NianbaoTestSupport

/// A report of body `body` for `year` with 表三 carried-over / carried-forward totals
/// (rows on lines 40 and 60) and, when given, a 2021-form 表二 规范性文件 row on line 20.
private func report(_ source: String, year: Int?, body: String? = "某某县人民政府", code: String? = "321322000000",
                    carriedOver: Decimal? = nil, carriedForward: Decimal? = nil,
                    documents: (issued: Decimal?, repealed: Decimal?, inForce: Decimal?)? = nil,
                    activeForm: Form = Forms.active2021) -> Report {
    var applications = StatTable(form: Forms.applications2021)
    applications.set(StatRow(key: "carriedOver", line: 40, cells: [
        StatCell(column: "naturalPerson", value: carriedOver, text: carriedOver.map { "\($0)" }, line: 40),
        StatCell(column: "total", value: carriedOver, text: carriedOver.map { "\($0)" }, line: 40),
    ]))
    applications.set(StatRow(key: "carriedForward", line: 60, cells: [
        StatCell(column: "total", value: carriedForward, text: carriedForward.map { "\($0)" }, line: 60),
    ]))
    var active: StatTable?
    if let documents {
        var table = StatTable(form: activeForm)
        let columns: [(String, Decimal?)] = activeForm == Forms.active2021
            ? [("issued", documents.issued), ("repealed", documents.repealed), ("inForce", documents.inForce)]
            : [("newlyMade", documents.issued), ("newlyPublished", documents.repealed), ("totalPublished", documents.inForce)]
        table.set(StatRow(key: "normativeDocuments", line: 20, cells: columns.map {
            StatCell(column: $0.0, value: $0.1, text: $0.1.map { "\($0)" }, line: 20)
        }))
        active = table
    }
    return Report(source: source, body: body, region: Region(county: "某某县", code: code), year: year,
                  format: .v2021, tables: { var t = ReportTables(); t.active = active; t.applications = applications; return t }())
}

/// What each break is about: the cell of the row it is reported on.
private let carriedOver = Diagnostic.Subject(table: .applications, row: "carriedOver", column: "total")
private let carriedForward = Diagnostic.Subject(table: .applications, row: "carriedForward", column: "total")
private let inForce = Diagnostic.Subject(table: .active, row: "normativeDocuments", column: "inForce")

@Suite struct PortalChecksTests {
    @Test func carryOverMismatchWarnsOnBothReports() {
        let reports = [
            report("content/b.txt", year: 2021, carriedOver: 2, carriedForward: 0),
            report("content/a.txt", year: 2020, carriedOver: 0, carriedForward: 3),
        ]
        #expect(PortalChecks.check(reports) == [
            0: [.warning("portal.carryOver", "上年结转 2 ≠ 2020 年报告（content/a.txt）结转下年度 3", line: 40, subject: carriedOver)],
            1: [.warning("portal.carryOver", "结转下年度 3 ≠ 2021 年报告（content/b.txt）上年结转 2", line: 60, subject: carriedForward)],
        ])
    }

    @Test func matchingCarryOverAndNonConsecutiveYearsAreSilent() {
        let reports = [
            report("content/a.txt", year: 2019, carriedForward: 3),
            report("content/b.txt", year: 2020, carriedOver: 3, carriedForward: 5),
            report("content/c.txt", year: 2022, carriedOver: 1),  // 2021 missing: nothing to compare
        ]
        #expect(PortalChecks.check(reports) == [:])
    }

    @Test func missingValuesNeverBreakARule() {
        let reports = [
            report("content/a.txt", year: 2020, carriedForward: nil,
                   documents: (issued: 1, repealed: 0, inForce: nil)),
            report("content/b.txt", year: 2021, carriedOver: 2,
                   documents: (issued: 3, repealed: nil, inForce: 12)),
            report("content/c.txt", year: nil, carriedForward: 9),
        ]
        #expect(PortalChecks.check(reports) == [:])
    }

    @Test func sameBodyMeansSameCodeAndBodyIgnoringWhitespace() {
        let reports = [
            report("content/a.txt", year: 2020, body: "某某县 人民政府", carriedForward: 3),
            report("content/b.txt", year: 2021, body: "某某县人民政府\u{3000}", carriedOver: 2),
            // Same county code, other body: another series.
            report("content/c.txt", year: 2021, body: "某某县发展和改革局", carriedOver: 7),
            // Same body, other code: another series.
            report("content/d.txt", year: 2021, code: "321322100000", carriedOver: 8),
        ]
        let found = PortalChecks.check(reports)
        #expect(found.keys.sorted() == [0, 1])
        #expect(found[1] == [.warning("portal.carryOver", "上年结转 2 ≠ 2020 年报告（content/a.txt）结转下年度 3", line: 40, subject: carriedOver)])
    }

    @Test func withoutACodeTheBodyAloneDecides() {
        let reports = [
            report("content/a.txt", year: 2020, body: "某某镇人民政府", code: nil, carriedForward: 1),
            report("content/b.txt", year: 2021, body: "某某镇人民政府", code: nil, carriedOver: 0),
            report("content/c.txt", year: 2021, body: nil, code: nil, carriedOver: 5),
        ]
        #expect(PortalChecks.check(reports) == [
            1: [.warning("portal.carryOver", "上年结转 0 ≠ 2020 年报告（content/a.txt）结转下年度 1", line: 40, subject: carriedOver)],
            0: [.warning("portal.carryOver", "结转下年度 1 ≠ 2021 年报告（content/b.txt）上年结转 0", line: 60, subject: carriedForward)],
        ])
    }

    @Test func inForceMustFollowFromLastYearPlusIssuedMinusRepealed() {
        let reports = [
            report("content/a.txt", year: 2021, carriedForward: 0, documents: (issued: 4, repealed: 1, inForce: 10)),
            report("content/b.txt", year: 2022, carriedOver: 0, documents: (issued: 3, repealed: 0, inForce: 12)),
        ]
        #expect(PortalChecks.check(reports) == [
            1: [.warning("portal.inForce",
                         "行政规范性文件 现行有效件数 12 ≠ 2021 年报告（content/a.txt）现行有效件数 10 + 本年制发件数 3 − 本年废止件数 0",
                         line: 20, subject: inForce)],
            0: [.warning("portal.inForce",
                         "行政规范性文件 现行有效件数 10 + 2022 年报告（content/b.txt）本年制发件数 3 − 本年废止件数 0 ≠ 其现行有效件数 12",
                         line: 20, subject: inForce)],
        ])
    }

    @Test func inForceHoldsWhenTheRegisterAddsUp() {
        let reports = [
            report("content/a.txt", year: 2021, documents: (issued: 4, repealed: 1, inForce: 10)),
            report("content/b.txt", year: 2022, documents: (issued: 3, repealed: 1, inForce: 12)),
        ]
        #expect(PortalChecks.check(reports) == [:])
    }

    @Test func inForceIsOnlyCheckedInThe2021Form() {
        // 2019 form: 对外公开总数量 is not a register of documents in force.
        let reports = [
            report("content/a.txt", year: 2019, documents: (issued: 4, repealed: 4, inForce: 10), activeForm: Forms.active2019),
            report("content/b.txt", year: 2020, documents: (issued: 3, repealed: 3, inForce: 30), activeForm: Forms.active2019),
        ]
        #expect(PortalChecks.check(reports) == [:])
    }

    @Test func bothRulesCanBreakAtOnceInStableOrder() {
        let reports = [
            report("content/a.txt", year: 2021, carriedForward: 1, documents: (issued: 0, repealed: 0, inForce: 5)),
            report("content/b.txt", year: 2022, carriedOver: 2, documents: (issued: 0, repealed: 0, inForce: 6)),
        ]
        let found = PortalChecks.check(reports)
        #expect(found[1]?.map(\.code) == ["portal.carryOver", "portal.inForce"])
        #expect(found[0]?.map(\.code) == ["portal.carryOver", "portal.inForce"])
        #expect(found[1]?.map(\.line) == [40, 20])
    }
}

/// `PortalChecks.check(_:changed:gone:kept:)`, which checks again only the series a change
/// touched, against the full check, over random portals and random rounds of edits (reports
/// changed, added, removed, moved to another series or year).
@Suite struct PortalChecksChangesTests {
    private func entry(_ source: String, _ random: inout SeededGenerator) -> PortalChecks.Entry {
        let bodies: [String?] = ["甲县人民政府", "甲县教育局", "甲县财政局", nil]
        let body = bodies.randomElement(using: &random)!
        let years: [Int?] = [2019, 2020, 2021, 2022, nil]
        let values: [Decimal?] = [nil, 0, 1, 2]
        let documents: (issued: Decimal?, repealed: Decimal?, inForce: Decimal?)? = Bool.random(using: &random)
            ? (values.randomElement(using: &random)!, values.randomElement(using: &random)!, values.randomElement(using: &random)!)
            : nil
        return PortalChecks.Entry(report(source, year: years.randomElement(using: &random)!, body: body, code: body == nil ? nil : "321322000000",
                                         carriedOver: values.randomElement(using: &random)!,
                                         carriedForward: values.randomElement(using: &random)!, documents: documents))
    }

    @Test(arguments: 0..<120) func checkingTheTouchedSeriesGivesTheFullCheck(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        var next = 0
        func name() -> String { next += 1; return String(format: "content/%03d.txt", Int.random(in: 0..<1000, using: &random) * 1000 + next) }
        var entries = (0..<Int.random(in: 4...24, using: &random)).map { _ in entry(name(), &random) }.sorted { $0.source < $1.source }
        var last = PortalChecks.check(entries)
        for round in 0..<6 {
            var now: [PortalChecks.Entry] = [], changedSources = Set<String>(), gone: [PortalChecks.Entry] = []
            for old in entries {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: gone.append(old)
                case 1, 2:
                    gone.append(old)
                    now.append(entry(old.source, &random))
                    changedSources.insert(old.source)
                default: now.append(old)
                }
            }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let added = entry(name(), &random)
                now.append(added)
                changedSources.insert(added.source)
            }
            now.sort { $0.source < $1.source }
            let lastBySource = Dictionary(last.map { (entries[$0.key].source, $0.value) }, uniquingKeysWith: { a, _ in a })
            let changed = now.indices.filter { changedSources.contains(now[$0].source) }
            let full = PortalChecks.check(now)
            let again = PortalChecks.check(now, changed: changed, gone: gone) { lastBySource[now[$0].source] ?? [] }
            #expect(again == full, "seed \(seed), round \(round)")
            (entries, last) = (now, full)
        }
    }
}
