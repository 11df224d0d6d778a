import Mustache

/// `data/`: the open data — what to download (the portal's CSV, each year's CSV and ZIP,
/// each county's CSV, the schema) and the data dictionary: every CSV column with the official
/// table, row and column it holds, read from the forms as data (`DataColumn`).
struct DataPage: Page {
    static let kind = PageKind(name: "data", template: "data", inSitemap: true)
    static let folder = "data/"
    let path = folder + "index.html"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [DataPage] { [DataPage()] }

    func frame(in plan: SitePlan) -> Listing<DataPageView> {
        let links = plan.links(Self.folder)
        let years = plan.years.map { y in
            DownloadView(name: SitePlan.yearLabel(y.key), reports: y.reports.count, csv: links.to(DataCSV.yearPath(y.key)),
                         zip: links.to(DataZip.zipPath(y.key)))
        }
        let counties = plan.dataCounties.map { DownloadView(name: $0.name, reports: $0.reports, csv: links.to($0.csv), zip: "") }
        var fields = [DataFieldView(name: "报告页面", key: "—", about: "报告在本站的页面，相对站点根目录")]
        fields += DataRow.fields.map { DataFieldView(name: $0.name, key: $0.key, about: $0.about) }
        var tables: [DataTableView] = []
        for column in DataColumn.standard {
            let view = DataColumnView(name: column.name, key: column.key, row: column.row, column: column.column,
                                      eras: column.eras.map { Format(rawValue: $0)?.label ?? $0 }.joined(separator: "、"))
            if tables.last?.table == column.table {
                tables[tables.count - 1].columns.append(view)
            } else {
                tables.append(DataTableView(table: column.table, columns: [view]))
            }
        }
        let view = DataPageView(crumbs: plan.listCrumbs([("开放数据", "")], links: links), reports: plan.summaries.count,
                                csv: links.to(DataCSV.sitePath), schema: links.to(ReportSchema.path),
                                fieldsJSON: links.to(DataFieldsFile.sitePath), builder: links.to(TableBuilderPage.folder),
                                years: years, counties: counties, hasCounties: !counties.isEmpty, fields: fields,
                                columnCount: 1 + DataRow.fields.count + DataColumn.standard.count, tables: tables)
        return Listing(title: "开放数据", view: view)
    }
}

struct DataPageView: TemplateView, Encodable {
    let crumbs: [CrumbView]
    let reports: Int
    let csv: String
    let schema: String
    let fieldsJSON: String
    let builder: String
    let years: [DownloadView]
    let counties: [DownloadView]
    let hasCounties: Bool
    let fields: [DataFieldView]
    let columnCount: Int
    let tables: [DataTableView]

    func child(named key: String) -> Any? {
        switch key {
        case "crumbs": crumbs
        case "reports": reports
        case "csv": csv
        case "schema": schema
        case "fieldsJSON": fieldsJSON
        case "builder": builder
        case "years": years
        case "counties": counties
        case "hasCounties": hasCounties
        case "fields": fields
        case "columnCount": columnCount
        case "tables": tables
        default: nil
        }
    }
}

/// A year's or a county's files; `zip` is "" for a county.
struct DownloadView: TemplateView, Encodable {
    let name: String
    let reports: Int
    let csv: String
    let zip: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "reports": reports
        case "csv": csv
        case "zip": zip
        default: nil
        }
    }
}

struct DataFieldView: TemplateView, Encodable {
    let name: String
    let key: String
    let about: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "key": self.key
        case "about": about
        default: nil
        }
    }
}

/// The columns of one official table.
struct DataTableView: TemplateView, Encodable {
    let table: String
    var columns: [DataColumnView]

    func child(named key: String) -> Any? {
        switch key {
        case "table": table
        case "columns": columns
        default: nil
        }
    }
}

struct DataColumnView: TemplateView, Encodable {
    let name: String
    let key: String
    let row: String
    let column: String
    let eras: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "key": self.key
        case "row": row
        case "column": column
        case "eras": eras
        default: nil
        }
    }
}
