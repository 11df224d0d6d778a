import Foundation
import InputKit
import NianbaoTestSupport
@testable import ReportKit
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

    /// `content` with the edited report as it is now in the project at `root`.
    static func edited(_ content: [String: Data], in root: URL) throws -> [String: Data] {
        var edited = content
        edited[Warm.edited] = try Data(contentsOf: root.appendingPathComponent("content/" + Warm.edited))
        return edited
    }

    /// A project built once, then one report edited: its content, its folder and the site built.
    static func builtAndEdited() async throws -> (content: [String: Data], root: URL, before: [String: Data]) {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        _ = try await Warm.build(root)
        let before = try Incremental.site(root)
        try Warm.edit(root, content, amount: "462.7")
        return (content, root, before)
    }

    @Test func onlyABuildThatDrawsStartsTheReadsAndEachLetsTheLockGo() async throws {
        let content = try Incremental.content()
        let root = try Incremental.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Warm.build(root)
        // No cache: the site is listed, its folders not asked.
        #expect(first.drawReadsStarted && first.parsed == 9 && !first.siteVouchedAside && first.foldersChecked == 0)
        #expect(Self.lockIsFree(root))
        try Warm.edit(root, content, amount: "462.7")
        let edit = try await Warm.build(root)
        #expect(edit.drawReadsStarted && edit.parsed == 1 && edit.reusedSpare == false)
        // The live site's folders asked on the reads' side, once each.
        #expect(edit.siteVouchedAside && !edit.siteListed && edit.foldersChecked > 0)
        #expect(Self.lockIsFree(root))
        // The spare the edit left, as it is: a build that changes nothing neither reads it nor
        // takes the lock.
        let spare = root.appendingPathComponent("public.nianbao-new/" + OutputTable.path)
        let spareTable = try Data(contentsOf: spare)
        let again = try await Warm.build(root)
        #expect(!again.drawReadsStarted && again.parsed == 0 && again.written?.written == 0)
        // Asked by the build itself, as many as the edit asked.
        #expect(!again.siteVouchedAside && again.foldersChecked == edit.foldersChecked)
        #expect(Self.lockIsFree(root))
        #expect(try Data(contentsOf: spare) == spareTable)
        // The next edit opens the spare from the reads started while it planned.
        let before = try Incremental.site(root)
        try Warm.edit(root, content, amount: "463.7")
        let next = try await Warm.build(root)
        #expect(next.drawReadsStarted && next.parsed == 1 && next.reusedSpare && next.written?.written == edit.written?.written)
        #expect(Self.lockIsFree(root))
        try await Incremental.expectClean(try Incremental.site(root), content: Self.edited(content, in: root), over: before, "edit")
    }

    /// An edit found with a trusted cache starts the reads for a writer that trusts the live
    /// site's table; the cache's bodies then turn out damaged, and the build draws everything
    /// with tables untrusted: the reads are let go (their lock with them, or the build would
    /// wait for itself) and the staging folder opened again.
    @Test func readsMadeForACacheThatTurnsOutDamagedAreLetGo() async throws {
        let (content, root, before) = try await Self.builtAndEdited()
        defer { try? FileManager.default.removeItem(at: root) }
        try Incremental.damage(root.appendingPathComponent("public/" + CacheBodies.path))
        let r = try await Warm.build(root)
        #expect(r.drawReadsStarted && r.cache == .untrusted && r.parsed == 9)
        // The folders' word asked aside is not taken (the cache untrusted, the site is not asked).
        #expect(!r.siteVouchedAside && r.foldersChecked == 0)
        #expect(Self.lockIsFree(root))
        try await Incremental.expectClean(try Incremental.site(root), content: Self.edited(content, in: root), over: before, "damaged")
    }

    /// A build of the edited project whose edited report is rewritten (461.7 → 463.7) while the
    /// build reads it: the first region looked up is that report's (the only one parsed), so the
    /// file is rewritten then, after the scan read it and before its pages are drawn (no parsed
    /// report kept for the draw: `pool` 0).
    static func buildRewriting(_ root: URL, _ content: [String: Data],
                               besideDraw: Int) async throws -> (Pipeline.Result, BuildPlan, Pipeline) {
        let rewrite = Once {
            let text = String(decoding: content[Warm.edited]!, as: UTF8.self).replacingOccurrences(of: "\t461.7 万元", with: "\t463.7 万元")
            try? Data(text.utf8).write(to: root.appendingPathComponent("content/" + Warm.edited))
        }
        var reader = ReportReader.standard
        reader.parser = ReportParser(resolver: Rewriting(inner: reader.parser.resolver!, rewrite: rewrite), forms: reader.parser.forms)
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Incremental.theme, baseURL: nil)
        var pipeline = Pipeline(plan: plan, reader: reader)
        pipeline.limits.racyMargin = 0
        pipeline.limits.pool = 0
        pipeline.limits.cacheBesideDraw = besideDraw
        let result = try await pipeline.build()
        #expect(rewrite.ran)
        return (result, plan, pipeline)
    }

    /// The build's cache is staged beside the draw as if no report file changed while the
    /// build read it; one that did (rewritten between the scan and its pages' drawing, here
    /// from inside its parse) is found by the draw, and the cache is staged again without its
    /// record: the next build parses it again, as it is now, and gives the clean site.
    /// Both ways: the cache made beside the draw (then again), and made after it (`Limits.cacheBesideDraw`).
    @Test(arguments: [64, 0]) func aReportChangedWhileTheBuildReadsItIsLeftOutOfTheCache(besideDraw: Int) async throws {
        let (content, root, before) = try await Self.builtAndEdited()
        defer { try? FileManager.default.removeItem(at: root) }
        let (r, plan, pipeline) = try await Self.buildRewriting(root, content, besideDraw: besideDraw)
        #expect(r.parsed == 1 && r.reread == 1)
        // The cache staged beside the draw held the record of the first read: staged again without it.
        let (cache, status) = BuildCache.read(site: Disk.realPath(plan.output.path), forms: pipeline.formsByID)
        #expect(status == .used && cache.factsReadable())
        #expect(cache.records.count == 8 && cache.records[Warm.edited] == nil && cache.reports.count == 8)
        let next = try await Warm.build(root)
        #expect(next.parsed == 1)
        try await Incremental.expectClean(try Incremental.site(root), content: Self.edited(content, in: root), over: before, "rewritten")
    }

    /// A report rewritten while the build reads it (as above), then put back as the scan read
    /// it before the next build: its pages were drawn from the rewritten text, so the next
    /// build draws them again, though their inputs (from the scan's read) are the same.
    @Test(arguments: [64, 0]) func aReportChangedWhileTheBuildReadsItAndPutBackIsDrawnAgain(besideDraw: Int) async throws {
        let (content, root, before) = try await Self.builtAndEdited()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("content/" + Warm.edited)
        let asScanned = try Data(contentsOf: file)
        let (r, _, _) = try await Self.buildRewriting(root, content, besideDraw: besideDraw)
        #expect(r.reread == 1)
        try asScanned.write(to: file)
        let next = try await Warm.build(root)
        #expect(next.parsed == 1 && (next.written?.written ?? 0) > 0)
        try await Incremental.expectClean(try Incremental.site(root), content: Self.edited(content, in: root), over: before, "put back")
    }
}

/// The gazetteer's resolver, that first does `rewrite` (once).
struct Rewriting: RegionResolving {
    let inner: any RegionResolving
    let rewrite: Once

    func resolve(_ clues: RegionClues) -> (Region, [Diagnostic]) {
        rewrite.run()
        return inner.resolve(clues)
    }
}

/// Something done once, from whichever thread asks first.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private let work: @Sendable () -> Void

    init(_ work: @escaping @Sendable () -> Void) { self.work = work }

    var ran: Bool { lock.withLock { done } }

    func run() {
        lock.lock()
        defer { lock.unlock() }
        if !done {
            done = true
            work()
        }
    }
}
