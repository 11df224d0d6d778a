import Foundation
import NianbaoTestSupport
import ReportKit
import Testing

/// Runs the resolver over every corpus report with clues derived from the raw text alone (never
/// from the answer key) and counts, per field, answers hit and places that are wrong. A field
/// left `nil` is a miss, not a wrong place.
@Suite(.enabled(if: Fixture.hasShared, Fixture.sharedAbsent)) struct RegionResolverCorpusTests {
    @Test func placesNoCorpusReportWrongly() throws {
        let corpus = Fixture.shared.appendingPathComponent("corpus")
        let answers = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("answers").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        let raws = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("raw").path)
        let fields = ["province", "city", "county", "town", "code"]
        var hits = Dictionary(uniqueKeysWithValues: fields.map { ($0, 0) })
        var wrong = hits
        var total = hits
        var wrongFiles: [String] = [], misses: [String] = []
        let resolver = RegionResolver()
        for answer in answers {
            let id = String(answer.dropLast(5))
            guard let raw = raws.first(where: { $0.hasPrefix(id + ".") }) else { continue }
            let data = try Data(contentsOf: corpus.appendingPathComponent("raw/\(raw)"))
            var text = String(decoding: data, as: UTF8.self)
            if raw.hasSuffix(".html") { text = ClueBuilder.stripTags(text) }
            let key = try JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent("answers/\(answer)"))) as? [String: Any] ?? [:]
            let (region, _) = resolver.resolve(ClueBuilder.clues(from: text))
            let got: [String: String?] = ["province": region.province, "city": region.city, "county": region.county,
                                          "town": region.town, "code": region.code]
            for field in fields where key.keys.contains(field) {
                let expected = key[field] as? String
                total[field, default: 0] += 1
                let value = got[field] ?? nil
                if value == expected { hits[field, default: 0] += 1 } else if value == nil { misses.append("\(id).\(field)") }
                else if value != nil { wrong[field, default: 0] += 1; wrongFiles.append("\(id).\(field)=\(value ?? "") (key \(expected ?? "null"))") }
            }
        }
        for field in fields {
            print("region corpus check \(field): hits \(hits[field]!)/\(total[field]!), wrong \(wrong[field]!)")
        }
        if !misses.isEmpty { print("region corpus check misses: \(misses.joined(separator: ", "))") }
        if !wrongFiles.isEmpty { print("wrong: \(wrongFiles.joined(separator: ", "))") }
        #expect(total["code"]! == answers.count)
        #expect(wrong.values.reduce(0, +) == 0)
    }
}
