import Foundation
import NianbaoTestSupport
import Testing
@testable import SiteKit

/// The feeds of the sample site (SiteRenderTests.documents): six reports, five with a date
/// (1 January after their year: `Sample.report` dates each report `<year+1>-01-25`).
@Suite struct AtomFeedTests {
    static func files(baseURL: String = "/") throws -> [String: String] {
        var config = Sample.config()
        config.baseURL = baseURL
        let files = try SiteRenderer(config: config).render(SiteRenderTests.documents())
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    /// 兴庆区's folder under the fallback slug the sample config uses.
    static let county = SiteRenderTests.nx + "u5174u5e86u533a/"

    static func tags(_ name: String, in xml: String) -> [String] {
        xml.components(separatedBy: "<\(name)>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func thePortalsFeedListsEveryReportNewestFirst() throws {
        let xml = try #require(try Self.files(baseURL: "https://example.gov.cn/")["feed.xml"])
        let updated = Self.tags("updated", in: xml)
        // The feed's date, then the reports of 2021 (published 2022-01-25), 2020 ×3, 2019.
        #expect(updated == ["2022-01-25T00:00:00Z"] + ["2022-01-25T00:00:00Z"] * 2 + ["2021-01-25T00:00:00Z"] * 3
                + ["2020-01-25T00:00:00Z"])
        let ids = Self.tags("id", in: xml)
        #expect(ids.first == "https://example.gov.cn/feed.xml")
        #expect(ids.count == 7 && ids.dropFirst().allSatisfy { $0.hasPrefix("https://example.gov.cn/") && $0.hasSuffix("/") })
        #expect(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.gov.cn/feed.xml\"/>"))
        // Untrusted titles are escaped.
        #expect(!xml.contains("<script>") && xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(Self.tags("summary", in: xml).contains("平罗县教育局，2021 年度，发布于 2022-01-25"))
    }

    @Test func aCountysFeedHoldsItsReportsWithStableIDsWithoutABaseURL() throws {
        let files = try Self.files()
        let xml = try #require(files[Self.county + "feed.xml"])
        let ids = Self.tags("id", in: xml)
        // 兴庆区: its town's three reports (2021, 2020, 2020-2).
        #expect(ids.count == 4)
        let uuid = "^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$"
        #expect(ids.allSatisfy { $0.range(of: uuid, options: .regularExpression) != nil })
        #expect(Set(ids).count == 4)
        #expect(ids == Self.tags("id", in: try #require(try Self.files()[Self.county + "feed.xml"])))
        #expect(xml.contains("href=\"u638cu653fu9547/2021/\""))
        #expect(!xml.contains("rel=\"self\""))
    }

    @Test func pagesLinkTheirDataAsAlternates() throws {
        let files = try Self.files()
        func alternates(_ path: String) throws -> [String] {
            try #require(files[path]).components(separatedBy: "\n").filter { $0.hasPrefix("<link rel=\"alternate\"") }
        }
        #expect(try alternates("index.html")
                == ["<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\" title=\"新发布的报告（Atom）\">"])
        #expect(try alternates("years/2020/index.html")
                == ["<link rel=\"alternate\" type=\"text/csv\" href=\"reports.csv\" title=\"本页报告的数据（CSV）\">"])
        #expect(try alternates(Self.county + "index.html").count == 2)
        #expect(try alternates(SiteRenderTests.xq + "2020/index.html")
                == ["<link rel=\"alternate\" type=\"application/json\" href=\"report.json\" title=\"本报告的数据（JSON）\">"])
        #expect(try alternates(SiteRenderTests.xq + "2020/source.html") == [])
    }
}

private func * (strings: [String], n: Int) -> [String] { Array(repeating: strings, count: n).flatMap { $0 } }
