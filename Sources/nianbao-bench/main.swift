import Foundation

// nianbao-bench: the speed goals of the project, each against a peer timed in the same run.
// See README.md beside this file.
//
//   swift run -c release nianbao-bench site --reports N [--seed S] [--runs R] [--work DIR] [--keep]
//   swift run -c release nianbao-bench phases --content DIR [--runs R]
//   swift run -c release nianbao-bench generate --reports N --out DIR [--seed S] [--hugo]
//   swift run -c release nianbao-bench [corpus|gazetteer|all] [--corpus DIR]

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let which = args.first.flatMap { $0.hasPrefix("--") ? nil : $0 } ?? "all"

do {
    switch which {
    case "site":
        try SiteBenchmark(options: .init(option: option, flag: { args.contains($0) })).run()
    case "phases":
        try await PhaseBenchmark.run(option: option)
    case "generate":
        try GenerateCommand.run(option: option, flag: { args.contains($0) })
    case "corpus", "gazetteer", "all":
        if which == "gazetteer" || which == "all" { try await gazetteerBenchmark() }
        if which == "corpus" || which == "all" { try corpusBenchmark(option("--corpus") ?? "../shared/corpus/raw") }
    default:
        let known = "site, phases, generate, corpus, gazetteer, all"
        FileHandle.standardError.write(Data("nianbao-bench: unknown benchmark \(which) (\(known))\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("nianbao-bench: \(error)\n".utf8))
    exit(1)
}
