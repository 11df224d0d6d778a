import ArgumentParser
import Foundation
import SiteKit

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the parsed reports as a JSON array (the report.json objects).")

    @Argument(help: "Report files.")
    var paths: [String]

    func run() throws {
        let reader = ReportReader()
        var items: [JSONValue] = []
        for path in paths {
            let doc = try SourceLoader.load(URL(fileURLWithPath: path), path: path)
            items.append(reader.read(doc, source: path).json)
        }
        print(JSONValue.array(items).serialized(pretty: true))
    }
}
