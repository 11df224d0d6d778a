import Foundation
import InputKit
import ReportKit

// The one place the golden tests turn a file into a `Report` (through the product's own
// reading path, `ReportReader`), and a report into the JSON the golden files hold.

enum GoldenSupport {
    /// Reads one report file the way the product does (`ReportReader.standard`); a file that
    /// is not a report becomes an empty report carrying the reader's errors, so the golden
    /// comparison shows them.
    static func report(forFile url: URL, source: String) -> Report {
        let outcome = ReportReader.standard.read(fileAt: url, path: url.lastPathComponent, source: source)
        return outcome.report ?? Report(source: source, diagnostics: outcome.problems)
    }

    /// The report's `report.json` object with each diagnostic reduced to severity, code, line
    /// and subject (the table, row and cell it is about, `null` for prose and the file). Why
    /// without `message`: the wording of a message may improve at any time, while the code,
    /// the line and the subject are the contract a golden file pins.
    static func comparable(_ r: Report) -> JSONValue {
        guard case .object(let members) = r.json else { return r.json }
        return .object(members.map { key, value in
            guard key == "diagnostics" else { return (key, value) }
            return (key, .array(r.diagnostics.map { d in
                .object([
                    ("severity", .string(d.severity.rawValue)),
                    ("code", .string(d.code.rawValue)),
                    ("line", JSONValue(d.line)),
                    ("subject", d.subject.map { s in
                        .object([("table", .string(s.table.rawValue)), ("row", JSONValue(s.row)), ("column", JSONValue(s.column))])
                    } ?? .null),
                ])
            }))
        })
    }
}
