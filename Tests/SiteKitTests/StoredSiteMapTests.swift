import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// The site map kept in the cache (`sitemap.bin`): read back exactly, used only for inputs of
/// its digest, and never when it is damaged or cannot be whole.
@Suite struct StoredSiteMapTests {
    /// Places at every level, a body with no place, two reports of one body and year, a
    /// county's towns and departments: every part of the map has something in it.
    static func summaries() -> [ReportSummary] {
        let county = Region(province: "宁夏回族自治区", city: "银川市", county: "兴庆区", code: "640104000000",
                            codes: Region.Codes(province: "640000000000", city: "640100000000", county: "640104000000"))
        var town = county
        (town.town, town.code, town.codes.town) = ("掌政镇", "640104100000", "640104100000")
        let reports = [
            Report(source: "a.txt", body: "兴庆区人民政府", region: county, year: 2020),
            Report(source: "b.txt", body: "兴庆区教育局", region: county, year: 2021),
            Report(source: "c.txt", body: "掌政镇人民政府", region: town, year: 2020),
            Report(source: "d.txt", body: "掌政镇人民政府", region: town, year: 2020),
            Report(source: "e.txt", title: "某某委员会 2019 年报告", body: "某某委员会", year: 2019),
            Report(source: "f.txt", body: "平罗县教育局", region: Region(province: "宁夏回族自治区", county: "平罗县"), year: nil),
        ]
        return reports.map { ReportSummary(Sample.document($0)) }
    }

    static func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-sitemap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root.path
    }

    /// What is written is read back as it was: written again, the same bytes, and the digest
    /// of its inputs with it.
    @Test func theMapIsReadBackExactly() throws {
        let summaries = Self.summaries()
        let map = SiteMap(reports: summaries, slug: Pinyin.slug)
        #expect(map.identities.count >= 4 && map.nodes.count >= 4 && !map.sameYear.isEmpty)
        let digest = SiteMap.inputs(of: summaries, slug: Pinyin.slug)
        let file = StoredSiteMap.file(digest: digest, map: map)
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/sitemap.bin"
        try file.data.write(to: URL(fileURLWithPath: path))
        let stored = StoredSiteMap(file: path)
        #expect(!stored.isRead)
        let read = try #require(stored.map(for: digest))
        #expect(stored.isRead)
        #expect(StoredSiteMap.file(digest: digest, map: read).data == file.data)
        #expect(read.reportFolder == map.reportFolder && read.reportIdentity == map.reportIdentity && read.sameYear == map.sameYear)
        #expect(read.identities.map(\.folder) == map.identities.map(\.folder) && read.nodes.map(\.folder) == map.nodes.map(\.folder))
        // Other inputs: not this map.
        #expect(stored.map(for: digest &+ 1) == nil)
    }

    /// The digest of the inputs follows what the map reads, and only that: a report's figures
    /// do not change it; its body, its year, its id, one report more, or another slug do.
    @Test func theDigestOfTheInputsIsTheMapsInputs() {
        let summaries = Self.summaries()
        let digest = SiteMap.inputs(of: summaries, slug: Pinyin.slug)
        let refigured = Sample.report(source: "a.txt", body: "兴庆区人民政府", region: summaries[0].region, year: 2020,
                                      applications: Sample.tableThree)
        #expect(ReportSummary(Sample.document(refigured)).summary != summaries[0].summary)
        #expect(SiteMap.inputs(of: [ReportSummary(Sample.document(refigured))] + summaries.dropFirst(), slug: Pinyin.slug) == digest)
        var moved = summaries
        moved[1] = ReportSummary(Sample.document(Report(source: "b.txt", body: "兴庆区卫生健康局", region: summaries[1].region, year: 2021)))
        #expect(SiteMap.inputs(of: moved, slug: Pinyin.slug) != digest)
        #expect(SiteMap.inputs(of: Array(summaries.dropLast()), slug: Pinyin.slug) != digest)
        #expect(SiteMap.inputs(of: summaries, slug: SiteRenderer.fallbackSlug) != digest)
    }

    /// A file cut short, with a bit flipped, of another format or naming a report the map does
    /// not have is not used (the map is then made again).
    @Test func aDamagedOrBrokenFileIsNotUsed() throws {
        let summaries = Self.summaries()
        let map = SiteMap(reports: summaries, slug: Pinyin.slug)
        let digest = SiteMap.inputs(of: summaries, slug: Pinyin.slug)
        let bytes = StoredSiteMap.file(digest: digest, map: map).data
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var broken = map
        broken.reportIdentity[0] = map.identities.count
        var flipped = bytes
        flipped[flipped.count / 2] ^= 0x01
        for (name, data) in [("cut", bytes.prefix(bytes.count - 9)), ("flipped", flipped),
                             ("broken", StoredSiteMap.file(digest: digest, map: broken).data)] {
            let path = root + "/" + name
            try Data(data).write(to: URL(fileURLWithPath: path))
            #expect(StoredSiteMap(file: path).map(for: digest) == nil, "\(name)")
        }
        #expect(StoredSiteMap(file: root + "/none").map(for: digest) == nil)
        #expect(StoredSiteMap().map(for: digest) == nil)
    }
}
