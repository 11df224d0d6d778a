import Foundation

/// Who issued a report, as the deadlines of 《政府信息公开条例》 tell bodies apart.
public enum BodyKind: String, Sendable, Codable, CaseIterable {
    /// A province's, city's or county's own government (县级以上地方人民政府): 3 月 31 日 (第四十九条第二款).
    case government
    /// A department of a government at county level or above (县级以上人民政府部门): 1 月 31 日 (第四十九条第一款).
    case department
    /// A town or street (乡镇人民政府、街道办事处) and its bodies: the 条例 names no date (docs/timeliness.md).
    case town

    /// How a page names it.
    public var label: String {
        switch self {
        case .government: "县级以上地方人民政府"
        case .department: "县级以上人民政府部门"
        case .town: "乡镇（街道）"
        }
    }

    /// The kind of a body from where it sits: any body of a town is a town's; a place's own
    /// government (nothing left of its name but 人民政府, 办公室 …) is a government; any other
    /// body of a province, city or county is a department. A body with no known place is
    /// judged by its name alone.
    static func of(town: String, ownPart: String, hasPlace: Bool, name: String) -> BodyKind {
        if !town.isEmpty { return .town }
        if hasPlace { return ownPart.isEmpty ? .government : .department }
        if name.hasSuffix("街道办事处") || ["乡人民政府", "镇人民政府"].contains(where: name.hasSuffix) { return .town }
        return name.hasSuffix("人民政府") ? .government : .department
    }
}

/// A day of the year a report is due by, in the year after the year it covers.
public struct MonthDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...CivilDate.days(inMonth: month, year: 2001)).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    /// `01-31`, `1-31` or `1月31日` (spaces allowed); `nil` for anything else or a day that does not exist.
    public init?(text: String) {
        let t = text.filter { !$0.isWhitespace }
        let parts: [Substring]
        if t.hasSuffix("日"), t.contains("月") {
            parts = t.dropLast().split(separator: "月", omittingEmptySubsequences: false)
        } else {
            parts = t.split(separator: "-", omittingEmptySubsequences: false)
        }
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        self.init(month: m, day: d)
    }

    public static func < (a: Self, b: Self) -> Bool { (a.month, a.day) < (b.month, b.day) }
    /// `1 月 31 日`.
    public var description: String { "\(month) 月 \(day) 日" }
}

/// The day each kind of body must publish its report by, in the year after the year covered.
/// `statutory` is what the 条例 says; `site.yml` may set an earlier day for a kind
/// (`deadlineDepartment: 01-15`) where a local rule is stricter, never a later one.
public struct Deadlines: Sendable, Hashable, Codable {
    public var department: MonthDay
    public var government: MonthDay
    public var town: MonthDay

    /// 第四十九条: departments by 31 January, governments by 31 March; towns by 31 March (the
    /// latest day the 条例 sets for any body, since it names none for towns: docs/timeliness.md).
    public static let statutory = Deadlines(department: MonthDay(month: 1, day: 31)!, government: MonthDay(month: 3, day: 31)!,
                                            town: MonthDay(month: 3, day: 31)!)
    /// The 2008 条例's 第三十一条: every body by 31 March, for reports on 2008–2018.
    public static let before2019 = MonthDay(month: 3, day: 31)!
    /// The first year whose reports fall under the revised 条例 (in force from 15 May 2019).
    public static let revisedSince = 2019

    public subscript(kind: BodyKind) -> MonthDay {
        get {
            switch kind {
            case .department: department
            case .government: government
            case .town: town
            }
        }
        set {
            switch kind {
            case .department: department = newValue
            case .government: government = newValue
            case .town: town = newValue
            }
        }
    }

    /// The day a report on `year` by a body of `kind` is due. Reports on 2008–2018 fall under
    /// the 2008 条例 (31 March for every body), whatever the site sets: local rules of that
    /// time are not what `site.yml` describes.
    public func due(_ kind: BodyKind, year: Int) -> CivilDate {
        let md = year < Self.revisedSince ? Self.before2019 : self[kind]
        return CivilDate(year: year + 1, month: md.month, day: md.day)!
    }
}

/// A calendar date without a time zone: a publication date as printed, a deadline.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2021-01-25` (what `Report.published` holds); `nil` for anything else.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences between dates.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    /// `2021-01-25`.
    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }
    /// `2021 年 1 月 25 日`.
    public var label: String { "\(year) 年 \(month) 月 \(day) 日" }
}

/// Whether a report came out by its deadline: a pure function of its year, its printed date,
/// the kind of body and the deadlines, so the county grid, the timeliness page and the tests
/// judge alike.
public enum Timeliness: Sendable, Hashable, Codable {
    /// Published on or before the deadline.
    case onTime(due: CivilDate)
    /// Published `days` days after the deadline.
    case late(due: CivilDate, days: Int)
    /// The report prints no date that could be read.
    case undated(due: CivilDate)
    /// The printed date is before the year it reports on is over: a misprint or a misread.
    case doubtful(due: CivilDate)
    /// The year is unknown, so no deadline applies.
    case noYear

    public static func judge(published: String?, year: Int?, kind: BodyKind, deadlines: Deadlines) -> Timeliness {
        guard let year else { return .noYear }
        let due = deadlines.due(kind, year: year)
        guard let text = published, let date = CivilDate(iso: text) else { return .undated(due: due) }
        if date.year <= year { return .doubtful(due: due) }
        return date <= due ? .onTime(due: due) : .late(due: due, days: date.dayNumber - due.dayNumber)
    }

    public var isLate: Bool { if case .late = self { true } else { false } }

    /// A short word for a grid cell or a table: 按时 / 逾期 12 天 / 未注明日期 / 日期存疑 / "".
    public var label: String {
        switch self {
        case .onTime: "按时"
        case let .late(_, days): "逾期 \(days) 天"
        case .undated: "未注明日期"
        case .doubtful: "日期存疑"
        case .noYear: "年份不明"
        }
    }

    public var due: CivilDate? {
        switch self {
        case let .onTime(d), let .late(d, _), let .undated(d), let .doubtful(d): d
        case .noYear: nil
        }
    }
}
