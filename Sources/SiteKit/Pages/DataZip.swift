import Foundation
import ZIPFoundation

/// `data/<year>.zip`: a year's open data in one download — its CSV, every report.json at its
/// folder's path, and the schema. The bytes depend only on the contents: entries sorted by
/// path, one fixed modification time, deflate at its default level.
///
/// The one data file drawn from full reports (their report.json), so it lists the year's
/// reports in `reports` — and reads them one at a time (`StreamedPage`), so a year of many
/// reports does not hold them all parsed at once.
struct DataZip: StreamedPage {
    static let kind = PageKind(name: "data-zip", template: nil, inSitemap: false)
    let key: String
    let path: String
    let reports: [Int]
    var summaries: [Int]? { reports }

    static func pages(in plan: SitePlan) -> [DataZip] {
        plan.years.map { DataZip(key: $0.key, path: zipPath($0.key), reports: $0.reports.sorted()) }
    }

    static func zipPath(_ key: String) -> String { "data/\(key).zip" }

    /// 2000-01-01 12:00 UTC: every entry's time (ZIPFoundation writes it as UTC, so the bytes
    /// do not depend on the machine's time zone).
    static let entryDate = Date(timeIntervalSince1970: 946_728_000)

    struct Frame: Encodable, Sendable {
        /// The year's CSV.
        let csv: [String]
        /// Each report's folder, in `reports` order.
        let folders: [String]
        let schema: String
    }

    func frame(in plan: SitePlan) -> Frame {
        Frame(csv: DataCSV.lines(plan, reports), folders: reports.map { plan.map.reportFolder[$0] },
              schema: DataSchemaFile().frame(in: plan))
    }

    /// Reads the year's reports one at a time (`StreamedPage`): only their report.json stays.
    /// A report whose report.json this build keeps is not read at all: its entry is the kept
    /// file; and every entry the previous ZIP has with the same bytes is copied from it, not
    /// deflated again (`ZipSplice`), so adding a report deflates one entry and the CSV.
    func draw(_ frame: Frame, previous: PreviousFiles,
              visit: (Int, (ParsedDocument) throws -> Void) throws -> Void) throws -> Drawing {
        var files: [(String, Data)] = [(DataCSV.name, CSV.file(frame.csv)), ("report.schema.json", Data(frame.schema.utf8))]
        for (i, folder) in zip(reports, frame.folders) {
            let path = folder + "report.json"
            if let kept = previous.kept(path) {
                files.append((path, kept))
            } else {
                try visit(i) { files.append((path, ReportData.bytes($0.report))) }
            }
        }
        if let old = previous.old(path), let spliced = try ZipSplice.archive(files, previous: old) { return .data(spliced) }
        return .data(try Self.archive(files))
    }

    func draw(_ frame: Frame, reports parsed: [ParsedDocument]) throws -> Drawing {
        let byIndex = Dictionary(zip(reports, parsed), uniquingKeysWith: { a, _ in a })
        return try draw(frame, previous: .none) { i, use in try use(byIndex[i]!) }
    }

    /// A ZIP of `files`, sorted by path, deflated, with `entryDate` on every entry.
    static func archive(_ files: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in files.sorted(by: { $0.0 < $1.0 }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
