import Foundation
import NianbaoTestSupport
import SiteKit
import Testing

/// Issue 10: the first edit after a full build (or after `serve`'s first, no-change build)
/// finds a spare `serve` prepared while idle (`Pipeline.prepareSpare`): it brings it up to
/// date instead of linking every file of the site into an empty folder, and gives the site a
/// clean build gives, byte for byte.
@Suite struct PreparedSpareBuildTests {
    typealias Builds = IncrementalBuildTests

    @Test func theFirstEditAfterAFullBuildUsesThePreparedSpare() async throws {
        var content = try Builds.content()
        let root = try Builds.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Builds.build(root)
        // A rebuild with no change, as `serve` starts with: still no spare.
        let again = try await Builds.build(root)
        #expect(!again.reusedSpare)
        let before = try Builds.site(root)
        let siteFiles = before.keys.filter { !$0.hasPrefix(".") }.count
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Builds.theme, baseURL: nil)
        #expect(try Pipeline(plan: plan).prepareSpare() == .made(files: siteFiles))
        #expect(try Pipeline(plan: plan).prepareSpare() == .present)

        let name = "001_ca48803eb8e502d4.txt"
        let text = String(decoding: content[name]!, as: UTF8.self)
        #expect(text.contains("\t461.7 万元"))
        content[name] = Data(text.replacingOccurrences(of: "\t461.7 万元", with: "\t462.7 万元").utf8)
        try content[name]!.write(to: root.appendingPathComponent("content/" + name))
        let r = try await Builds.build(root)
        #expect(r.reusedSpare)
        let after = try Builds.site(root)
        let changed = Builds.changed(from: before, to: after)
        #expect(!changed.isEmpty && r.written?.written == changed.count)
        // In the spare: per file written an unlink and a write, the build's own records, the
        // spare's table removed — none of the site's other files linked again.
        #expect(r.operations <= 2 * changed.count + 9, "\(r.operations) operations, \(changed.count) changed")
        try await Builds.expectClean(after, content: content, over: before, "edit after a prepared spare")
    }
}
