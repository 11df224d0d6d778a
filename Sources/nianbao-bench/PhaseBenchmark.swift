import Foundation
import SiteKit

/// `nianbao-bench phases --content DIR [--runs R]`: where a build's time goes, in this
/// process, each figure beside the whole build as its peer: the first pass alone (read,
/// parse and check every report: `Pipeline.check` with no cache), a full build into an empty
/// folder (both passes: scan, then plan, draw and write), then from the cache a build with
/// nothing changed and one after an edit of one report. Wall and CPU time (getrusage of this
/// process) side by side: a phase whose CPU time is well under twice its wall time on two
/// cores is serial or waits on the disk.
enum PhaseBenchmark {
    static func run(option: (String) -> String?) async throws {
        guard let content = option("--content") else { throw BenchError.usage("phases needs --content DIR (see `generate`)") }
        let runs = max(1, try BenchError.int(option("--runs") ?? "3", "--runs"))
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let output = URL(fileURLWithPath: NSTemporaryDirectory() + "nianbao-bench-phases-\(getpid())")
        defer { try? FileManager.default.removeItem(at: output) }
        let plan = try BuildPlan.resolve(root: cwd, content: content, output: output.path, theme: option("--theme"), baseURL: nil)
        _ = Gazetteer.shared.count
        // The file edited: the first in path order; its first digit moved by one, then put back.
        let files = try FileManager.default.subpathsOfDirectory(atPath: content)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        let edited = URL(fileURLWithPath: content).appendingPathComponent(files.first ?? "")
        let original = try Data(contentsOf: edited)
        defer { try? original.write(to: edited) }
        var phases: [String: [(wall: Double, cpu: Double)]] = [:]
        let names = ["scan: read, parse, check (no cache)", "full build, empty output", "no-change rebuild", "edit-one rebuild"]
        for _ in 0..<runs {
            try? FileManager.default.removeItem(at: output)
            var pipeline = Pipeline(plan: plan)
            pipeline.clean = true
            phases[names[0], default: []].append(try await Clock.measure { _ = try await pipeline.check() })
            phases[names[1], default: []].append(try await Clock.measure { _ = try await pipeline.build() })
            pipeline.clean = false
            phases[names[2], default: []].append(try await Clock.measure { _ = try await pipeline.build() })
            try Data(Self.nudged(original)).write(to: edited)
            phases[names[3], default: []].append(try await Clock.measure { _ = try await pipeline.build() })
            try original.write(to: edited)
        }
        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        let whole = median(phases[names[1]]!.map(\.wall))
        print("| phase (\(content), median of \(runs)) | wall | cpu | share of the full build's wall time |")
        print("|---|---|---|---|")
        for name in names {
            let list = phases[name]!
            print(String(format: "| %@ | %.2f s | %.2f s | %.1f %% |", name, median(list.map(\.wall)), median(list.map(\.cpu)),
                         100 * median(list.map(\.wall)) / whole))
        }
    }

    /// The bytes with their first ASCII digit changed (0 → 1, any other → one less).
    static func nudged(_ data: Data) -> [UInt8] {
        var bytes = [UInt8](data)
        if let i = bytes.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) { bytes[i] = bytes[i] == 0x30 ? 0x31 : bytes[i] - 1 }
        return bytes
    }
}

/// Wall time and this process's CPU time (user + system, all threads).
enum Clock {
    static var now: (wall: Double, cpu: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (Double(DispatchTime.now().uptimeNanoseconds) / 1e9, cpu)
    }

    static func measure(_ body: () async throws -> Void) async rethrows -> (wall: Double, cpu: Double) {
        let start = now
        try await body()
        let end = now
        return (end.wall - start.wall, end.cpu - start.cpu)
    }
}
