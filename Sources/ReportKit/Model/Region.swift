/// Where a report's body sits on the map of divisions. Any part not known is `nil`;
/// `code` is the 12-digit division code of the most precise part known.
public struct Region: Hashable, Sendable, Codable {
    public var province: String?
    public var city: String?
    public var county: String?
    public var town: String?
    public var code: String?

    public init(province: String? = nil, city: String? = nil, county: String? = nil, town: String? = nil, code: String? = nil) {
        self.province = province
        self.city = city
        self.county = county
        self.town = town
        self.code = code
    }

    public static let unknown = Region()
}
