import Foundation
import NianbaoTestSupport
import SiteKit
import Testing

/// A deadline in site.yml is an input of every page that judges timeliness: changing it
/// parses nothing again (a report does not depend on it) but redraws those pages, and the
/// site is the one a clean build with the new deadline gives.
@Suite struct DeadlineRebuildTests {
    @Test func aChangedDeadlineRedrawsTheTimelinessPageFromTheCache() async throws {
        let content = try IncrementalBuildTests.content()
        let root = try IncrementalBuildTests.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await IncrementalBuildTests.build(root)
        let before = try IncrementalBuildTests.site(root)
        #expect(Self.lateCount(before) == 0)
        let yml = Data("deadlineDepartment: 01-01\ndeadlineGovernment: 01-01\ndeadlineTown: 01-01\n".utf8)
        try yml.write(to: root.appendingPathComponent("site.yml"))

        let r = try await IncrementalBuildTests.build(root)
        #expect(r.cache == .used)
        #expect(r.parsed == 0)
        let after = try IncrementalBuildTests.site(root)
        let changed = IncrementalBuildTests.changed(from: before, to: after)
        #expect(changed.contains("timeliness/index.html"))
        #expect(r.written?.written == changed.count)
        // 000 and 001 (2020, dated 25 and 26 January 2021); 002 is a 2016 report (31 March
        // whatever the site says), the others print no date.
        #expect(Self.lateCount(after) == 2)

        let clean = try IncrementalBuildTests.project(content)
        defer { try? FileManager.default.removeItem(at: clean) }
        try yml.write(to: clean.appendingPathComponent("site.yml"))
        _ = try await IncrementalBuildTests.build(clean, clean: true)
        let reference = try IncrementalBuildTests.site(clean)
        #expect(after.keys.sorted() == reference.keys.sorted())
        for (path, data) in reference where !path.hasPrefix(".nianbao") {
            #expect(after[path] == data, "\(path) differs from a clean build")
        }
    }

    /// The number the timeliness page gives in its heading 逾期发布的报告（N 份）.
    static func lateCount(_ site: [String: Data]) -> Int? {
        let page = String(decoding: site["timeliness/index.html"] ?? Data(), as: UTF8.self)
        guard let start = page.range(of: "逾期发布的报告（"), let end = page[start.upperBound...].range(of: " 份）") else { return nil }
        return Int(page[start.upperBound..<end.lowerBound])
    }
}
