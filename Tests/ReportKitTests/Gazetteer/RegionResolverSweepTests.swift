import ReportKit
import Testing

/// Sweeps the gazetteer itself: a body written as county + town (or city + county + town, or the
/// town alone) must resolve to that town or to nothing more precise than what is certain —
/// never to another place.
@Suite struct RegionResolverSweepTests {
    @Test func bodiesBuiltFromTheGazetteerNeverResolveElsewhere() {
        let g = Gazetteer.shared
        let resolver = RegionResolver()
        var checked = 0, exact = 0
        var wrong: [String] = []
        for province in provinces(g) {
            for town in townships(under: province, g).enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
                let chain = g.chain(code: town.code)
                let names = chain.map(\.name)
                let bodies = [names.suffix(2).joined() + "人民政府", names.suffix(3).joined(), town.name + "人民政府"]
                for body in bodies {
                    let clues = RegionClues(body: body, title: nil, signature: nil, folder: "", lines: [], bodyLine: 1)
                    let (region, _) = resolver.resolve(clues)
                    checked += 1
                    if region.code == town.code { exact += 1; continue }
                    // Anything else must be an ancestor of the town (what is certain), or nothing.
                    if let code = region.code, !chain.contains(where: { $0.code == code }) {
                        wrong.append("\(body) → \(code)")
                    }
                }
            }
        }
        print("sweep: \(exact)/\(checked) exact, \(wrong.count) wrong \(wrong.prefix(20))")
        #expect(wrong == [])
        #expect(checked > 10_000)
    }

    @Test func countyAndCityBodiesStayAtTheirLevel() {
        let g = Gazetteer.shared
        let resolver = RegionResolver()
        var wrong: [String] = []
        var checked = 0
        for province in provinces(g) {
            for city in g.children(of: province.code) {
                for county in g.children(of: city.code) where county.level == .county && !county.isPlaceholder {
                    let chain = g.chain(code: county.code)
                    let bodies = [county.name + "教育局", chain.suffix(2).map(\.name).joined() + "人民政府"]
                    for body in bodies {
                        let (region, _) = resolver.resolve(RegionClues(body: body, title: nil, signature: nil, folder: "", lines: [], bodyLine: 1))
                        checked += 1
                        if region.town != nil || (region.code.map { code in !chain.contains { $0.code == code } } ?? false) {
                            wrong.append("\(body) → \(region.code ?? "")")
                        }
                    }
                }
            }
        }
        #expect(wrong == [])
        #expect(checked > 5_000)
    }

    func provinces(_ g: Gazetteer) -> [Division] {
        (11...65).compactMap { g.division(code: "\($0)0000000000") }
    }

    func townships(under division: Division, _ g: Gazetteer) -> [Division] {
        var result: [Division] = []
        var stack = [division]
        while let d = stack.popLast() {
            for child in g.children(of: d.code) {
                if child.level == .township { result.append(child) } else { stack.append(child) }
            }
        }
        return result
    }
}
