import Foundation

/// `nianbao-bench site --reports N`: builds N generated reports with nianbao and as a Hugo site,
/// alternating, and prints each figure beside Hugo's from the same run (issue 10).
///
/// Per round, each tool in turn (the order flips every round, so neither always runs on a warm
/// cache): a full build into an empty output folder; a rebuild with nothing changed; a rebuild
/// after adding one report (report N + 1 of the same seed); a rebuild after editing one number
/// in one report (a number in no sum). The round then restores the content for the next.
struct SiteBenchmark {
    struct Options {
        var option: (String) -> String?
        var flag: (String) -> Bool
    }

    enum Tool: String, CaseIterable { case nianbao, hugo }

    enum Scenario: String, CaseIterable {
        case full = "full build"
        case noChange = "no-change rebuild"
        case addOne = "add one report"
        case editOne = "edit one number"
    }

    struct Sample {
        var seconds: Double
        var cpuSeconds: Double
        var peakBytes: Int
        var written: Int
        /// What nianbao says it wrote (`N files written`); `nil` for Hugo.
        var reported: Int?
    }

    var options: Options

    func run() throws {
        let count = try BenchError.int(options.option("--reports") ?? "1000", "--reports")
        let seed = UInt64(try BenchError.int(options.option("--seed") ?? "2024", "--seed"))
        let rounds = max(1, try BenchError.int(options.option("--runs") ?? "3", "--runs"))
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let work = URL(fileURLWithPath: options.option("--work") ?? NSTemporaryDirectory() + "nianbao-bench-site-\(count)")
        let theme = options.option("--theme") ?? cwd.appendingPathComponent("themes/default").path
        let nianbao = options.option("--nianbao") ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("nianbao").path
        let hugo = options.option("--hugo") ?? "hugo"
        guard FileManager.default.isExecutableFile(atPath: nianbao) else {
            throw BenchError.failed("no nianbao binary at \(nianbao): build it first (swift build -c release)")
        }

        let generated = Date()
        let all = CorpusGenerator(seed: seed).reports(count: count + 1)
        let reports = Array(all.prefix(count)), added = all[count]
        // The edited report: the first 2021-form report from the middle on (a 表二 number).
        let edit = reports[(count / 2)...].first { $0.era == .form2021 } ?? reports[count / 2]
        let edited = CorpusGenerator(seed: seed).reports(count: edit.index + 1, nudge: edit.index)[edit.index]
        precondition(edited.bytes != edit.bytes, "the edit changed nothing")
        try GenerateCommand.write(reports, to: work)
        let megabytes = Double(reports.reduce(0) { $0 + $1.bytes.count }) / 1_048_576
        print(String(format: "nianbao-bench site: %d reports (%.0f MiB, seed %llu) in %@, generated in %.1f s; %d rounds",
                     count, megabytes, seed, work.path, Date().timeIntervalSince(generated), rounds))

        let outputs: [Tool: URL] = [.nianbao: work.appendingPathComponent("public"), .hugo: work.appendingPathComponent("hugo/public")]
        let commands: [Tool: [String]] = [
            .nianbao: [nianbao, "build", "--content", work.appendingPathComponent("content").path,
                       "--output", outputs[.nianbao]!.path, "--theme", theme],
            .hugo: [hugo, "--quiet", "--noBuildLock", "--source", work.appendingPathComponent("hugo").path,
                    "--destination", outputs[.hugo]!.path, "--cacheDir", work.appendingPathComponent("hugo-cache").path],
        ]
        var samples: [Scenario: [Tool: [Sample]]] = [:]

        func measure(_ scenario: Scenario, _ tool: Tool) throws {
            let before = OutputSnapshot(outputs[tool]!)
            let log = work.appendingPathComponent("\(tool.rawValue).log")
            let run = try ChildRun.run(commands[tool]!, in: work, log: log)
            guard run.status == 0 else {
                throw BenchError.failed("\(tool.rawValue) failed (\(run.status)) in \(scenario.rawValue); see \(log.path)")
            }
            let written = before.written(in: OutputSnapshot(outputs[tool]!))
            let sample = Sample(seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakBytes: run.peakBytes, written: written,
                                reported: Self.filesWritten(run.output))
            samples[scenario, default: [:]][tool, default: []].append(sample)
            let label = (scenario.rawValue + ", " + tool.rawValue).padding(toLength: 28, withPad: " ", startingAt: 0)
            FileHandle.standardError.write(Data(String(format: "  %@ %7.2f s (cpu %6.2f s) %6.0f MiB %6d files\n", label,
                                                       run.seconds, run.cpuSeconds, Double(run.peakBytes) / 1_048_576, written).utf8))
        }

        for round in 0..<rounds {
            let order: [Tool] = round % 2 == 0 ? [.nianbao, .hugo] : [.hugo, .nianbao]
            for tool in order {
                try? FileManager.default.removeItem(at: outputs[tool]!)
                try measure(.full, tool)
            }
            for tool in order { try measure(.noChange, tool) }
            try GenerateCommand.add(added, to: work)
            for tool in order { try measure(.addOne, tool) }
            try GenerateCommand.add(edited, to: work)
            for tool in order { try measure(.editOne, tool) }
            try GenerateCommand.remove(added, from: work)
            try GenerateCommand.add(edit, to: work)
        }
        print(Self.table(samples, reports: count))
        if !options.flag("--keep") { try? FileManager.default.removeItem(at: work) }
    }

    /// `built 5 reports into 27 pages (41 files written, 0 unchanged), …` → 41.
    static func filesWritten(_ output: String) -> Int? {
        guard let range = output.range(of: " files written") else { return nil }
        let digits = output[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed()))
    }

    /// The figures as a markdown table: medians, min–max, and nianbao ÷ Hugo.
    static func table(_ samples: [Scenario: [Tool: [Sample]]], reports: Int) -> String {
        func median(_ xs: [Double]) -> Double {
            let s = xs.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        func time(_ list: [Sample]) -> String {
            let t = list.map(\.seconds)
            return String(format: "%.2f s (%.2f–%.2f)", median(t), t.min()!, t.max()!)
        }
        func memory(_ list: [Sample]) -> String { String(format: "%.0f MiB", Double(list.map(\.peakBytes).max()!) / 1_048_576) }
        func files(_ list: [Sample]) -> String {
            let counted = Int(median(list.map { Double($0.written) }))
            guard let said = list.last?.reported else { return "\(counted)" }
            return said == counted ? "\(counted)" : "\(counted) (says \(said))"
        }
        func cpu(_ list: [Sample]) -> String { String(format: "%.2f s", median(list.map(\.cpuSeconds))) }
        var lines = ["| \(reports) reports | nianbao wall, median (min–max) | cpu | peak RSS | files written "
                     + "| Hugo wall, median (min–max) | cpu | peak RSS | files written | wall ratio | cpu ratio | memory ratio |",
                     "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for scenario in Scenario.allCases {
            guard let n = samples[scenario]?[.nianbao], let h = samples[scenario]?[.hugo] else { continue }
            let ratio = median(n.map(\.seconds)) / median(h.map(\.seconds))
            let mem = Double(n.map(\.peakBytes).max()!) / Double(h.map(\.peakBytes).max()!)
            let cpuRatio = median(n.map(\.cpuSeconds)) / median(h.map(\.cpuSeconds))
            lines.append("| \(scenario.rawValue) | \(time(n)) | \(cpu(n)) | \(memory(n)) | \(files(n)) "
                         + "| \(time(h)) | \(cpu(h)) | \(memory(h)) "
                         + "| \(files(h)) | " + String(format: "%.2f× | %.2f× | %.2f× |", ratio, cpuRatio, mem))
        }
        return lines.joined(separator: "\n")
    }
}
