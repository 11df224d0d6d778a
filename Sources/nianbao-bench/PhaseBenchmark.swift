import Foundation
import SiteKit

/// `nianbao-bench phases --content DIR [--runs R]`: where a full build's wall time goes, phase by
/// phase, in this process: parse and check (`Pipeline.check`), render (`SiteRenderer`), write
/// (`OutputWriter`, into an empty folder, then again with nothing changed). The peer is the
/// whole build, so each phase prints as a share of it. Wall and CPU time (getrusage of this
/// process) side by side: a phase whose CPU time is well under twice its wall time on two
/// cores is serial or waits on the disk.
enum PhaseBenchmark {
    static func run(option: (String) -> String?) throws {
        guard let content = option("--content") else { throw BenchError.usage("phases needs --content DIR (see `generate`)") }
        let runs = max(1, try BenchError.int(option("--runs") ?? "3", "--runs"))
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let output = URL(fileURLWithPath: NSTemporaryDirectory() + "nianbao-bench-phases-\(getpid())")
        defer { try? FileManager.default.removeItem(at: output) }
        let plan = try BuildPlan.resolve(root: cwd, content: content, output: output.path, theme: option("--theme"), baseURL: nil)
        _ = Gazetteer.shared.count
        var phases: [String: [(wall: Double, cpu: Double)]] = [:]
        let names = ["parse + check", "render", "write (empty output)", "write (nothing changed)", "whole build"]
        for _ in 0..<runs {
            try? FileManager.default.removeItem(at: output)
            var result: Pipeline.Result?
            var files: [OutputFile] = []
            let start = Clock.now
            phases[names[0], default: []].append(try Clock.measure { result = try Pipeline(plan: plan).check() })
            phases[names[1], default: []].append(try Clock.measure {
                files = try SiteRenderer(config: plan.config, slug: Pinyin.slug).render(result!.documents)
            })
            phases[names[2], default: []].append(try Clock.measure { _ = try OutputWriter(output: output).write(files) })
            let end = Clock.now
            phases[names[4], default: []].append((end.wall - start.wall, end.cpu - start.cpu))
            phases[names[3], default: []].append(try Clock.measure { _ = try OutputWriter(output: output).write(files) })
        }
        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        let whole = median(phases[names[4]]!.map(\.wall))
        print("| phase (\(content), median of \(runs)) | wall | cpu | share of the build's wall time |")
        print("|---|---|---|---|")
        for name in names {
            let list = phases[name]!
            print(String(format: "| %@ | %.2f s | %.2f s | %.0f %% |", name, median(list.map(\.wall)), median(list.map(\.cpu)),
                         100 * median(list.map(\.wall)) / whole))
        }
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

    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let start = now
        try body()
        let end = now
        return (end.wall - start.wall, end.cpu - start.cpu)
    }
}
