import Foundation

/// `data/fields.json`: the CSV's columns as data (key, header, official names, eras), and the
/// files to download by year and by county, for the table builder (`table-builder.js`) and
/// for scripts that want the dictionary without reading the page.
struct DataFieldsFile: Page {
    static let kind = PageKind(name: "data-fields", template: nil, inSitemap: false)
    static let sitePath = "data/fields.json"
    let path = sitePath
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [DataFieldsFile] { [DataFieldsFile()] }

    struct Frame: Encodable, Sendable {
        struct Field: Encodable, Sendable { let key, name, about: String }
        struct Download: Encodable, Sendable { let name, csv: String; let reports: Int }
        /// The CSV's first column, then `DataRow.fields`.
        let fields: [Field]
        let columns: [DataColumn]
        let years: [Download]
        let counties: [Download]
    }

    func frame(in plan: SitePlan) -> Frame {
        let fields = [Frame.Field(key: "page", name: "报告页面", about: "报告在本站的页面，相对站点根目录")]
            + DataRow.fields.map { Frame.Field(key: $0.key, name: $0.name, about: $0.about) }
        return Frame(fields: fields, columns: DataColumn.standard,
                     years: plan.years.map { Frame.Download(name: SitePlan.yearLabel($0.key), csv: DataCSV.yearPath($0.key),
                                                            reports: $0.reports.count) },
                     counties: plan.dataCounties.map { Frame.Download(name: $0.name, csv: $0.csv, reports: $0.reports) })
    }

    func draw(_ frame: Frame, reports: [ParsedDocument]) throws -> Drawing {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return .data(try encoder.encode(frame) + Data("\n".utf8))
    }
}

extension SitePlan {
    /// Every county with its CSV, by region chain.
    var dataCounties: [(name: String, csv: String, reports: Int)] {
        map.counties.map { c in
            (map.chain(c).map { map.nodes[$0].name }.joined(separator: " "), map.nodes[c].folder + DataCSV.name, map.nodes[c].reportCount)
        }.sorted { $0.name < $1.name }
    }
}
