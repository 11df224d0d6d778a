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
// Every province, city and county with a report under it is a `RegionNode` with its own page
// at its region path (`ningxiahuizuzizhiqu/yinchuanshi/`); that page is also the page of the
// region's own government, whose reports sit right under it (`…/xingqingqu/2020/`). A town
// has no region page: its government's body page, at the town's path, stands for it.
//
// Folders skip unknown levels. When two places or identities would share a folder (two names
// with one pinyin, or one name in two places the report leaves unnamed), *each* gets a
// suffix — the division code when it tells them apart, else a hash of the key — rather than
// first-come keeping the bare folder: a bare URL that silently changed place when a report
// was added would be worse than one that stops resolving.

/// One issuing body in one place: a town government, a county's 教育局 … All its reports
/// share one page listing them by year.
struct Identity: Sendable {
    /// What makes two reports "the same body": its region node, town and the body's own part.
    let key: String
    /// Folder of its page, relative to the site root, ending in `/`.
    var folder: String
    /// The name shown for it.
    let name: String
    let region: Region
    /// The part of the body name left after removing the region names; "" for the region's own government.
    let ownPart: String
    /// The deepest region node it sits in (`SiteMap.nodes`), `nil` for a body with no province, city or county.
    var node: Int?
    /// The county node it sits in, `nil` when the body sits in no county.
    var county: Int?
    /// Indices into the reports, ordered by year then report id (source path).
    var reports: [Int] = []

    /// The town it belongs to, "" when none.
    var town: String { region.town ?? "" }
}

/// A province, city or county with at least one report at or under it.
struct RegionNode: Sendable {
    enum Level: Int, Sendable { case province, city, county }

    /// The names from the province down (`宁夏回族自治区/银川市/兴庆区`), with `#code` on a
    /// level whose name alone stands for two places.
    let key: String
    let level: Level
    let name: String
    /// The 12-digit division code of this level, when the reports give it (`Region.codes`).
    let code: String?
    let parent: Int?
    /// Its page and the folder under which its bodies' pages go.
    var folder: String
    var children: [Int] = []
    /// Identities whose deepest node this is: its own government and departments, and for a
    /// county its towns and their bodies. In identity order.
    var identities: [Int] = []
    /// The identity of its own government (its reports sit right under `folder`).
    var own: Int?
    /// Reports at or under it.
    var reportCount = 0
    /// For a county, the flat `counties/<slug>/` folder earlier versions used: a redirect
    /// page there keeps old links working.
    var legacyFolder = ""
}

/// The URL plan of the whole site, computed once before any page is drawn.
struct SiteMap: Sendable {
    var identities: [Identity] = []
    /// Provinces, cities and counties, each parent before its children.
    var nodes: [RegionNode] = []
    /// Per report: its identity and its folder (`…/2020/`, `…/2020-2/`).
    var reportIdentity: [Int] = []
    var reportFolder: [String] = []
    /// Reports that share an identity and a year (`DuplicateReports`), each group in folder
    /// order (`2020/`, `2020-2/` …), groups in source-path order.
    var sameYear: [[Int]] = []

    /// Indices of the county nodes.
    var counties: [Int] { nodes.indices.filter { nodes[$0].level == .county } }
    /// Indices of the province-level roots of the tree (a node whose province is unknown is a root too).
    var roots: [Int] { nodes.indices.filter { nodes[$0].parent == nil } }

    /// Top-level folders the site itself uses; a region slug never takes one of them.
    static let reserved: Set<String> = ["years", "counties", "regions", "bodies", "search", "assets", "timeliness", "quality",
                                        "data"]

    /// Suffixes of a body name that mean "the government of this place" rather than one of its departments.
    static let ownGovernment: Set<String> = [
        "", "人民政府", "政府", "人民政府办公室", "人民政府办公厅", "政府办公室", "办公室", "办事处",
        "街道办事处", "人民政府办事处", "管委会", "管理委员会",
    ]

    /// No reports (a map read back from the cache fills it: `StoredSiteMap`).
    init() {}

    /// The URL plan of the reports, in any order: `reports[i]` gets `reportFolder[i]`.
    init(reports: [ReportSummary], slug: (String) -> String) {
        // A name's segment and a body's own part, each made once: 10,000 reports name a few
        // thousand bodies and places, and a slug (pinyin) or a search and replace per report
        // was most of the map's time.
        var segmentOf: [String: String] = [:]
        func seg(_ s: String) -> String {
            if let known = segmentOf[s] { return known }
            let made = Slug.segment(s, using: slug)
            segmentOf[s] = made
            return made
        }
        // By body, then by the names around it: the body's string hashed once. Asked once an
        // identity's key (`IdentityKey` below), not once a report.
        var ownParts: [String: [[String]: String]] = [:]
        func ownPart(of body: String, removing names: [String]) -> String {
            if let known = ownParts[body]?[names] { return known }
            let made = Self.ownPart(of: body, removing: names)
            ownParts[body, default: [:]][names] = made
            return made
        }
        func top(_ s: String) -> String { Self.reserved.contains(s) ? "r-" + s : s }

        // Summaries come in path order (the scan's): sorted again only when they do not.
        let ids = reports.indices
        let order = zip(ids, ids.dropFirst()).allSatisfy({ reports[$0.0].id <= reports[$0.1].id })
            ? Array(ids) : ids.sorted { reports[$0].id < reports[$1].id }

        // 1. The levels (name, code) of each distinct province, city and county a report names,
        //    and the codes each name path stands for. The codes are the report's own
        //    (`Region.codes`, set by the resolver or front matter). 10,000 reports name a few
        //    thousand places: each is worked out once, not once a report.
        var levelsOf: [[(level: RegionNode.Level, name: String, path: String, code: String?)]] = []
        var placeOf = [Int](repeating: 0, count: reports.count)
        var placeIndex: [PlaceKey: Int] = [:]
        var codesByPath: [String: Set<String>] = [:]
        for i in order {
            let r = reports[i].region
            let placeKey = PlaceKey(province: r.province, city: r.city, county: r.county, provinceCode: r.codes.province,
                                    cityCode: r.codes.city, countyCode: r.codes.county)
            if let known = placeIndex[placeKey] {
                placeOf[i] = known
                continue
            }
            placeIndex[placeKey] = levelsOf.count
            placeOf[i] = levelsOf.count
            var levels: [(level: RegionNode.Level, name: String, path: String, code: String?)] = []
            var path = ""
            for (level, name, code) in [(RegionNode.Level.province, r.province, r.codes.province), (.city, r.city, r.codes.city),
                                        (.county, r.county, r.codes.county)] {
                guard let name = name.map(Self.trimmed), !name.isEmpty else { continue }
                path += (path.isEmpty ? "" : "/") + name
                let code = code.flatMap { $0.isEmpty ? nil : $0 }
                levels.append((level, name, path, code))
                if let code { codesByPath[path, default: []].insert(code) }
            }
            levelsOf.append(levels)
        }

        // 2. Region nodes, parents first; a name path standing for two codes splits by code.
        //    Places in the order their first report comes, so nodes are made in report order.
        var nodeIndex: [String: Int] = [:]
        var chainOf: [[Int]] = []
        chainOf.reserveCapacity(levelsOf.count)
        for levels in levelsOf {
            var key = ""
            var parent: Int?
            var chain: [Int] = []
            for l in levels {
                let split = (codesByPath[l.path]?.count ?? 0) > 1
                key += (key.isEmpty ? "" : "/") + l.name + (split ? "#" + (l.code ?? "") : "")
                let n: Int
                if let existing = nodeIndex[key] { n = existing } else {
                    n = nodes.count
                    nodeIndex[key] = n
                    nodes.append(RegionNode(key: key, level: l.level, name: l.name, code: l.code, parent: parent, folder: ""))
                    if let parent { nodes[parent].children.append(n) }
                }
                chain.append(n)
                parent = n
            }
            chainOf.append(chain)
        }
        var deepest: [Int?] = Array(repeating: nil, count: reports.count)
        for i in order {
            let chain = chainOf[placeOf[i]]
            for n in chain { nodes[n].reportCount += 1 }
            deepest[i] = chain.last
        }
        // Folders level by level, so a parent's folder is settled before its children's.
        for level in [RegionNode.Level.province, .city, .county] {
            var byFolder: [String: [Int]] = [:]
            for n in nodes.indices where nodes[n].level == level {
                let parentFolder = nodes[n].parent.map { nodes[$0].folder } ?? ""
                let s = seg(nodes[n].name)
                nodes[n].folder = parentFolder + (parentFolder.isEmpty ? top(s) : s) + "/"
                byFolder[nodes[n].folder, default: []].append(n)
            }
            for (folder, clash) in byFolder where clash.count > 1 {
                for n in clash {
                    nodes[n].folder = String(folder.dropLast()) + "-" + Self.nodeSuffix(for: n, among: clash, nodes: nodes) + "/"
                }
            }
        }
        var byLegacy: [String: [Int]] = [:]
        for n in nodes.indices where nodes[n].level == .county {
            nodes[n].legacyFolder = "counties/" + seg(nodes[n].name) + "/"
            byLegacy[nodes[n].legacyFolder, default: []].append(n)
        }
        for (folder, clash) in byLegacy where clash.count > 1 {
            for n in clash { nodes[n].legacyFolder = String(folder.dropLast()) + "-" + Slug.hash(nodes[n].key) + "/" }
        }

        // 3. Identities and their base folders. What makes a report's identity (its place, its
        //    town, its body, and its title when it names no place) is looked up first: most
        //    reports are of a body seen already, and need no key, own part or folder made.
        var identityIndex: [String: Int] = [:]
        var identityOf: [IdentityKey: Int] = [:]
        var base: [[String]] = []
        reportIdentity = Array(repeating: 0, count: reports.count)
        for i in order {
            let r = reports[i].region
            let names = [r.province, r.city, r.county, r.town].compactMap { $0 }.filter { !$0.isEmpty }
            let rawBody = reports[i].body
            let seen = IdentityKey(place: placeOf[i], town: r.town, body: rawBody, title: names.isEmpty ? reports[i].title : nil)
            if let existing = identityOf[seen] {
                identities[existing].reports.append(i)
                reportIdentity[i] = existing
                continue
            }
            let body = rawBody.map(Self.trimmed)
            let node = deepest[i]
            let town = r.town.map(Self.trimmed) ?? ""
            let key: String
            var own = ""
            if names.isEmpty {
                let name = (body?.isEmpty == false ? body : nil) ?? reports[i].title ?? "未知机关"
                key = "body|" + name
            } else {
                own = ownPart(of: body ?? "", removing: names)
                key = (node.map { nodes[$0].key } ?? "") + "|" + town + "|" + own
            }
            if let existing = identityIndex[key] {
                identityOf[seen] = existing
                identities[existing].reports.append(i)
                reportIdentity[i] = existing
                continue
            }
            var segments: [String]
            if names.isEmpty {
                let name = (body?.isEmpty == false ? body : nil) ?? reports[i].title ?? "未知机关"
                segments = ["bodies", seg(name)]
            } else {
                segments = node.map { nodes[$0].folder.split(separator: "/").map(String.init) } ?? []
                if !town.isEmpty { segments.append(segments.isEmpty ? top(seg(town)) : seg(town)) }
                if !own.isEmpty { segments.append(segments.isEmpty ? top(seg(own)) : seg(own)) }
            }
            let county = node.flatMap { nodes[$0].level == .county ? $0 : nil }
            let name = (body?.isEmpty == false ? body! : names.last ?? "未知机关")
            let id = identities.count
            identityIndex[key] = id
            identityOf[seen] = id
            reportIdentity[i] = id
            identities.append(Identity(key: key, folder: "", name: name, region: r, ownPart: own,
                                       node: names.isEmpty ? nil : node, county: names.isEmpty ? nil : county, reports: [i]))
            if !names.isEmpty, let node { nodes[node].identities.append(id) }
            base.append(segments)
        }

        // 4. Two identities on one folder, or a body on a place's folder: each gets a suffix
        //    on its last segment. A place's own government shares its place's folder.
        let nodeFolders = Dictionary(nodes.indices.map { (nodes[$0].folder, $0) }, uniquingKeysWith: { a, _ in a })
        func ownNode(_ i: Int) -> Int? {
            guard identities[i].town.isEmpty, identities[i].ownPart.isEmpty, let n = identities[i].node else { return nil }
            return nodes[n].folder == base[i].joined(separator: "/") + "/" ? n : nil
        }
        var byFolder: [String: [Int]] = [:]
        for (i, segments) in base.enumerated() where ownNode(i) == nil {
            byFolder[segments.joined(separator: "/"), default: []].append(i)
        }
        for (i, segments) in base.enumerated() {
            var segments = segments
            if let n = ownNode(i) {
                identities[i].folder = nodes[n].folder
                nodes[n].own = i
                continue
            }
            let clash = byFolder[segments.joined(separator: "/")]!
            if segments.isEmpty { segments = ["x" + Slug.hash(identities[i].key)] }  // cannot happen: a body with a region has a segment
            if clash.count > 1 {
                segments[segments.count - 1] += "-" + Self.suffix(for: i, among: clash, identities: identities)
            } else if nodeFolders[segments.joined(separator: "/") + "/"] != nil {
                segments[segments.count - 1] += "-" + Slug.hash(identities[i].key)
            }
            identities[i].folder = segments.joined(separator: "/") + "/"
        }

        // 5. Report folders: year, and -2, -3 … for further reports of one identity and year.
        reportFolder = Array(repeating: "", count: reports.count)
        for id in identities.indices {
            var seen: [String: [Int]] = [:]
            for i in identities[id].reports {  // already in source-path order
                let year = reports[i].year.map(String.init) ?? "unknown-year"
                seen[year, default: []].append(i)
                let n = seen[year]!.count
                reportFolder[i] = identities[id].folder + (n == 1 ? year : "\(year)-\(n)") + "/"
            }
            sameYear += seen.values.filter { $0.count > 1 }
            identities[id].reports.sort {
                (reports[$0].year ?? .max, reports[$0].id) < (reports[$1].year ?? .max, reports[$1].id)
            }
        }
        sameYear.sort { reports[$0[0]].id < reports[$1[0]].id }
    }

    /// What of a report's region places it in the tree: its levels' names and codes.
    private struct PlaceKey: Hashable {
        let province, city, county: String?
        let provinceCode, cityCode, countyCode: String?
    }

    /// What of a report makes its identity's key: its place (a `PlaceKey`'s index), its town
    /// and body as written, and its title when it names no place. Two reports with the same
    /// have the same identity (two with different ones may too: their keys are then compared).
    private struct IdentityKey: Hashable {
        let place: Int
        let town: String?
        let body: String?
        let title: String?
    }

    /// The nodes from the root down to `n`.
    func chain(_ n: Int) -> [Int] {
        var out: [Int] = []
        var current: Int? = n
        while let c = current { out.append(c); current = nodes[c].parent }
        return out.reversed()
    }

    /// `s` without the white space and line breaks at its ends. A name that has none there
    /// (nearly every one) is returned as it is after a look at its two ends: trimming five
    /// names of each of 10,000 reports was a quarter of the map's time.
    static func trimmed(_ s: String) -> String {
        let space = CharacterSet.whitespacesAndNewlines
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              !space.contains(first) && !space.contains(last) else { return s.trimmingCharacters(in: space) }
        return s
    }

    /// `兴庆区掌政镇人民政府` in 兴庆区/掌政镇 → "" (the town's own government);
    /// `平罗县教育局` in 平罗县 → "教育局".
    static func ownPart(of body: String, removing names: [String]) -> String {
        let rest = removedAsBytes(from: body, names) ?? removedBySearch(from: body, names)
        // 中共… 委员会 bodies and the like keep their whole remaining name.
        return ownGovernment.contains(rest) ? "" : rest
    }

    /// `body` without its white space and without every occurrence of each of `names`, the
    /// last name first, as Foundation's search finds them: each name's occurrences left to
    /// right, none overlapping, in the text the name before left.
    static func removedBySearch(from body: String, _ names: [String]) -> String {
        var rest = body.filter { !$0.isWhitespace }
        for name in names.reversed() where !name.isEmpty {
            rest = rest.replacingOccurrences(of: name, with: "")
        }
        return rest
    }

    /// The same, found in the UTF-8 bytes, when every character of the body and the names is
    /// one Unicode scalar that no other sequence is canonically equal to and that joins no
    /// neighbour into one character (a CJK ideograph, a printable ASCII character; a space in
    /// the body, removed): there, equal bytes are equal text and every scalar is a character's
    /// bounds, so the bytes give Foundation's answer without its search (`nil` otherwise). A
    /// name is found where it starts on a lead byte, never inside a character.
    static func removedAsBytes(from body: String, _ names: [String]) -> String? {
        func plain(_ v: Unicode.Scalar) -> Bool {
            (0x21...0x7E).contains(v.value) || (0x4E00...0x9FFF).contains(v.value) || (0x3400...0x4DBF).contains(v.value)
        }
        guard body.unicodeScalars.allSatisfy({ $0 == " " || plain($0) }),
              names.allSatisfy({ $0.unicodeScalars.allSatisfy(plain) }) else { return nil }
        var rest = body.utf8.filter { $0 != 0x20 }
        for name in names.reversed() where !name.isEmpty {
            let wanted = Array(name.utf8)
            guard rest.count >= wanted.count else { continue }
            var kept: [UInt8] = []
            kept.reserveCapacity(rest.count)
            var i = 0
            while i < rest.count {
                if rest[i] == wanted[0], i + wanted.count <= rest.count, rest[i..<(i + wanted.count)].elementsEqual(wanted) {
                    i += wanted.count
                } else {
                    kept.append(rest[i])
                    i += 1
                }
            }
            rest = kept
        }
        return String(decoding: rest, as: UTF8.self)
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

    /// The significant digits of a place's code (2 for a province, 4 for a city, 6 for a
    /// county: `320106`) when they tell the clashing places apart, otherwise a hash of its key.
    static func nodeSuffix(for n: Int, among clash: [Int], nodes: [RegionNode]) -> String {
        func digits(_ k: Int) -> String? {
            guard let code = nodes[k].code, code.count >= 6 else { return nil }
            return String(code.prefix(2 * (nodes[k].level.rawValue + 1)))
        }
        if let mine = digits(n), clash.allSatisfy({ $0 == n || (digits($0) != nil && digits($0) != mine) }) {
            return mine
        }
        return Slug.hash(nodes[n].key)
    }
}
