import Foundation
import Testing
@testable import SiteKit

/// `NIANBAO_BENCH=10000 swift test --filter renderManyReports` prints how long rendering
/// that many reports takes (each with tables 三 and 四 and a 200-line source).
@Suite struct RenderBenchmark {
    @Test func renderManyReports() throws {
        guard let n = ProcessInfo.processInfo.environment["NIANBAO_BENCH"].flatMap(Int.init) else { return }
        let text = (1...200).map { "第 \($0) 行：本机关依法公开政府信息。" }.joined(separator: "\n")
        let docs = (0..<n).map { i in
            Sample.document(Sample.report(source: "content/\(i).txt", body: "某县第\(i / 10)镇人民政府",
                                          region: Region(province: "某省", city: "某市", county: "第\(i / 500)县", town: "第\(i / 10)镇"),
                                          year: 2014 + i % 10, applications: Sample.tableThree, review: Sample.tableFour,
                                          diagnostics: [Sample.columnTotalWarning]), text: text)
        }
        let renderer = try SiteRenderer(config: Sample.config())
        let start = Date()
        let files = try renderer.render(docs)
        let seconds = Date().timeIntervalSince(start)
        let bytes = files.reduce(0) { $0 + $1.data.count }
        print("rendered \(n) reports → \(files.count) files, \(bytes / 1_000_000) MB in \(String(format: "%.1f", seconds)) s")
        let checkStart = Date()
        let broken = LinkChecker.brokenLinks(in: files)
        print("link check: \(broken.count) broken in \(String(format: "%.1f", Date().timeIntervalSince(checkStart))) s")
        #expect(broken.isEmpty)
        #expect(files.filter { $0.path.hasSuffix("/source.html") }.count == n)
    }
}
