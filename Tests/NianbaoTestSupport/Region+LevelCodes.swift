import ReportKit

extension Region {
    /// The region with `codes` filled the way the division codes are built: each named
    /// level's code is the deepest code cut to that level (2, 4, 6 or 9 digits) and padded
    /// with zeros. Lets a test state an expected region by its names and deepest code.
    public func withLevelCodes() -> Region {
        var r = self
        guard let code, code.count == 12 else { return r }
        func cut(_ n: Int) -> String { String(code.prefix(n)) + String(repeating: "0", count: 12 - n) }
        r.codes = Codes(province: province == nil ? nil : cut(2), city: city == nil ? nil : cut(4),
                        county: county == nil ? nil : cut(6), town: town == nil ? nil : cut(9))
        return r
    }
}
