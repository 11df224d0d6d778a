import Foundation

/// `data/report.schema.json`: the JSON Schema of report.json (`ReportSchema`), at a stable
/// address; its `$id` is that address when the site's base URL is known.
struct DataSchemaFile: Page {
    static let kind = PageKind(name: "data-schema", template: nil, inSitemap: false)
    let path = ReportSchema.path
    var summaries: [Int]? { [] }

    static func pages(in plan: SitePlan) -> [DataSchemaFile] { [DataSchemaFile()] }

    /// The schema's text.
    func frame(in plan: SitePlan) -> String {
        ReportSchema.json(id: plan.config.absoluteBase.map { $0 + ReportSchema.path }).serialized(pretty: true) + "\n"
    }

    func draw(_ frame: String, reports: [ParsedDocument]) -> Drawing { .data(Data(frame.utf8)) }
}
