import Foundation
import NianbaoTestSupport
@testable import SiteKit
import Testing

/// Issue 10, overlapping stages: the draw's reads of the disk (`Pipeline.DrawReads`: the
/// output's lock, the live site's and the spare's tables) start while the build plans, once
/// the scan knows a draw is coming. A build that changes nothing never starts them; every
/// build lets the lock go, those whose reads were made for a cache that then turned out
/// damaged included; and the site is a clean build's, byte for byte.
@Suite struct DrawReadsTests {
    typealias Incremental = IncrementalBuildTests
    typealias Warm = WarmRebuildTests

    /// Whether the lock a build takes on the output's parent folder is free (taken and let go
    /// here without waiting).
    static func lockIsFree(_ root: URL) -> Bool {
        let fd = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        return flock(fd, LOCK_UN) == 0
    }

    @Test func onlyABuildThatDrawsStartsTheReadsAndEachLetsTheLockGo() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Warm.build(root)
        #expect(first.drawReadsStarted && first.parsed == 9)
        #expect(Self.lockIsFree(root))
        try Warm.edit(root, content, amount: "462.7")
        let edit = try await Warm.build(root)
        #expect(edit.drawReadsStarted && edit.parsed == 1 && edit.reusedSpare == false)
        #expect(Self.lockIsFree(root))
        // The spare the edit left, as it is: a build that changes nothing neither reads it nor
        // takes the lock.
        let spare = root.appendingPathComponent("public.nianbao-new/" + OutputTable.path)
        let spareTable = try Data(contentsOf: spare)
        let again = try await Warm.build(root)
        #expect(!again.drawReadsStarted && again.parsed == 0 && again.written?.written == 0)
        #expect(Self.lockIsFree(root))
        #expect(try Data(contentsOf: spare) == spareTable)
        // The next edit opens the spare from the reads started while it planned.
        try Warm.edit(root, content, amount: "463.7")
        let next = try await Warm.build(root)
        #expect(next.drawReadsStarted && next.parsed == 1 && next.reusedSpare && next.written?.written == edit.written?.written)
        #expect(Self.lockIsFree(root))
        var edited = content
        edited[Warm.edited] = try Data(contentsOf: root.appendingPathComponent("content/" + Warm.edited))
        try await Incremental.expectClean(try Incremental.site(root), content: edited, over: try Incremental.site(root), "edit")
    }

    /// An edit found with a trusted cache starts the reads for a writer that trusts the live
    /// site's table; the cache's bodies then turn out damaged, and the build draws everything
    /// with tables untrusted: the reads are let go (their lock with them, or the build would
    /// wait for itself) and the staging folder opened again.
    @Test func readsMadeForACacheThatTurnsOutDamagedAreLetGo() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Warm.build(root)
        try Warm.edit(root, content, amount: "462.7")
        try Incremental.damage(root.appendingPathComponent("public/" + CacheBodies.path))
        let r = try await Warm.build(root)
        #expect(r.drawReadsStarted && r.cache == .untrusted && r.parsed == 9)
        #expect(Self.lockIsFree(root))
        var edited = content
        edited[Warm.edited] = try Data(contentsOf: root.appendingPathComponent("content/" + Warm.edited))
        let clean = try Incremental.project(edited)
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try await Incremental.build(clean, clean: true)
        let site = try Incremental.site(root), reference = try Incremental.site(clean)
        #expect(site.keys.sorted() == reference.keys.sorted())
        for (path, data) in reference { #expect(site[path] == data, "\(path) differs from a clean build") }
    }
}
