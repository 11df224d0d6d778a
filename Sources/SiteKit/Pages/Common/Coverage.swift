import Foundation

/// Who in a county should publish a report each year and who did, on time or not: the
/// county's government and departments that have reports, and every town and street of the
/// county in the division data (`Gazetteer`), whether or not it has a report. Drawn from the
/// summaries and the gazetteer compiled into nianbao; shared by the county page, the
/// timeliness page and the home page.
struct Coverage {
    struct Row {
        let name: String
        /// The body's identity; `nil` for a town the division data lists with no report.
        let identity: Int?
        let kind: BodyKind
        /// The town's 12-digit code, for a town listed from the division data.
        let townCode: String?
        /// One entry per year of `years`: the reports of that year, the first one first.
        let cells: [[Int]]
    }

    /// Every year from the first to the last the county's reports cover, oldest first
    /// (`SitePlan.yearKey`; "unknown-year" last).
    let years: [String]
    let rows: [Row]

    /// Reports due, on time, late, undated or doubtful, and body-years with no report.
    struct Counts: Equatable {
        var reports = 0, onTime = 0, late = 0, undated = 0, doubtful = 0, missing = 0
    }
}

extension SitePlan {
    /// The kind of body an identity is, for its deadline.
    /// (Its fields read in place: a copy of the identity, or of a summary below, retains every
    /// field it has, and the coverage pages ask this of every report several times.)
    func bodyKind(_ id: Int) -> BodyKind {
        BodyKind.of(town: map.identities[id].town, ownPart: map.identities[id].ownPart, hasPlace: map.identities[id].node != nil,
                    name: map.identities[id].name)
    }

    /// Whether report `i` came out by its deadline (judged once a plan: `CoverageMemo`).
    func timeliness(ofReport i: Int) -> Timeliness {
        coverageMemo.timeliness(ofReport: i) {
            Timeliness.judge(published: summaries[i].coverage.published, year: summaries[i].year, kind: bodyKind(map.reportIdentity[i]),
                             deadlines: config.deadlines)
        }
    }

    /// The towns and streets the division data lists under a county (its code's children),
    /// in code order; none when the county's code is not known.
    static func towns(ofCounty code: String?, gazetteer: Gazetteer = .shared) -> [Division] {
        guard let code else { return [] }
        return gazetteer.children(of: code).filter { !$0.isPlaceholder && $0.level == .township }
    }

    /// County `n`'s coverage (made once a plan: `CoverageMemo`).
    func coverage(county n: Int) -> Coverage {
        coverageMemo.coverage(county: n) { makeCoverage(county: n) }
    }

    private func makeCoverage(county n: Int) -> Coverage {
        let node = map.nodes[n]
        let ids = sortedBodies(node.identities)
        var keys = Set<String>()
        for id in ids { for i in map.identities[id].reports { keys.insert(SitePlan.yearKey(summaries[i].year)) } }
        // Every year from the first to the last, so a year nobody reported is a column of 缺
        // rather than no column at all.
        let numeric = keys.compactMap { Int($0) }
        var years = (numeric.min().map { $0...numeric.max()! } ?? 0...(-1)).map(String.init)
        years += keys.filter { Int($0) == nil }.sorted()
        func cells(_ id: Int) -> [[Int]] {
            var byYear: [String: [Int]] = [:]
            for i in map.identities[id].reports { byYear[SitePlan.yearKey(summaries[i].year), default: []].append(i) }
            // In the identity's order (year, then source path), which is how its folders are
            // numbered: sorting by folder would put `2020-2/` before `2020/`.
            return years.map { byYear[$0] ?? [] }
        }
        func row(_ id: Int) -> Coverage.Row {
            Coverage.Row(name: map.identities[id].name, identity: id, kind: bodyKind(id), townCode: nil, cells: cells(id))
        }
        let none = Array(repeating: [Int](), count: years.count)

        // The county's own government always has a row: a county that publishes nothing of its
        // own is what a reader of this page most needs to see.
        var rows: [Coverage.Row] = []
        if let own = node.own {
            rows.append(row(own))
        } else {
            rows.append(Coverage.Row(name: node.name + "人民政府", identity: nil, kind: .government, townCode: nil, cells: none))
        }
        rows += ids.filter { map.identities[$0].town.isEmpty && $0 != node.own }.map(row)

        // Every town of the division data, with its bodies; then towns the reports name that the
        // data does not list (a former name, a development zone).
        let townIDs = ids.filter { !map.identities[$0].town.isEmpty }
        var placed = Set<Int>()
        for town in Self.towns(ofCounty: node.code) {
            let mine = townIDs.filter { id in
                let r = map.identities[id].region
                return r.codes.town.map { $0 == town.code } ?? (r.town == town.name)
            }
            placed.formUnion(mine)
            if mine.isEmpty {
                rows.append(Coverage.Row(name: town.name, identity: nil, kind: .town, townCode: town.code, cells: none))
            } else {
                rows += mine.map(row)
            }
        }
        rows += townIDs.filter { !placed.contains($0) }.map(row)
        return Coverage(years: years, rows: rows)
    }

    /// The counts of a county's coverage, for one year key or (`nil`) every year.
    func counts(_ coverage: Coverage, year: String? = nil) -> Coverage.Counts {
        var c = Coverage.Counts()
        for row in coverage.rows {
            for (k, reports) in row.cells.enumerated() where year == nil || coverage.years[k] == year {
                if reports.isEmpty { c.missing += 1 }
                for i in reports {
                    c.reports += 1
                    switch timeliness(ofReport: i) {
                    case .onTime: c.onTime += 1
                    case .late: c.late += 1
                    case .undated: c.undated += 1
                    case .doubtful: c.doubtful += 1
                    case .noYear: break
                    }
                }
            }
        }
        return c
    }
}
