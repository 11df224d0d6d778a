import Foundation
import NianbaoTestSupport
@testable import SiteKit
import Testing

/// `--timings`: a build whose progress times its stages names them in the order they ran,
/// each once, and one that does not keeps none. The names are asserted, never the times.
@Suite struct BuildStagesTests {
    typealias Incremental = IncrementalBuildTests
    typealias Warm = WarmRebuildTests

    static func build(_ root: URL, timed: Bool) async throws -> Pipeline.Result {
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Incremental.theme, baseURL: nil)
        var pipeline = Pipeline(plan: plan)
        pipeline.limits.racyMargin = 0
        pipeline.progress = BuildProgress(timesStages: timed)
        return try await pipeline.build()
    }

    @Test func aTimedBuildNamesItsStagesInOrder() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let drawing = ["cache and theme read", "content listed", "files read, parsed", "checks across years", "summaries", "site map",
                       "site plan", "pages planned", "staging opened", "search index, manifest", "pages kept", "pages drawn",
                       "cache staged", "swapped in", "finished"]
        let first = try await Self.build(root, timed: true)
        #expect(first.stages.map(\.name) == drawing)
        #expect(first.stages.allSatisfy { $0.wall >= 0 && $0.cpu >= 0 })
        // Nothing changed: the scan finds every file as the cache has it, and nothing is drawn.
        let again = try await Self.build(root, timed: true)
        #expect(again.stages.map(\.name) == ["cache and theme read", "content listed", "files read, parsed", "finished"])
        try Warm.edit(root, content, amount: "462.7")
        let untimed = try await Self.build(root, timed: false)
        #expect(untimed.parsed == 1 && untimed.stages.isEmpty)
    }
}
