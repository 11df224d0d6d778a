import Foundation
import SiteKit

// The first two speed goals, each against a peer timed in the same process.
//
// corpus: parse every file of a corpus folder (the goal: the whole dev corpus in under one
//         second, release build) against the peer "decode only" (reading the same bytes into
//         text), so the figure says what parsing itself costs.
// gazetteer: the first load of the division gazetteer in this fresh process (the goal: it
//         adds under 50 ms to a build) against a whole build of content/ into a temporary
//         folder, timed after the load, so the ratio says what share of a build it is.

func corpusBenchmark(_ corpusDir: String) throws {
    let files = try ContentFolder.discover(in: URL(fileURLWithPath: corpusDir)).entries
    precondition(!files.isEmpty, "no report files in \(corpusDir)")
    let bytes = try files.map { try Data(contentsOf: $0.url) }
    let reader = BenchToolchain.reader
    var decoded = 0
    let decodeOnly = Bench.median {
        decoded = 0
        for b in bytes { decoded += TextDecoder.decode([UInt8](b)).text.utf8.count }
    }
    var reports: [Report] = []
    let parse = Bench.median {
        reports = zip(files, bytes).compactMap { file, data in
            reader.read(data, path: file.relativePath, source: file.relativePath).report
        }
    }
    precondition(reports.count == files.count && decoded > 0)
    print("corpus: \(files.count) files, \(bytes.reduce(0) { $0 + $1.count } / 1024) KB")
    print("  decode + parse + check: \(Bench.ms(parse))   (goal: under 1000 ms)")
    print("  peer, decode only:      \(Bench.ms(decodeOnly))")
    print("  ratio: \(Bench.ratio(parse, decodeOnly)) the cost of decoding alone")
}

enum BenchToolchain {
    static var reader: ReportReader { .standard }
}

func gazetteerBenchmark() async throws {
    let start = DispatchTime.now().uptimeNanoseconds
    let count = Gazetteer.shared.count
    let load = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    precondition(count == 44_699, "gazetteer has \(count) divisions")
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: out) }
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let plan = try BuildPlan.resolve(root: root, content: nil, output: out.path, theme: nil, baseURL: nil)
    var result: Pipeline.Result?
    var pipeline = Pipeline(plan: plan)
    pipeline.clean = true   // a full build each time, not a rebuild from the cache
    let build = try await Bench.median(runs: 5) { result = try await pipeline.build() }
    precondition((result?.reports ?? 0) > 0)
    print("gazetteer: first load \(Bench.ms(load))   (goal: under 50 ms)")
    print("  peer, build of content/ (\(result!.reports) reports, \(result!.pages) pages) after the load: \(Bench.ms(build))")
    print("  ratio: the load is \(Bench.ratio(load, build)) a build of content/")
}

