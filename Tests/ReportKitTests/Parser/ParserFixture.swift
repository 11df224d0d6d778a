import Foundation
import NianbaoTestSupport
@testable import ReportKit

/// Reads a parser fixture (`Fixtures/parser-*.…`) and parses it.
enum ParserFixture {
    static var directory: URL {
        Fixture.directory().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func parse(_ name: String) throws -> Report {
        ReportParser().parse(try text(name), source: name)
    }

    static func seed(_ prefix: String) throws -> (String, Report) {
        let dir = Fixture.seeds
        let name = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }!
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        return (text, ReportParser().parse(text, source: "content/" + name))
    }
}

extension Report {
    /// The diagnostics as (code, line) pairs, for exact comparison.
    var codesAndLines: [String] { diagnostics.map { "\($0.code.rawValue)@\($0.line.map(String.init) ?? "-")" } }
    func row(_ table: StatTable?, _ key: String) -> [Decimal?]? { table?[row: key]?.cells.map(\.value) }
}
