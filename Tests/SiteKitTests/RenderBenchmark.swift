import Foundation
import Mustache
import Testing
@testable import SiteKit

/// `NIANBAO_BENCH=2000 swift test --filter RenderBenchmark` prints how long drawing each kind
/// of page takes (one at a time, median per page), then rendering the whole site in
/// parallel, for that many reports (each with tables 三 and 四 and a 200-line source).
/// Prints only: a test never asserts a time. For figures worth quoting, build it in release:
/// `swift build -c release --build-tests -Xswiftc -enable-testing` and add `-c release` to the run.
///
/// `NIANBAO_BENCH_KIND=report` draws only the pages of that kind (`none`: none), once, and
/// stops: run under `valgrind --tool=callgrind`, the instructions of a kind less those of
/// `none`, divided by its number of pages, are the instructions per page, unaffected by
/// whatever else the machine is doing.
@Suite struct RenderBenchmark {
    @Test func renderManyReports() throws {
        guard let n = ProcessInfo.processInfo.environment["NIANBAO_BENCH"].flatMap(Int.init) else { return }
        let docs = Self.documents(n)
        let renderer = try SiteRenderer(config: Sample.config())

        // Each page alone, by kind; and a report's four files together (its unit of work).
        let plan = renderer.plan(docs)
        let only = ProcessInfo.processInfo.environment["NIANBAO_BENCH_KIND"]
        var times: [String: [Double]] = [:]
        var perReport = Array(repeating: 0.0, count: docs.count)
        for path in plan.pages.keys.sorted() {
            func time<P: Page>(_ page: P) throws {
                guard only == nil || only == P.kind.name else { return }
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try renderer.draw(page, plan: plan, reports: page.reports.map { docs[$0] })
                let µs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3
                times[P.kind.name, default: []].append(µs)
                if page.reports.count == 1 { perReport[page.reports[0]] += µs }
            }
            try time(plan.pages[path]!)
        }
        if only == nil { times["(a report's 4 files)"] = perReport }
        for (kind, t) in times.sorted(by: { $0.key < $1.key }) {
            let sorted = t.sorted()
            print(String(format: "  %-22@ %6d pages, median %7.0f µs, total %8.1f ms", kind as NSString, t.count,
                         sorted[sorted.count / 2], t.reduce(0, +) / 1000))
        }
        guard only == nil else { return }

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

    /// Each kind's template drawn from its view as it is (answering by name) and from the same
    /// view read through `Mirror` (the peer: how Mustache reads a value that does not answer
    /// by name, which every view did before), alternately in one run, so the ratio holds
    /// whatever else the machine is doing. `NIANBAO_BENCH=200` is enough.
    @Test func viewsAgainstMirror() throws {
        guard let n = ProcessInfo.processInfo.environment["NIANBAO_BENCH"].flatMap(Int.init) else { return }
        let docs = Self.documents(n)
        let renderer = try SiteRenderer(config: Sample.config())
        let plan = renderer.plan(docs)
        var views: [String: [(String, any TemplateView)]] = [:]
        for path in plan.pages.keys.sorted() {
            func view<P: Page>(_ page: P) throws {
                guard let template = P.kind.template, (views[P.kind.name]?.count ?? 0) < 200,
                      case let .html(_, view, _, _) = try page.draw(page.frame(in: plan), reports: page.reports.map { docs[$0] })
                else { return }
                views[P.kind.name, default: []].append((template, view))
            }
            try view(plan.pages[path]!)
        }
        // The layout around each report page.
        views["layout"] = try (views["report"] ?? []).map { template, view in
            let content = try renderer.theme.render(template, view)
            return ("layout", LayoutView(config: renderer.config, path: "a/b/2020/index.html", pageTitle: "标题", content: content,
                                         scripts: [], refresh: ""))
        }
        for (kind, list) in views.sorted(by: { $0.key < $1.key }) {
            var named = 0.0, mirrored = 0.0
            let rounds = max(3, 600 / list.count)
            for (template, view) in list { _ = try renderer.theme.render(template, view) }  // warm up
            for _ in 0..<rounds {
                for (template, view) in list {
                    var start = DispatchTime.now().uptimeNanoseconds
                    let a = try renderer.theme.render(template, view)
                    named += Double(DispatchTime.now().uptimeNanoseconds - start)
                    start = DispatchTime.now().uptimeNanoseconds
                    let b = try renderer.theme.render(template, MirrorPeer(base: view))
                    mirrored += Double(DispatchTime.now().uptimeNanoseconds - start)
                    #expect(a == b)
                }
            }
            let pages = Double(rounds * list.count) * 1000
            print(String(format: "  %-10@ %4d pages: by name %7.0f µs, through Mirror %7.0f µs, ratio %.2f×", kind as NSString,
                         list.count, named / pages, mirrored / pages, mirrored / named))
        }
    }

    static func documents(_ n: Int) -> [ParsedDocument] {
        let text = (1...200).map { "第 \($0) 行：本机关依法公开政府信息。" }.joined(separator: "\n")
        return (0..<n).map { i in
            Sample.document(Sample.report(source: "content/\(i).txt", body: "某县第\(i / 10)镇人民政府",
                                          region: Region(province: "某省", city: "某市", county: "第\(i / 500)县", town: "第\(i / 10)镇"),
                                          year: 2014 + i % 10, applications: Sample.tableThree, review: Sample.tableFour,
                                          diagnostics: [Sample.columnTotalWarning]), text: text)
        }
    }
}

/// A view read as swift-mustache reads a value that is not a `MustacheParent`: `Mirror` over
/// its children, filtered by label, then a second `Mirror` to unwrap an optional, on every
/// lookup (its `Mirror.getValue(forKey:)`). The table's cells and rows keep answering by name,
/// as they did before the views did.
struct MirrorPeer: MustacheParent {
    let base: Any

    func child(named name: String) -> Any? {
        guard let value = Mirror(reflecting: base).children.filter({ $0.label == name }).first?.value else { return nil }
        let optional = Mirror(reflecting: value)
        if optional.displayStyle == .optional { return optional.children.first.map { Self.wrap($0.value) } }
        return Self.wrap(value)
    }

    static func wrap(_ value: Any) -> Any {
        if value is any TemplateView { return MirrorPeer(base: value) }
        if let views = value as? [any TemplateView] { return views.map { MirrorPeer(base: $0) } }
        return value
    }
}
