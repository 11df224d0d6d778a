import Foundation

// Where every page goes. A report's URL derives from its identity — the region chain and
// the body, plus the year — and never from file order, so adding a report never moves
// another one (the only order used is the source path, to number two reports of one
// identity and year).
//
//     宁夏回族自治区 银川市 兴庆区 掌政镇, 掌政镇人民政府, 2020
//       → ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/2020/
//     宁夏回族自治区 石嘴山市 平罗县, 平罗县教育局, 2021
//       → ningxiahuizuzizhiqu/shizuishanshi/pingluoxian/jiaoyuju/2021/
//     no region, 某某委员会, 2019
//       → bodies/moumouweiyuanhui/2019/
//
// Folders skip unknown levels. When two identities would share a folder (two names with one
// pinyin), *both* get a suffix — the last six digits of the division code when those tell
// them apart, else a hash of the identity — rather than first-come keeping the bare folder:
// a bare URL that silently changed body when a report was added would be worse than one
// that stops resolving.

/// One issuing body in one place: a town government, a county's 教育局 … All its reports
/// share one page listing them by year.
struct Identity: Sendable {
    /// What makes two reports "the same body": region names and the body's own part.
    let key: String
    /// Folder of its page, relative to the site root, ending in `/`.
    var folder: String
    /// The name shown for it.
    let name: String
    let region: Region
    /// The part of the body name left after removing the region names; "" for the region's own government.
    let ownPart: String
    /// Index into `SiteMap.counties`, `nil` when the body sits in no county.
    var county: Int?
    /// Indices into the documents, ordered by year then source path.
    var reports: [Int] = []
}

/// A county (区/县/县级市) that has at least one report, with its page under `counties/`.
struct County: Sendable {
    let key: String
    let name: String
    /// Province and city names above it, for display.
    let parents: [String]
    var folder: String
    var identities: [Int] = []
}

/// The URL plan of the whole site, computed once before any page is drawn.
struct SiteMap: Sendable {
    var identities: [Identity] = []
    var counties: [County] = []
    /// Per document: its identity and its folder (`…/2020/`, `…/2020-2/`).
    var reportIdentity: [Int] = []
    var reportFolder: [String] = []

    /// Top-level folders the site itself uses; a region slug never takes one of them.
    static let reserved: Set<String> = ["years", "counties", "bodies", "search", "assets"]

    /// Suffixes of a body name that mean "the government of this place" rather than one of its departments.
    static let ownGovernment: Set<String> = [
        "", "人民政府", "政府", "人民政府办公室", "人民政府办公厅", "政府办公室", "办公室", "办事处",
        "街道办事处", "人民政府办事处", "管委会", "管理委员会",
    ]

    init(reports: [Report], slug: (String) -> String) {
        func seg(_ s: String) -> String { Slug.segment(s, using: slug) }

        // 1. Identities and their base folders.
        var identityIndex: [String: Int] = [:]
        var countyIndex: [String: Int] = [:]
        var base: [[String]] = []
        reportIdentity = Array(repeating: 0, count: reports.count)
        let order = reports.indices.sorted { reports[$0].source < reports[$1].source }
        for i in order {
            let report = reports[i]
            let r = report.region
            let names = [r.province, r.city, r.county, r.town].compactMap { $0 }.filter { !$0.isEmpty }
            let body = report.body?.trimmingCharacters(in: .whitespacesAndNewlines)
            let key: String
            var segments: [String]
            var own = ""
            if names.isEmpty {
                let name = (body?.isEmpty == false ? body : nil) ?? report.title ?? "未知机关"
                key = "body|" + name
                segments = ["bodies", seg(name)]
            } else {
                own = Self.ownPart(of: body ?? "", removing: names)
                key = names.joined(separator: "/") + "|" + own
                segments = names.map(seg)
                if Self.reserved.contains(segments[0]) { segments[0] = "r-" + segments[0] }
                if !own.isEmpty { segments.append(seg(own)) }
            }
            if let existing = identityIndex[key] {
                identities[existing].reports.append(i)
                reportIdentity[i] = existing
                continue
            }
            var countyID: Int?
            if let county = r.county, !county.isEmpty {
                let ckey = [r.province, r.city, county].map { $0 ?? "" }.joined(separator: "/")
                if let c = countyIndex[ckey] {
                    countyID = c
                } else {
                    countyID = counties.count
                    countyIndex[ckey] = counties.count
                    counties.append(County(key: ckey, name: county, parents: [r.province, r.city].compactMap { $0 },
                                           folder: "counties/" + seg(county) + "/"))
                }
            }
            let name = (body?.isEmpty == false ? body! : names.last ?? "未知机关")
            identityIndex[key] = identities.count
            reportIdentity[i] = identities.count
            identities.append(Identity(key: key, folder: "", name: name, region: r, ownPart: own,
                                       county: countyID, reports: [i]))
            if let countyID { counties[countyID].identities.append(identities.count - 1) }
            base.append(segments)
        }

        // 2. Two identities on one folder: each gets a suffix on its last segment.
        var byFolder: [String: [Int]] = [:]
        for (i, segments) in base.enumerated() { byFolder[segments.joined(separator: "/"), default: []].append(i) }
        for (i, segments) in base.enumerated() {
            var segments = segments
            let clash = byFolder[segments.joined(separator: "/")]!
            if clash.count > 1 {
                segments[segments.count - 1] += "-" + Self.suffix(for: i, among: clash, identities: identities)
            }
            identities[i].folder = segments.joined(separator: "/") + "/"
        }
        var byCounty: [String: [Int]] = [:]
        for (i, c) in counties.enumerated() { byCounty[c.folder, default: []].append(i) }
        for (folder, clash) in byCounty where clash.count > 1 {
            for c in clash {
                counties[c].folder = String(folder.dropLast()) + "-" + Slug.hash(counties[c].key) + "/"
            }
        }

        // 3. Report folders: year, and -2, -3 … for further reports of one identity and year.
        reportFolder = Array(repeating: "", count: reports.count)
        for id in identities.indices {
            var seen: [String: Int] = [:]
            for i in identities[id].reports {  // already in source-path order
                let year = reports[i].year.map(String.init) ?? "unknown-year"
                let n = (seen[year] ?? 0) + 1
                seen[year] = n
                reportFolder[i] = identities[id].folder + (n == 1 ? year : "\(year)-\(n)") + "/"
            }
            identities[id].reports.sort {
                (reports[$0].year ?? .max, reports[$0].source) < (reports[$1].year ?? .max, reports[$1].source)
            }
        }
    }

    /// `兴庆区掌政镇人民政府` in 兴庆区/掌政镇 → "" (the town's own government);
    /// `平罗县教育局` in 平罗县 → "教育局".
    static func ownPart(of body: String, removing names: [String]) -> String {
        var rest = body.filter { !$0.isWhitespace }
        for name in names.reversed() where !name.isEmpty {
            rest = rest.replacingOccurrences(of: name, with: "")
        }
        // 中共… 委员会 bodies and the like keep their whole remaining name.
        return ownGovernment.contains(rest) ? "" : rest
    }

    /// The last six digits of the division code when they tell the clashing identities
    /// apart, otherwise a short stable hash of the identity.
    static func suffix(for i: Int, among clash: [Int], identities: [Identity]) -> String {
        func tail(_ k: Int) -> String? {
            guard let code = identities[k].region.code, code.count >= 6 else { return nil }
            return String(code.suffix(6))
        }
        if let mine = tail(i), clash.allSatisfy({ $0 == i || (tail($0) != nil && tail($0) != mine) }) {
            return mine
        }
        return Slug.hash(identities[i].key)
    }
}
