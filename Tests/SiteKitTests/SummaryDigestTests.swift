import Foundation
import ReportKit
import Testing
@testable import SiteKit

/// The summary's digests feed the region and the coverage facts field by field
/// (`SummaryDigests.swift`), not through `DigestEncoder`: each field must move them, and a
/// field added to either type must be fed too (the names below are the types' fields).
@Suite struct SummaryDigestTests {
    @Test func everyFieldIsNamed() {
        func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        #expect(fields(Region()) == ["province", "city", "county", "town", "code", "codes"])
        #expect(fields(Region.Codes()) == ["province", "city", "county", "town"])
        #expect(fields(Self.coverage) == ["published", "format", "series", "problems"])
        #expect(fields(Self.coverage.problems[0]) == ["anchor", "isError", "message"])
    }

    static let coverage = CoverageFacts(published: "2021-01-25", format: "2019", series: [.value(3), .unknown, .notComparable],
                                        problems: [.init(anchor: "d1", isError: false, message: "m")])

    static func digest(_ c: CoverageFacts) -> UInt64 {
        var d = Digest()
        c.digest(into: &d)
        return d.value
    }

    @Test func everyCoverageFieldMovesTheDigest() {
        let c = Self.coverage, p = c.problems[0]
        let variants: [CoverageFacts] = [
            CoverageFacts(published: nil, format: c.format, series: c.series, problems: c.problems),
            CoverageFacts(published: "2021-01-26", format: c.format, series: c.series, problems: c.problems),
            CoverageFacts(published: c.published, format: "2021", series: c.series, problems: c.problems),
            CoverageFacts(published: c.published, format: c.format, series: [.value(4), .unknown, .notComparable], problems: c.problems),
            CoverageFacts(published: c.published, format: c.format, series: [.unknown, .value(3), .notComparable], problems: c.problems),
            CoverageFacts(published: c.published, format: c.format, series: [.value(3), .notComparable, .unknown], problems: c.problems),
            CoverageFacts(published: c.published, format: c.format, series: [.value(3), .unknown], problems: c.problems),
            CoverageFacts(published: c.published, format: c.format, series: c.series, problems: []),
            CoverageFacts(published: c.published, format: c.format, series: c.series,
                          problems: [.init(anchor: "d2", isError: p.isError, message: p.message)]),
            CoverageFacts(published: c.published, format: c.format, series: c.series,
                          problems: [.init(anchor: p.anchor, isError: true, message: p.message)]),
            CoverageFacts(published: c.published, format: c.format, series: c.series,
                          problems: [.init(anchor: p.anchor, isError: p.isError, message: "n")]),
        ]
        let digests = [Self.digest(c)] + variants.map(Self.digest)
        #expect(Set(digests).count == digests.count)
        #expect(Self.digest(c) == Self.digest(Self.coverage))
    }

    @Test func everyRegionFieldMovesTheDigest() {
        let region = Region(province: "a", city: "b", county: "c", town: "d", code: "e",
                            codes: .init(province: "f", city: "g", county: "h", town: "i"))
        var variants: [Region] = []
        for key in [\Region.province, \.city, \.county, \.town, \.code, \.codes.province, \.codes.city, \.codes.county, \.codes.town]
            as [WritableKeyPath<Region, String?>] {
            var moved = region
            moved[keyPath: key] = "x"
            variants.append(moved)
            moved[keyPath: key] = nil
            variants.append(moved)
        }
        // A name moved from one level to the next is another region.
        variants.append(Region(province: nil, city: "a", county: "c", town: "d", code: "e", codes: region.codes))
        let digests = [region.digest] + variants.map(\.digest)
        #expect(Set(digests).count == digests.count)
    }
}
