import Foundation
import ReportKit

// The one place the golden tests turn a file into a `Report`, and a report into the JSON the
// golden files hold. Kept to two small functions so the lead can swap the body of
// `report(forFile:source:)` for the real pipeline (encoding detection, HTML to lines, region
// resolver) without touching the tests or the golden files.

enum GoldenSupport {
    /// Reads one report file the way the product does: encoding detection, HTML pages to
    /// lines, the parser with the division gazetteer.
    static func report(forFile url: URL, source: String) -> Report {
        let bytes = (try? Data(contentsOf: url)) ?? Data()
        let decoded = TextDecoder.decode([UInt8](bytes))
        let isHTML = ["html", "htm"].contains(url.pathExtension.lowercased())
        let lines = isHTML ? HTMLText.lines(decoded.text) : SourceText.lines(decoded.text)
        var report = ReportParser(resolver: RegionResolver(gazetteer: .shared)).parse(lines: lines, source: source)
        report.diagnostics = decoded.diagnostics + report.diagnostics
        return report
    }

    /// The report's `report.json` object with each diagnostic reduced to severity, code and
    /// line. Why without `message`: the wording of a message may improve at any time, while
    /// the code and the line are the contract a golden file pins.
    static func comparable(_ r: Report) -> JSONValue {
        guard case .object(let members) = r.json else { return r.json }
        return .object(members.map { key, value in
            guard key == "diagnostics" else { return (key, value) }
            return (key, .array(r.diagnostics.map { d in
                .object([
                    ("severity", .string(d.severity.rawValue)),
                    ("code", .string(d.code.rawValue)),
                    ("line", JSONValue(d.line)),
                ])
            }))
        })
    }
}
