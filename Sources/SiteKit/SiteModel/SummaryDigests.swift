import Foundation
import ReportKit

// What a report's summary digests (`ReportSummary.summary`, `labels`) are fed of its region
// and coverage, field by field, each list with its length first and each optional with a
// tag. Every build summarises every report (10,000 at a time); through `DigestEncoder`, a
// `Codable` walk with a container for every level, these two were two thirds of the time
// to summarise one. `SummaryDigestTests` names every field the feeds below must take: a
// field added to either type and not fed here fails it.

extension CoverageFacts {
    func digest(into d: inout Digest) {
        d.add(published)
        d.add(format)
        d.add(series.count)
        for value in series {
            switch value {
            case .value(let number):
                d.tag(1)
                d.add("\(number)")
            case .unknown: d.tag(2)
            case .notComparable: d.tag(3)
            }
        }
        Self.digest(problems, into: &d)
    }

    static func digest(_ problems: [Problem], into d: inout Digest) {
        d.add(problems.count)
        for problem in problems {
            d.add(problem.anchor)
            d.add(problem.isError)
            d.add(problem.message)
        }
    }
}

extension Region {
    /// Its names and codes in turn (one by one, not through an array made for each summary).
    var digest: UInt64 {
        var d = Digest()
        d.add(province); d.add(city); d.add(county); d.add(town); d.add(code)
        d.add(codes.province); d.add(codes.city); d.add(codes.county); d.add(codes.town)
        return d.value
    }
}
