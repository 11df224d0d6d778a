/// One row of the NBS 2023 division table (统计用区划代码), province down to township.
public struct Division: Hashable, Sendable {
    /// The four NBS levels. `prefecture` is what `Region.city` holds.
    public enum Level: Int, Hashable, Sendable, Comparable {
        case province, prefecture, county, township
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// The 12-digit code, zero-padded (`640104100000`).
    public var code: String
    /// The name exactly as NBS gives it (`掌政镇`).
    public var name: String
    public var level: Level
    /// The parent's 12-digit code; `nil` for a province.
    public var parentCode: String?
    /// An NBS grouping rather than a real division (市辖区, 县, 省直辖县级行政区划,
    /// 自治区直辖县级行政区划, …直辖村级区划): display chains skip it.
    public var isPlaceholder: Bool

    public init(code: String, name: String, level: Level, parentCode: String?, isPlaceholder: Bool) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.isPlaceholder = isPlaceholder
    }
}
