import Foundation

/// `nianbao-bench generate --reports N --out DIR [--seed S]`: writes the generated reports as a
/// nianbao content folder and as a Hugo site, and a manifest of what each report must parse as.
///
///     DIR/content/r000000.txt …   the reports, as publishers drop them
///     DIR/hugo/                   the same reports as a Hugo site (config, layouts, content/reports)
///     DIR/manifest.tsv            file · era · layout · broken rule · expected warning codes
enum GenerateCommand {
    static func run(option: (String) -> String?, flag: (String) -> Bool) throws {
        guard let out = option("--out") else { throw BenchError.usage("generate needs --out DIR") }
        let count = try BenchError.int(option("--reports") ?? "1000", "--reports")
        let seed = UInt64(try BenchError.int(option("--seed") ?? "2024", "--seed"))
        let start = Date()
        let reports = CorpusGenerator(seed: seed).reports(count: count)
        try write(reports, to: URL(fileURLWithPath: out))
        let bytes = reports.reduce(0) { $0 + $1.bytes.count }
        print(String(format: "generated %d reports (%d MB, %d broken on purpose) into %@ in %.1f s", reports.count,
                     bytes / 1_000_000, reports.filter { $0.fault != nil }.count, out, Date().timeIntervalSince(start)))
    }

    /// Writes a fresh work folder (anything there before is removed).
    static func write(_ reports: [GeneratedReport], to root: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: root)
        try fm.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try HugoSite.writeSkeleton(at: root.appendingPathComponent("hugo"))
        for report in reports { try add(report, to: root) }
        let manifest = reports.map { r in
            [r.fileName, r.era.rawValue, r.layout.rawValue, r.fault?.rawValue ?? "-", r.expectedCodes.sorted().joined(separator: ",")]
                .joined(separator: "\t")
        }
        try Data((["file\tera\tlayout\tbroken\texpected"] + manifest).joined(separator: "\n").appending("\n").utf8)
            .write(to: root.appendingPathComponent("manifest.tsv"))
    }

    /// Writes one report into both sites (also how the benchmark adds and edits a report).
    static func add(_ report: GeneratedReport, to root: URL) throws {
        try Data(report.bytes).write(to: root.appendingPathComponent("content").appendingPathComponent(report.fileName))
        let hugoFile = root.appendingPathComponent("hugo").appendingPathComponent(HugoSite.path(of: report))
        try Data(HugoSite.markdown(report).utf8).write(to: hugoFile)
    }

    /// Removes one report from both sites.
    static func remove(_ report: GeneratedReport, from root: URL) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("content").appendingPathComponent(report.fileName))
        try FileManager.default.removeItem(at: root.appendingPathComponent("hugo").appendingPathComponent(HugoSite.path(of: report)))
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let s): "usage: \(s)"
        case .failed(let s): s
        }
    }

    static func int(_ text: String, _ name: String) throws -> Int {
        guard let n = Int(text), n >= 0 else { throw usage("\(name) takes a number, not \(text)") }
        return n
    }
}
