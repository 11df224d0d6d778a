import ReportKit

/// A body that publishes a report every year: a town or street office, a county government, or
/// one of a county's departments, named as its own reports name it.
struct Body: Sendable {
    enum Kind: Sendable { case town, county, department }
    var kind: Kind
    /// The place above the body as a report prints it before the body (`银川市兴庆区`).
    var prefix: String
    /// The short place in titles (`兴庆区掌政镇`, `兴庆区`).
    var place: String
    /// The body as the signature prints it (`兴庆区掌政镇人民政府`, `兴庆区教育局`).
    var name: String
    var province: String
    var county: String
    var town: String?
    /// The division code of the deepest level (town, or county), for the Hugo site's terms.
    var code: String
}

/// Real places from the gazetteer: the generator draws bodies from every province, so region
/// resolution, slugs and list pages see the variety of a real portal.
struct Places: Sendable {
    struct County: Sendable {
        var province: String
        var prefix: String
        var name: String
        var code: String
        var towns: [(name: String, code: String)]
    }

    let counties: [County]

    static let departments = ["教育局", "财政局", "民政局", "自然资源局", "住房和城乡建设局", "卫生健康局", "交通运输局",
                              "农业农村局", "市场监督管理局", "人力资源和社会保障局", "生态环境局", "应急管理局",
                              "水务局", "文化旅游体育局", "统计局", "司法局", "审计局", "发展和改革局"]

    /// Every county-level division with its towns, in code order. Placeholder rows (市辖区, 县)
    /// are skipped, as are units that are not administrative divisions (TTT ≥ 400: farms,
    /// development zones) whose generic names a report never uses alone.
    init(gazetteer: Gazetteer = .shared) {
        var counties: [County] = []
        for provinceNumber in 11...65 {
            guard let province = gazetteer.division(code: String(provinceNumber)) else { continue }
            for prefecture in gazetteer.children(of: province.code) {
                let prefectureName = prefecture.isPlaceholder ? province.name : prefecture.name
                for county in gazetteer.children(of: prefecture.code) where !county.isPlaceholder {
                    let digits = Array(county.code.utf8)
                    guard digits[4] < UInt8(ascii: "7") else { continue }
                    let towns = gazetteer.children(of: county.code).filter { town in
                        let ttt = Int(town.code.dropFirst(6).prefix(3)) ?? 999
                        return !town.isPlaceholder && ttt < 400
                            && (town.name.hasSuffix("镇") || town.name.hasSuffix("乡") || town.name.hasSuffix("街道"))
                    }
                    guard !towns.isEmpty else { continue }
                    counties.append(County(province: province.name, prefix: prefectureName, name: county.name,
                                           code: county.code, towns: towns.map { ($0.name, $0.code) }))
                }
            }
        }
        self.counties = counties
    }

    /// A body: six in ten a town, two a county government, two a county department.
    func body(_ random: inout SeededRandom) -> Body {
        let county = random.pick(counties)
        let prefix = county.prefix + county.name
        switch random.weighted([(Body.Kind.town, 6), (.county, 2), (.department, 2)]) {
        case .town:
            let town = random.pick(county.towns)
            let office = town.name.hasSuffix("街道") ? "办事处" : "人民政府"
            return Body(kind: .town, prefix: prefix, place: county.name + town.name, name: county.name + town.name + office,
                        province: county.province, county: county.name, town: town.name, code: town.code)
        case .county:
            return Body(kind: .county, prefix: county.prefix, place: county.name, name: county.name + "人民政府",
                        province: county.province, county: county.name, town: nil, code: county.code)
        case .department:
            let department = random.pick(Self.departments)
            return Body(kind: .department, prefix: county.prefix, place: county.name + department,
                        name: county.name + department, province: county.province, county: county.name, town: nil,
                        code: county.code)
        }
    }
}
