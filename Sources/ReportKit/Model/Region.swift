/// Where a report's body sits on the map of divisions. Any part not known is `nil`;
/// `code` is the 12-digit division code of the most precise part known, and `codes` holds
/// the code of every level that is known, so nothing downstream asks the gazetteer again.
public struct Region: Hashable, Sendable, Codable {
    /// The 12-digit division code of each level (`nil` where the level is unknown or, like a
    /// municipality's missing city level, does not exist).
    public struct Codes: Hashable, Sendable, Codable {
        public var province: String?
        public var city: String?
        public var county: String?
        public var town: String?

        public init(province: String? = nil, city: String? = nil, county: String? = nil, town: String? = nil) {
            self.province = province
            self.city = city
            self.county = county
            self.town = town
        }
    }

    public var province: String?
    public var city: String?
    public var county: String?
    public var town: String?
    public var code: String?
    public var codes: Codes

    public init(province: String? = nil, city: String? = nil, county: String? = nil, town: String? = nil, code: String? = nil,
                codes: Codes = Codes()) {
        self.province = province
        self.city = city
        self.county = county
        self.town = town
        self.code = code
        self.codes = codes
    }

    public static let unknown = Region()

    /// The names from the province down, unknown levels skipped.
    public var names: [String] { [province, city, county, town].compactMap { $0 } }
}
