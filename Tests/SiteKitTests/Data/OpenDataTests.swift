import Foundation
import NianbaoTestSupport
import Testing
import ZIPFoundation
@testable import SiteKit

/// The open data of a whole built site, read back: every CSV against the report.json files
/// beside the reports, every report.json against the schema, every year's ZIP against the files.
/// Run over the seeds (content/) and the corpus (../shared/corpus/raw, skipped when absent).
@Suite struct OpenDataTests {
    /// The site a build of a content folder writes (the streaming build, as `nianbao build`
    /// runs it), path → bytes, read back from a temporary folder.
    static func site(_ content: URL, baseURL: String? = nil) async throws -> [String: Data] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let plan = try BuildPlan.resolve(root: root, content: content.path, output: out.path,
                                         theme: Sample.themeDirectory.path, baseURL: baseURL)
        _ = try await Pipeline(plan: plan).build()
        var files: [String: Data] = [:]
        let walk = FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walk?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(out.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// A JSON object from a file of the site.
    static func object(_ data: Data?) throws -> [String: Any] {
        let data = try #require(data)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static let seeds = Fixture.repositoryRoot.appendingPathComponent("content")
    static let corpus = Fixture.shared.appendingPathComponent("corpus/raw")

    @Test func seedsRoundTrip() async throws {
        let site = try await Self.site(Self.seeds)
        #expect(try Self.roundTrip(site) == 5)
    }

    @Test(.enabled(if: Fixture.hasShared, Fixture.sharedAbsent))
    func corpusRoundTrips() async throws {
        let site = try await Self.site(Self.corpus)
        let reports = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }.count
        #expect(try Self.roundTrip(site) == reports)
    }

    /// Checks every CSV of `site`, returns the number of rows of the portal's CSV.
    static func roundTrip(_ site: [String: Data]) throws -> Int {
        let header = ["报告页面"] + DataRow.fields.map(\.name) + DataColumn.standard.map(\.name)
        let portal = CSV.parse(try #require(site[DataCSV.sitePath]))
        #expect(portal.first == header)
        let byPage = Dictionary(uniqueKeysWithValues: portal.dropFirst().map { ($0[0], $0) })
        let jsons = site.keys.filter { $0.hasSuffix("/report.json") }
        #expect(Set(byPage.keys) == Set(jsons.map { String($0.dropLast("report.json".count)) }))
        for row in portal.dropFirst() {
            #expect(row.count == header.count)
            let json = try object(site[row[0] + "report.json"])
            check(row, against: json)
        }
        // The year and county files hold exactly the portal's rows of their reports.
        let csvs = site.keys.filter { $0.hasSuffix("/" + DataCSV.name) && $0 != DataCSV.sitePath }
        #expect(!csvs.isEmpty)
        for path in csvs {
            let rows = CSV.parse(site[path]!)
            #expect(rows.first == header, "\(path)")
            let expected: [[String]]
            if path.hasPrefix("years/") {
                let year = path.split(separator: "/")[1]
                expected = portal.dropFirst().filter { ($0[9].isEmpty ? "unknown-year" : $0[9]) == year }
            } else {
                let folder = String(path.dropLast(DataCSV.name.count))
                expected = portal.dropFirst().filter { $0[0].hasPrefix(folder) }
            }
            #expect(Array(rows.dropFirst()) == expected, "\(path)")
        }
        return portal.count - 1
    }

    /// One CSV row against its report.json: every field and every number, and every number of
    /// the report's standard tables and legacy key rows is in the row.
    static func check(_ row: [String], against json: [String: Any]) {
        func text(_ v: Any?) -> String {
            switch v {
            case let s as String: s
            case let n as NSNumber: n.stringValue
            default: ""
            }
        }
        func at(_ path: String) -> Any? {
            path.split(separator: ".").reduce(json as Any?) { ($0 as? [String: Any])?[String($1)] }
        }
        let page = row[0]
        for (i, field) in DataRow.fields.enumerated() {
            let expected: String = switch field.key {
            case "diagnostics": String((json["diagnostics"] as! [Any]).count)
            case "problems": String((json["diagnostics"] as! [[String: Any]]).filter { $0["severity"] as? String != "info" }.count)
            // The title is the page's, not in report.json: nothing to compare it with.
            case "title": row[1 + i]
            default: text(at(field.key))
            }
            let defused = expected.first.map { "=+-@".contains($0) } == true ? "'" + expected : expected
            #expect(row[1 + i] == defused, "\(page) \(field.name)")
        }
        let first = 1 + DataRow.fields.count
        var seen = Set<String>()
        for (i, column) in DataColumn.standard.enumerated() {
            seen.insert(column.key)
            let cell = row[first + i]
            let (table, rowKey, columnKey) = column.parts
            let cells = (json[table.rawValue] as? [String: Any])?[rowKey]
            let value = (columnKey.map { (cells as? [String: Any])?[$0] } ?? cells) as? NSNumber
            if let value {
                #expect(Double(cell) == value.doubleValue, "\(page) \(column.key): CSV \(cell), JSON \(value)")
            } else {
                #expect(cell == "", "\(page) \(column.key): CSV \(cell), JSON null")
            }
        }
        for kind in ["active", "applications", "review"] {
            for (rowKey, cells) in json[kind] as? [String: [String: Any]] ?? [:] {
                for (columnKey, value) in cells where value is NSNumber {
                    #expect(seen.contains("\(kind).\(rowKey).\(columnKey)"), "\(page): \(kind).\(rowKey).\(columnKey) has no column")
                }
            }
        }
    }

    @Test func everyReportJSONFollowsTheSchema() async throws {
        var sites = [try await Self.site(Self.seeds)]
        if Fixture.hasShared { sites.append(try await Self.site(Self.corpus)) }
        for site in sites {
            let schema = try Self.object(site[ReportSchema.path])
            let files = site.keys.filter { $0.hasSuffix("/report.json") }.sorted()
            #expect(!files.isEmpty)
            for path in files {
                let json = try JSONSerialization.jsonObject(with: site[path]!)
                #expect(JSONSchemaValidator.errors(json, schema) == [], "\(path)")
            }
        }
    }

    /// The schema is strict where the forms are: a row or a column the form lacks, a cell
    /// that is not a number, an unknown format are errors.
    @Test func theSchemaRefusesWhatTheContractForbids() async throws {
        let schema = try Self.object(Data(ReportSchema.json(id: nil).serialized().utf8))
        let report = Sample.report(source: "content/b.txt", body: "兴庆区掌政镇人民政府", region: SiteRenderTests.xingqing, year: 2020,
                                   applications: Sample.tableThree, review: Sample.tableFour, diagnostics: [Sample.columnTotalWarning])
        let good = report.json.serialized()
        func errors(_ text: String) throws -> [String] {
            JSONSchemaValidator.errors(try JSONSerialization.jsonObject(with: Data(text.utf8)), schema)
        }
        #expect(try errors(good) == [])
        #expect(try errors(good.replacingOccurrences(of: "\"denied.stateSecret\"", with: "\"denied.secret\""))
                == ["$.applications: matches none of anyOf: $.applications: not null; $.applications: unexpected key denied.secret"])
        #expect(try errors(good.replacingOccurrences(of: "\"naturalPerson\":3", with: "\"naturalPerson\":\"3\"")).count == 1)
        #expect(try errors(good.replacingOccurrences(of: "\"format\":\"2019\"", with: "\"format\":\"2020\""))
                == ["$.format: not one of [\"2021\", \"2019\", \"legacy\", \"unknown\"]"])
        #expect(try errors(good.replacingOccurrences(of: "\"year\":2020", with: "\"year\":2020.5")) == ["$.year: not integer|null"])
    }

    @Test func aYearsZIPHoldsItsCSVAndReportJSONInOrder() async throws {
        let site = try await Self.site(Self.seeds)
        let zipData = try #require(site[DataZip.zipPath("2020")])
        let archive = try Archive(data: zipData, accessMode: .read)
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            let expected = entry.path == DataCSV.name ? site[DataCSV.yearPath("2020")] : entry.path == "report.schema.json"
                ? site[ReportSchema.path] : site[entry.path]
            #expect(data == expected, "\(entry.path)")
            #expect(entry.fileAttributes[.modificationDate] as? Date == DataZip.entryDate)
        }
        let reports = site.keys.filter { $0.hasSuffix("/2020/report.json") }
        #expect(names == (reports + [DataCSV.name, "report.schema.json"]).sorted())
        #expect(reports.count == 3)
        // The same files in another order make the same bytes.
        let files = names.map { ($0, Data($0.utf8)) }
        #expect(try DataZip.archive(files) == DataZip.archive(files.reversed()))
    }

    /// The pages of the open data are there, and link to files that exist.
    @Test func theDataPagesLinkToTheFiles() async throws {
        let site = try await Self.site(Self.seeds)
        let page = String(decoding: try #require(site["data/index.html"]), as: UTF8.self)
        for href in ["reports.csv", "report.schema.json", "fields.json", "table/", "2020.zip", "../years/2020/reports.csv",
                     "../ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/reports.csv"] {
            #expect(page.contains("href=\"\(href)\""), "\(href)")
        }
        #expect(page.contains("<tr><th scope=\"row\">表三 三、本年度办理结果 （三）不予公开 1.属于国家秘密 自然人</th>"))
        let builder = String(decoding: try #require(site["data/table/index.html"]), as: UTF8.self)
        #expect(builder.contains("data-fixed=\"0,3,9\""))
        #expect(builder.contains("value=\"../../years/2020/reports.csv\""))
        // Places: every province, city and county by its folder (seeds: 宁夏, 黑龙江; 银川, 固原, 哈尔滨; 5 counties).
        #expect(builder.contains("name=\"place\" value=\"ningxiahuizuzizhiqu/yinchuanshi/\"> 宁夏回族自治区 银川市</label>"))
        #expect(builder.components(separatedBy: "name=\"place\"").count - 1 == 2 + 3 + 5)
        // Every page's navigation leads to the open data.
        #expect(page.contains("<a href=\"./\">开放数据</a>"))
        #expect(String(decoding: try #require(site["index.html"]), as: UTF8.self).contains("<a href=\"data/\">开放数据</a>"))
        #expect(builder.contains("<script src=\"../../assets/table-builder.js\"></script>"))
        #expect(site["assets/table-builder.js"] != nil)
        let fields = try Self.object(site[DataFieldsFile.sitePath])
        #expect((fields["columns"] as? [Any])?.count == 230)
        #expect((fields["fields"] as? [Any])?.count == 14)
    }
}
