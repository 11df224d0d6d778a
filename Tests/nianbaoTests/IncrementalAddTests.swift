import Foundation
import NianbaoTestSupport
import SiteKit
import Testing

/// Issue 10: adding a report reshapes the plan, yet the rebuild takes the frames only of the
/// pages the addition can change — its own, those listing it, those of the reports whose place
/// in the map it changes, and the pages about the whole site — and still gives the site a clean
/// build gives, byte for byte (`SitePlan+Places`). Counted (frames taken), never timed.
@Suite struct IncrementalAddTests {
    typealias Site = IncrementalBuildTests

    /// Two additions the frames kept must survive: one that sorts before every report (each
    /// report's index in the plan moves) in a year the site did not have, and a town
    /// government's first report, which turns the town in the breadcrumb of its culture
    /// station's pages into a link though no page of the station lists the new report.
    @Test func anAdditionTakesOnlyTheFramesOfThePagesItTouchesAndGivesTheCleanSite() async throws {
        var content = try Site.content()
        let xigang = content.removeValue(forKey: "002_bbda4c124945f80d.txt")!
        let station = "---\nbody: 贺兰县习岗镇文化站\n---\n" + String(decoding: xigang, as: UTF8.self)
        content["xigang-wenhuazhan.txt"] = Data(station.utf8)
        let root = try Site.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Site.build(root)
        let seed003 = String(decoding: content["003_f36b546d9ff9c8b9.txt"]!, as: UTF8.self)

        let additions: [(name: String, file: String, data: Data, moves: String?)] = [
            ("sorts first, new year", "0000-longde-2012.txt", Data(seed003.replacingOccurrences(of: "2023年", with: "2012年").utf8), nil),
            ("town government's first report", "002_bbda4c124945f80d.txt", xigang, "wenhuazhan/2016/index.html"),
        ]
        for addition in additions {
            let before = try Site.site(root)
            content[addition.file] = addition.data
            try addition.data.write(to: root.appendingPathComponent("content/" + addition.file))
            let r = try await Site.build(root)
            #expect(r.cache == .used && r.parsed == 1, "\(addition.name)")
            let after = try Site.site(root)
            let changed = Site.changed(from: before, to: after)
            #expect(r.written?.written == changed.count, "\(addition.name)")
            if let moves = addition.moves {
                #expect(changed.contains { $0.hasSuffix(moves) }, "\(addition.name): \(changed.sorted())")
            }
            // Every page's frame was taken before; now a fifth of them at most (the new
            // report's, its body's, its places', its year's, and the ~20 about the whole site).
            #expect(r.framesTaken > 0 && r.framesTaken * 5 < after.count, "\(addition.name): \(r.framesTaken) of \(after.count)")
            // Neither addition makes or renames a county: no county's redirect
            // (`counties/<county>/index.html`) takes its frame, though the plan changed shape
            // (`Page.mapInputs`).
            let redirect = { (path: String) in path.hasPrefix("counties/") && path.split(separator: "/").count == 3 }
            #expect(after.keys.contains(where: redirect) && !r.framesTakenOf.contains(where: redirect),
                    "\(addition.name): \(r.framesTakenOf.filter(redirect))")
            try await Site.expectClean(after, content: content, over: before, addition.name)
        }
    }
}
