import Foundation
import NianbaoTestSupport
import Testing

/// Issue 12: a build killed at any moment of its write leaves the previous site complete, or
/// the new one complete — never neither, never a mix — and the next build cleans up after it
/// and writes nothing but the site.
///
/// The binary stops itself at a named point (`NIANBAO_DEBUG_STOP_AT`) and is then killed
/// with SIGKILL, so the assertion never depends on timing.
@Suite struct KillTests {
    static let theme = Sandbox.theme.path
    static let seed000 = try! String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("content/000_c2bcf9dd95c89acf.txt"),
                                     encoding: .utf8)

    /// The site of content A (seed 001), and of content B (seeds 001 and 000) built over it as
    /// the tests do — the search index keeps the previous build's document ids and number of
    /// key files (docs/search-index.md), so B built afresh may differ — each in a sandbox of its own.
    static let sites: (a: FolderSnapshot, b: FolderSnapshot) = {
        let a = try! Sandbox()
        #expect(try! a.run(["build", "--theme", theme]).status == 0)
        let b = try! Sandbox()
        #expect(try! b.run(["build", "--theme", theme]).status == 0)
        try! Data(seed000.utf8).write(to: b.project.appendingPathComponent("content/000.txt"))
        #expect(try! b.run(["build", "--theme", theme]).status == 0)
        return (try! a.snapshot().under("outer/project/public"), try! b.snapshot().under("outer/project/public"))
    }()

    struct Point: Sendable, CustomTestStringConvertible {
        var name: String
        var exchange = true
        var testDescription: String { exchange ? name : "\(name) (two renames)" }
    }

    static let points: [Point] = [
        Point(name: "locked"), Point(name: "staging.created"), Point(name: "staging.marked"),
        Point(name: "staging.file.1"), Point(name: "staging.file.10"), Point(name: "staging.complete"),
        Point(name: "swap.exchanged"),
        Point(name: "staging.file.10", exchange: false), Point(name: "staging.complete", exchange: false),
    ]

    @Test(arguments: points)
    func aKilledBuildLeavesACompleteSite(_ point: Point) throws {
        let (siteA, siteB) = Self.sites
        #expect(siteA != siteB)
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["build", "--theme", Self.theme]).status == 0)
        try Data(Self.seed000.utf8).write(to: sandbox.project.appendingPathComponent("content/000.txt"))
        let before = try sandbox.snapshot()
        #expect(before.under("outer/project/public") == siteA)

        let environment: [String: String?] = point.exchange ? [:] : ["NIANBAO_DEBUG_NO_EXCHANGE": "1"]
        let stopped = try CommandRunner.killAt(point.name, ["build", "--theme", Self.theme], in: sandbox.project, environment: environment)
        #expect(stopped, "the build never reached \(point.name)")
        let killed = try sandbox.snapshot().under("outer/project/public")
        #expect(killed == siteA || killed == siteB, "after a kill at \(point.name), public/ is neither site:\n\(killed)")

        let r = try sandbox.run(["build", "--theme", Self.theme])
        #expect(r.status == 0)
        let after = try sandbox.snapshot()
        #expect(after.under("outer/project/public") == siteB)
        // Nothing left beside the site but the previous site, whole, as the spare.
        #expect(after.under("outer/project/public.nianbao-new") == siteA)
        #expect(Self.beside(after) == Self.beside(before))
    }

    /// A snapshot without the site and its spare.
    static func beside(_ s: FolderSnapshot) -> FolderSnapshot {
        s.excluding("outer/project/public").excluding("outer/project/public.nianbao-new")
    }

    /// Sites A, B (seed 000 added) and C (seed 001 edited) built one after another, as the
    /// tests do: C is built in the spare, which holds A.
    static let threeSites: (b: FolderSnapshot, c: FolderSnapshot) = {
        let s = try! Sandbox()
        #expect(try! s.run(["build", "--theme", theme]).status == 0)
        try! Data(seed000.utf8).write(to: s.project.appendingPathComponent("content/000.txt"))
        #expect(try! s.run(["build", "--theme", theme]).status == 0)
        let b = try! s.snapshot().under("outer/project/public")
        try! editSeed001(s)
        #expect(try! s.run(["build", "--theme", theme]).status == 0)
        return (b, try! s.snapshot().under("outer/project/public"))
    }()

    /// One number of seed 001 changed (政府集中采购 7 → 8 items).
    static func editSeed001(_ s: Sandbox) throws {
        let url = s.project.appendingPathComponent("content/001.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("政府集中采购\t7\t"))
        try Data(text.replacingOccurrences(of: "政府集中采购\t7\t", with: "政府集中采购\t8\t").utf8).write(to: url)
    }

    static let sparePoints: [Point] = [
        Point(name: "locked"), Point(name: "spare.opened"), Point(name: "staging.file.1"), Point(name: "staging.file.20"),
        Point(name: "staging.file.60"), Point(name: "staging.file.40"), Point(name: "spare.pruned"),
        Point(name: "staging.complete"), Point(name: "swap.exchanged"),
        Point(name: "staging.file.20", exchange: false), Point(name: "spare.pruned", exchange: false),
        Point(name: "swap.retired", exchange: false),
    ]

    /// A build that brings the spare up to date (the site before last) killed at any point
    /// of it leaves the previous site whole (or the new one, once swapped); the next build
    /// does not trust a spare whose update was cut short, and writes the new site exactly.
    @Test(arguments: sparePoints)
    func aBuildKilledWhileItUpdatesTheSpareLeavesACompleteSite(_ point: Point) throws {
        let (siteB, siteC) = Self.threeSites
        #expect(siteB != siteC)
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["build", "--theme", Self.theme]).status == 0)
        try Data(Self.seed000.utf8).write(to: sandbox.project.appendingPathComponent("content/000.txt"))
        #expect(try sandbox.run(["build", "--theme", Self.theme]).status == 0)
        #expect(try sandbox.snapshot().under("outer/project/public") == siteB)
        try Self.editSeed001(sandbox)
        let before = try sandbox.snapshot()

        let environment: [String: String?] = point.exchange ? [:] : ["NIANBAO_DEBUG_NO_EXCHANGE": "1"]
        let stopped = try CommandRunner.killAt(point.name, ["build", "--theme", Self.theme], in: sandbox.project, environment: environment)
        #expect(stopped, "the build never reached \(point.name)")
        let killed = try sandbox.snapshot()
        if point.name == "swap.retired" {
            #expect(killed.under("outer/project/public.nianbao-old") == siteB)
        } else {
            let site = killed.under("outer/project/public")
            #expect(site == siteB || site == siteC, "after a kill at \(point.name), public/ is neither site:\n\(site)")
        }

        let r = try sandbox.run(["build", "--theme", Self.theme])
        #expect(r.status == 0)
        let after = try sandbox.snapshot()
        #expect(after.under("outer/project/public") == siteC)
        #expect(after.under("outer/project/public.nianbao-new") == siteB)
        #expect(Self.beside(after) == Self.beside(before))
    }

    /// With two renames, a kill between them leaves no `public/` for a moment; the previous
    /// site is complete under `public.nianbao-old`, and the next build puts it back before
    /// doing anything else.
    @Test func aKillBetweenTheTwoRenamesOfTheFallbackIsRecovered() throws {
        let (siteA, siteB) = Self.sites
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["build", "--theme", Self.theme]).status == 0)
        try Data(Self.seed000.utf8).write(to: sandbox.project.appendingPathComponent("content/000.txt"))
        let before = try sandbox.snapshot()

        let stopped = try CommandRunner.killAt("swap.retired", ["build", "--theme", Self.theme], in: sandbox.project,
                                               environment: ["NIANBAO_DEBUG_NO_EXCHANGE": "1"])
        #expect(stopped)
        let killed = try sandbox.snapshot()
        #expect(killed.entries["outer/project/public"] == nil)
        #expect(killed.under("outer/project/public.nianbao-old") == siteA)
        #expect(killed.under("outer/project/public.nianbao-new") == siteB)

        // A build that stops at its first step has already put the previous site back (the
        // finished site B under the staging name is a spare it can trust and starts from).
        #expect(try CommandRunner.killAt("spare.opened", ["build", "--theme", Self.theme], in: sandbox.project))
        #expect(try sandbox.snapshot().under("outer/project/public") == siteA)

        #expect(try sandbox.run(["build", "--theme", Self.theme]).status == 0)
        let after = try sandbox.snapshot()
        #expect(after.under("outer/project/public") == siteB)
        #expect(after.under("outer/project/public.nianbao-new") == siteA)
        #expect(Self.beside(after) == Self.beside(before))
    }
}
