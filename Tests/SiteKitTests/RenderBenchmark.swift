import Foundation
import Testing
@testable import SiteKit

/// `NIANBAO_BENCH=2000 swift test --filter RenderBenchmark` prints how long drawing each kind
/// of page takes (one at a time, median per page), then rendering the whole site in
/// parallel, for that many reports (each with tables 三 and 四 and a 200-line source).
/// Prints only: a test never asserts a time. For figures worth quoting, build it in release:
/// `swift build -c release --build-tests -Xswiftc -enable-testing` and add `-c release` to the run.
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

        // Each page alone, by kind; and a report's four files together (its unit of work).
        let plan = renderer.plan(docs)
        var times: [String: [Double]] = [:]
        var perReport = Array(repeating: 0.0, count: docs.count)
        for path in plan.pages.keys.sorted() {
            func time<P: Page>(_ page: P) throws {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try renderer.draw(page, plan: plan, reports: page.reports.map { docs[$0] })
                let µs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3
                times[P.kind.name, default: []].append(µs)
                if page.reports.count == 1 { perReport[page.reports[0]] += µs }
            }
            try time(plan.pages[path]!)
        }
        times["(a report's 4 files)"] = perReport
        for (kind, t) in times.sorted(by: { $0.key < $1.key }) {
            let sorted = t.sorted()
            print(String(format: "  %-22@ %6d pages, median %7.0f µs, total %8.1f ms", kind as NSString, t.count,
                         sorted[sorted.count / 2], t.reduce(0, +) / 1000))
        }

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
