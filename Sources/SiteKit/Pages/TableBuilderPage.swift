import Mustache

/// `data/table/`: build a table, as FOIA.gov's annual-report tool does — choose places,
/// fields and years, see the table, download it as CSV. The choices are drawn here (the years,
/// the counties, the columns of `DataColumn.standard`); `table-builder.js` reads the years'
/// published CSV and filters them in the browser. Without JavaScript the page is the list of
/// CSV downloads.
struct TableBuilderPage: Page {
    static let kind = PageKind(name: "table-builder", template: "table-builder", inSitemap: true)
    static let folder = DataPage.folder + "table/"
    let path = folder + "index.html"
    var summaries: [Int]? { nil }
    static var showsFigures: Bool { false }

    static func pages(in plan: SitePlan) -> [TableBuilderPage] { [TableBuilderPage()] }

    /// 报告页面 (the CSV's first column), 机关 and 年度: what every built table starts with.
    static let fixed = ([0] + ["body", "year"].map { key in 1 + DataRow.fields.firstIndex { $0.key == key }! })
        .map(String.init).joined(separator: ",")

    func frame(in plan: SitePlan) -> Listing<TableBuilderView> {
        let links = plan.links(Self.folder)
        let years = plan.years.map { y in
            ChoiceView(value: links.to(DataCSV.yearPath(y.key)), label: SitePlan.yearLabel(y.key), id: "y-" + y.key)
        }
        // Every province, city and county: a row is kept when its page lies under the place's folder.
        let map = plan.map
        let places = map.nodes.indices.map { n in (map.chain(n).map { map.nodes[$0].name }.joined(separator: " "), map.nodes[n].folder) }
            .sorted { $0.0 < $1.0 }.enumerated().map { i, place in ChoiceView(value: place.1, label: place.0, id: "p-\(i)") }
        // A column's value is its position in the CSV: the page column and `DataRow.fields` come first.
        let first = 1 + DataRow.fields.count
        var tables: [ChoiceGroupView] = []
        for (i, column) in DataColumn.standard.enumerated() {
            let choice = ChoiceView(value: String(first + i), label: column.row + " · " + (column.column.isEmpty ? "统计数" : column.column),
                                    id: "f-\(i)")
            if tables.last?.name == column.table { tables[tables.count - 1].choices.append(choice) } else {
                tables.append(ChoiceGroupView(name: column.table, choices: [choice]))
            }
        }
        let view = TableBuilderView(crumbs: plan.listCrumbs([("开放数据", DataPage.folder), ("自选制表", "")], links: links),
                                    root: links.root, css: links.to("assets/data.css"), fixed: Self.fixed, data: links.to(DataPage.folder), csv: links.to(DataCSV.sitePath),
                                    years: years, places: places, tables: tables)
        return Listing(title: "自选制表", view: view, scripts: ["assets/table-builder.js"])
    }
}

struct TableBuilderView: TemplateView, Encodable {
    let crumbs: [CrumbView]
    /// The site root from here (`../../`), to link a row to its report.
    let root: String
    let css: String
    /// The CSV positions of the columns every table starts with.
    let fixed: String
    let data: String
    let csv: String
    let years: [ChoiceView]
    let places: [ChoiceView]
    let tables: [ChoiceGroupView]

    func child(named key: String) -> Any? {
        switch key {
        case "crumbs": crumbs
        case "root": root
        case "css": css
        case "fixed": fixed
        case "data": data
        case "csv": csv
        case "years": years
        case "places": places
        case "tables": tables
        default: nil
        }
    }
}

/// A checkbox or option: what it sends, what it says, its element id.
struct ChoiceView: TemplateView, Encodable {
    let value: String
    let label: String
    let id: String

    func child(named key: String) -> Any? {
        switch key {
        case "value": value
        case "label": label
        case "id": id
        default: nil
        }
    }
}

struct ChoiceGroupView: TemplateView, Encodable {
    let name: String
    var choices: [ChoiceView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "choices": choices
        default: nil
        }
    }
}
