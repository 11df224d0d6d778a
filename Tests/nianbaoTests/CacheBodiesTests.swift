import Foundation
import NianbaoTestSupport
@testable import SiteKit
import Testing

/// Issue 10: the records' cache is two files, the heads every rebuild reads (`reports.bin`)
/// and the facts read only when a build needs them (`bodies.bin`, `CacheBodies`). A rebuild
/// that changed nothing reads the heads alone; one that changed reports appends their facts
/// and writes the heads, never the other records' facts, until the dead bytes pass their
/// bound and the file is written new — then byte for byte a clean build's. Bytes counted,
/// never timed; every step gives the site a clean build gives.
@Suite struct CacheBodiesTests {
    typealias Site = IncrementalBuildTests

    static func build(_ root: URL, deadBodies: Double = 100, warm: WarmCache? = nil) async throws -> Pipeline.Result {
        let plan = try BuildPlan.resolve(root: root, content: nil, output: nil, theme: Site.theme, baseURL: nil)
        var pipeline = Pipeline(plan: plan)
        pipeline.limits.racyMargin = 0
        pipeline.limits.deadBodies = deadBodies
        pipeline.warm = warm
        return try await pipeline.build()
    }

    static func stamp(_ root: URL, _ path: String) -> FileStamp { FileStamp.of(root.path + "/public/" + path)! }
    static func size(_ root: URL, _ path: String) -> Int { Int(stamp(root, path).size) }
    static let heads = BuildCache.reportsPath, bodies = CacheBodies.path

    /// Writes `files` into the content folder (each a new file renamed over the old) and
    /// removes the files `content` no longer has.
    static func apply(_ content: [String: Data], over old: [String: Data], in root: URL) throws {
        let folder = root.appendingPathComponent("content")
        for (file, data) in content where old[file] != data {
            let temporary = folder.appendingPathComponent(".new.tmp")
            try data.write(to: temporary)
            #expect(rename(temporary.path, folder.appendingPathComponent(file).path) == 0)
        }
        for file in old.keys where content[file] == nil { try FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
    }

    @Test func aRebuildReadsTheHeadsAndAChangeAppendsOnlyItsRecords() async throws {
        var content = try Site.content()
        let root = try Site.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await Self.build(root)
        #expect(first.cacheRead == 0)
        #expect(first.cacheWritten == Self.size(root, Self.heads) + Self.size(root, Self.bodies))
        // The heads are a small part of the records' bytes.
        #expect(Self.size(root, Self.heads) * 4 < Self.size(root, Self.bodies))

        let again = try await Self.build(root)
        #expect(again.cache == .used && again.recordsDecoded == 0)
        #expect(again.cacheRead == Self.size(root, Self.heads) && again.cacheWritten == 0)

        let seed = String(decoding: content["003_f36b546d9ff9c8b9.txt"]!, as: UTF8.self)
        let steps: [(name: String, parsed: Int, change: (inout [String: Data]) -> Void)] = [
            ("edit", 1, { c in
                let text = String(decoding: c["001_ca48803eb8e502d4.txt"]!, as: UTF8.self)
                c["001_ca48803eb8e502d4.txt"] = Data(text.replacingOccurrences(of: "\t461.7 万元", with: "\t462.7 万元").utf8)
            }),
            ("add", 1, { c in c["longde-2020.txt"] = Data(seed.replacingOccurrences(of: "2023年", with: "2020年").utf8) }),
            ("rename", 1, { c in c["longde-2014.txt"] = c.removeValue(forKey: "longde-2015.txt") }),
            ("delete", 0, { c in c["longde-2016.txt"] = nil }),
        ]
        for step in steps {
            let before = try Site.site(root)
            let old = content, bodies = Self.stamp(root, Self.bodies), headsBefore = Self.size(root, Self.heads)
            step.change(&content)
            try Self.apply(content, over: old, in: root)
            let r = try await Self.build(root)
            #expect(r.cache == .used && r.parsed == step.parsed, "\(step.name)")
            // The same file, grown by the facts of the reports parsed: one record of nine or ten.
            let now = Self.stamp(root, Self.bodies)
            let grown = Int(now.size) - Int(bodies.size)
            #expect(now.inode == bodies.inode, "\(step.name)")
            #expect(step.parsed == 0 ? grown == 0 : grown > 0 && grown * 5 < Int(bodies.size), "\(step.name): grew \(grown)")
            #expect(r.cacheWritten == Self.size(root, Self.heads) + grown, "\(step.name)")
            // Read: the heads, and the bodies once, whole (the other reports' facts list the changed one).
            #expect(r.cacheRead == headsBefore + Int(bodies.size), "\(step.name): read \(r.cacheRead)")
            try await Site.expectClean(try Site.site(root), content: content, over: before, step.name)
        }

        // Past the bound (here: any dead byte), the file is written new: the clean build's bytes.
        let old = content
        content["longde-2017.txt"] = Data(String(decoding: content["longde-2017.txt"]!, as: UTF8.self)
            .replacingOccurrences(of: "加强领导", with: "加强统筹协调").utf8)
        try Self.apply(content, over: old, in: root)
        let before = Self.stamp(root, Self.bodies), site = try Site.site(root)
        let compacted = try await Self.build(root, deadBodies: 0)
        #expect(compacted.parsed == 1 && Self.stamp(root, Self.bodies).inode != before.inode)
        #expect(Int(Self.stamp(root, Self.bodies).size) < Int(before.size))
        #expect(compacted.cacheWritten == Self.size(root, Self.heads) + Self.size(root, Self.bodies))
        let clean = try Site.project(content, over: site)
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try await Site.build(clean, clean: true)
        for path in [Self.heads, Self.bodies] {
            let mine = try Data(contentsOf: root.appendingPathComponent("public/" + path))
            #expect(mine == (try Data(contentsOf: clean.appendingPathComponent("public/" + path))), "\(path)")
        }
        try await Site.expectClean(try Site.site(root), content: content, over: site, "compacted")
        let after = try await Self.build(root)
        #expect(after.written?.written == 0 && after.cacheRead == Self.size(root, Self.heads) && after.recordsDecoded == 0)
    }

    /// The bodies cut short, missing, damaged or of another format: the cache is not used
    /// (when cut short or missing, as soon as the heads are read; when damaged within, when a
    /// build first needs facts — a rebuild that changed nothing reads none), every report is
    /// parsed, and the site is a clean build's.
    @Test(arguments: ["truncate", "remove", "flip", "format"])
    func damagedBodiesAreRebuiltNotTrusted(_ damage: String) async throws {
        var content = try Site.content()
        let root = try Site.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Self.build(root)
        let url = root.appendingPathComponent("public/" + Self.bodies)
        var bytes = try Data(contentsOf: url)
        switch damage {
        case "truncate": bytes.removeLast(10)
        case "flip": bytes[bytes.count / 2] ^= 0x01
        case "format": bytes[Array("nianbao-bodies\n".utf8).count] ^= 0x7F
        default: break
        }
        try FileManager.default.removeItem(at: url)
        if damage != "remove" { try bytes.write(to: url) }
        let noticedAtOnce = damage == "truncate" || damage == "remove"
        if !noticedAtOnce {
            // Nothing changed: no facts needed, none read, the site as it was.
            let same = try await Self.build(root)
            #expect(same.cache == .used && same.written?.written == 0 && same.recordsDecoded == 0)
            let old = content
            content["001_ca48803eb8e502d4.txt"] = Data(String(decoding: content["001_ca48803eb8e502d4.txt"]!, as: UTF8.self)
                .replacingOccurrences(of: "\t461.7 万元", with: "\t462.7 万元").utf8)
            try Self.apply(content, over: old, in: root)
        }
        let before = try Site.site(root)
        let r = try await Self.build(root)
        #expect(r.cache == .untrusted, "\(damage)")
        #expect(r.parsed == 9, "\(damage)")
        try await Site.expectClean(try Site.site(root), content: content, over: before, damage)
        // The next build trusts what this one wrote.
        let next = try await Self.build(root)
        #expect(next.cache == .used && next.parsed == 0 && next.written?.written == 0, "\(damage)")
    }

    /// The records' digests are checked in runs across the cores (`CacheBodies.check`): one
    /// damaged record in any run, the first, the last or the one before a run's end, is found,
    /// as is a place past the end; and 2,000 intact ones pass.
    @Test(arguments: [0, 255, 1_000, 1_999, -1])
    func everyRunOfTheBodiesIsChecked(_ damaged: Int) {
        let header = CacheBodies.header
        var bytes = header, places: [CacheBodies.Place] = []
        for i in 0..<2_000 {
            let body = Array("record \(i)".utf8)
            places.append(CacheBodies.Place(offset: bytes.count, length: body.count, digest: CacheBodies.digest(body)))
            bytes += body
        }
        #expect(CacheBodies.check(Data(bytes), places: places))
        if damaged >= 0 {
            bytes[places[damaged].offset] ^= 0x01
        } else {
            places[1_500].offset = bytes.count
        }
        #expect(!CacheBodies.check(Data(bytes), places: places))
    }

    /// `serve`'s builds: the facts kept in memory need no bodies read; an edit appends its
    /// record to the file the build before appended to, and the site is a clean build's.
    @Test func warmBuildsReadNoBodiesAndAppend() async throws {
        var content = try Site.content()
        let root = try Site.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let warm = WarmCache()
        _ = try await Self.build(root, warm: warm)
        for amount in ["462.7", "463.7"] {
            let before = try Site.site(root), old = content, bodies = Self.stamp(root, Self.bodies)
            content["001_ca48803eb8e502d4.txt"] = Data(String(decoding: try Site.content()["001_ca48803eb8e502d4.txt"]!, as: UTF8.self)
                .replacingOccurrences(of: "\t461.7 万元", with: "\t\(amount) 万元").utf8)
            try Self.apply(content, over: old, in: root)
            let r = try await Self.build(root, warm: warm)
            #expect(r.cacheKept && r.parsed == 1 && r.recordsDecoded == 0 && r.cacheRead == 0, "\(amount)")
            #expect(Self.stamp(root, Self.bodies).inode == bodies.inode, "\(amount)")
            try await Site.expectClean(try Site.site(root), content: content, over: before, amount)
        }
        // A build that reads the files finds what the warm ones wrote.
        let cold = try await Self.build(root)
        #expect(cold.cache == .used && cold.written?.written == 0)
    }
}
