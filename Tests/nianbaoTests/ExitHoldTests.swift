import Foundation
import NianbaoTestSupport
@testable import SiteKit
import Testing

/// Issue 10: a one-shot build leaves its large values to the exit (`ExitHold`) instead of
/// freeing them as it ends; it must not leave the output's lock with them, or the next build
/// in the same process (and `serve`'s spare) would wait for it for ever.
@Suite struct ExitHoldTests {
    typealias Incremental = IncrementalBuildTests
    typealias Warm = WarmRebuildTests

    static func build(_ root: URL, holding hold: ExitHold) async throws -> Pipeline.Result {
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Incremental.theme, baseURL: nil)
        var pipeline = Pipeline(plan: plan)
        pipeline.limits.racyMargin = 0
        pipeline.exitHold = hold
        return try await pipeline.build()
    }

    @Test func eachBuildLeavesItsValuesAndLetsTheLockGo() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let hold = ExitHold()
        // A build that draws leaves the plan's values and the scan's: two.
        let first = try await Self.build(root, holding: hold)
        #expect(first.drawn > 0 && hold.count == 2)
        #expect(DrawReadsTests.lockIsFree(root))
        // Nothing changed: the scan's alone.
        let again = try await Self.build(root, holding: hold)
        #expect(again.drawn == 0 && hold.count == 3)
        #expect(DrawReadsTests.lockIsFree(root))
        let before = try Incremental.site(root)
        try Warm.edit(root, content, amount: "462.7")
        let edit = try await Self.build(root, holding: hold)
        #expect(edit.parsed == 1 && edit.drawn > 0 && hold.count == 5)
        #expect(DrawReadsTests.lockIsFree(root))
        // Then a build that holds nothing (as `serve`'s): the lock is free for it.
        let next = try await Warm.build(root)
        #expect(next.drawn == 0 && hold.count == 5)
        try await Incremental.expectClean(try Incremental.site(root), content: DrawReadsTests.edited(content, in: root), over: before, "held")
    }
}
