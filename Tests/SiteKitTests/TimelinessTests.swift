import Foundation
import Testing
@testable import SiteKit

/// 《政府信息公开条例》第四十九条 as a pure function: each kind of body, the days either
/// side of each deadline, leap years, missing and impossible dates, the 2008 条例's single
/// date, and `site.yml`'s stricter deadlines.
@Suite struct TimelinessTests {
    func judge(_ published: String?, year: Int? = 2020, _ kind: BodyKind, _ deadlines: Deadlines = .statutory) -> Timeliness {
        Timeliness.judge(published: published, year: year, kind: kind, deadlines: deadlines)
    }
    func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test func departmentsBy31January() {
        #expect(judge("2021-01-31", .department) == .onTime(due: date(2021, 1, 31)))
        #expect(judge("2021-02-01", .department) == .late(due: date(2021, 1, 31), days: 1))
        #expect(judge("2021-01-01", .department) == .onTime(due: date(2021, 1, 31)))
    }

    @Test func governmentsBy31March() {
        #expect(judge("2021-03-31", .government) == .onTime(due: date(2021, 3, 31)))
        #expect(judge("2021-04-01", .government) == .late(due: date(2021, 3, 31), days: 1))
        #expect(judge("2022-03-31", .government) == .late(due: date(2021, 3, 31), days: 365))
    }

    /// Towns: the 条例 names no date; the latest one it sets for any body applies unless the site is stricter.
    @Test func townsBy31MarchUnlessTheSiteIsStricter() {
        #expect(judge("2021-03-31", .town) == .onTime(due: date(2021, 3, 31)))
        #expect(judge("2021-04-01", .town) == .late(due: date(2021, 3, 31), days: 1))
        var local = Deadlines.statutory
        local.town = MonthDay(month: 1, day: 31)!
        #expect(judge("2021-02-01", .town, local) == .late(due: date(2021, 1, 31), days: 1))
        #expect(judge("2021-02-01", .department, local) == .late(due: date(2021, 1, 31), days: 1))
        #expect(judge("2021-02-01", .government, local) == .onTime(due: date(2021, 3, 31)))
    }

    /// 2024 is a leap year: 31 January to 1 March is 30 days.
    @Test func daysLateCountFebruary29() {
        #expect(judge("2024-03-01", year: 2023, .department) == .late(due: date(2024, 1, 31), days: 30))
        #expect(judge("2023-03-01", year: 2022, .department) == .late(due: date(2023, 1, 31), days: 29))
    }

    /// Reports on 2008–2018 fall under the 2008 条例 (第三十一条): every body by 31 March,
    /// whatever the site sets for later years.
    @Test func reportsBefore2019HaveOneDeadline() {
        #expect(judge("2019-03-31", year: 2018, .department) == .onTime(due: date(2019, 3, 31)))
        #expect(judge("2019-04-01", year: 2018, .town) == .late(due: date(2019, 3, 31), days: 1))
        var local = Deadlines.statutory
        local.government = MonthDay(month: 2, day: 28)!
        #expect(judge("2019-03-15", year: 2018, .government, local) == .onTime(due: date(2019, 3, 31)))
        #expect(judge("2020-03-15", year: 2019, .government, local) == .late(due: date(2020, 2, 28), days: 16))
    }

    @Test func missingAndImpossibleDates() {
        #expect(judge(nil, .department) == .undated(due: date(2021, 1, 31)))
        #expect(judge("2021-02-30", .department) == .undated(due: date(2021, 1, 31)))
        #expect(judge("2021-13-01", .department) == .undated(due: date(2021, 1, 31)))
        #expect(judge("二〇二一年一月", .department) == .undated(due: date(2021, 1, 31)))
        // Signed before the year reported on was over: a misprint or a misread, not "on time".
        #expect(judge("2020-12-31", .government) == .doubtful(due: date(2021, 3, 31)))
        #expect(judge("2021-01-25", year: nil, .government) == .noYear)
        #expect(Timeliness.noYear.due == nil)
    }

    @Test func labels() {
        #expect(judge("2021-02-11", .department).label == "逾期 11 天")
        #expect(judge("2021-01-11", .department).label == "按时")
        #expect(judge(nil, .department).label == "未注明日期")
        #expect(judge("2020-06-01", .department).label == "日期存疑")
    }

    @Test func bodyKinds() {
        #expect(BodyKind.of(town: "掌政镇", ownPart: "", hasPlace: true, name: "兴庆区掌政镇人民政府") == .town)
        #expect(BodyKind.of(town: "掌政镇", ownPart: "派出所", hasPlace: true, name: "掌政镇派出所") == .town)
        #expect(BodyKind.of(town: "", ownPart: "", hasPlace: true, name: "兴庆区人民政府") == .government)
        #expect(BodyKind.of(town: "", ownPart: "教育局", hasPlace: true, name: "兴庆区教育局") == .department)
        #expect(BodyKind.of(town: "", ownPart: "", hasPlace: false, name: "某某街道办事处") == .town)
        #expect(BodyKind.of(town: "", ownPart: "", hasPlace: false, name: "某某县人民政府") == .government)
        #expect(BodyKind.of(town: "", ownPart: "", hasPlace: false, name: "某某委员会") == .department)
    }

    @Test func datesAndDays() {
        #expect(date(1970, 1, 1).dayNumber == 0)
        #expect(date(2000, 3, 1).dayNumber == 10_957 + 31 + 29)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(iso: "2021-1-5") == date(2021, 1, 5))
        #expect(CivilDate(iso: "2021-01-05T00:00") == nil)
        #expect(date(2021, 1, 5).description == "2021-01-05")
        #expect(MonthDay(text: "01-15") == MonthDay(month: 1, day: 15))
        #expect(MonthDay(text: "1月15日") == MonthDay(month: 1, day: 15))
        #expect(MonthDay(text: " 3 月 1 日") == MonthDay(month: 3, day: 1))
        #expect(MonthDay(text: "02-30") == nil)
        #expect(MonthDay(text: "0115") == nil)
        #expect(MonthDay(text: "13-01") == nil)
        #expect(MonthDay(text: "１-15") == nil)
        // A deadline must fall in every year: 29 February is refused.
        #expect(MonthDay(month: 2, day: 29) == nil)
    }
}

/// `site.yml`'s stricter deadlines: read, and refused with their line when not a day or not stricter.
@Suite struct SiteDeadlineTests {
    func parse(_ text: String) throws -> SiteFile { try SiteFile.parse(Data(text.utf8), shown: "site.yml") }

    @Test func stricterDeadlinesAreRead() throws {
        let file = try parse("title: x\ndeadlineTown: 01-31\ndeadlineGovernment: 3月15日\n")
        #expect(file.deadlines == Deadlines(department: MonthDay(month: 1, day: 31)!, government: MonthDay(month: 3, day: 15)!,
                                            town: MonthDay(month: 1, day: 31)!))
        #expect(try parse("title: x\n").deadlines == .statutory)
    }

    @Test func aLaterOrBrokenDeadlineIsRefusedWithItsLine() {
        #expect(throws: SiteFile.Failure(diagnostic: .error("site.yml", line: 2, code: "site.value",
            "deadlineDepartment 只能比条例规定的 1 月 31 日（县级以上人民政府部门）更早，这里是 2 月 1 日；请删去这一行或改为更早的日期"))) {
            try parse("title: x\ndeadlineDepartment: 02-01\n")
        }
        #expect(throws: SiteFile.Failure(diagnostic: .error("site.yml", line: 1, code: "site.value",
            "deadlineTown 应为一个日期（月-日），例如 deadlineTown: 03-15；这里是“三月底”"))) {
            try parse("deadlineTown: 三月底\n")
        }
    }
}

/// The chart of one figure: geometry from `SeriesChart`'s constants (300 wide, 8 at each
/// side, a plot 100 high under 22 for the labels), every value in its description.
@Suite struct SeriesChartTests {
    @Test func barsScaleToTheLargestValueAndGapsAreSaid() {
        let chart = SeriesChart.chart(id: "c", title: "本年新收申请（件），历年", years: ["2019", "2020", "2021"],
                                      values: [.value(10), .notComparable, .value(5)])
        #expect(chart.desc == "2019 年 10 件；2020 年 不可比；2021 年 5 件")
        #expect(chart.height == 146 && chart.base == 122 && chart.yearY == 139)
        // Slots of 284 / 3 = 94.67; bars 40 wide, centred at 55.33, 150, 244.67.
        #expect(chart.bars.map(\.x) == ["35.3", "130.0", "224.7"])
        #expect(chart.bars.map(\.height) == ["100.0", "0.0", "50.0"])
        #expect(chart.bars.map(\.y) == ["22.0", "122.0", "72.0"])
        #expect(chart.bars.map(\.text) == ["10", "不可比", "5"])
        #expect(chart.bars.map(\.empty) == [false, true, false])
    }

    @Test func oneYearHasNoChart() {
        #expect(SeriesChart.charts(years: ["2020"], values: [[.value(1), .value(1), .value(1), .value(1), .value(1)]]).isEmpty)
        #expect(SeriesChart.charts(years: ["2020", "2021"], values: [[.unknown], [.unknown]], labels: ["x"]).map(\.desc)
            == ["2020 年 未给出；2021 年 未给出"])
    }
}
