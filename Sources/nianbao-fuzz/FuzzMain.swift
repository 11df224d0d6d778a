import Foundation
import InputKit

/// The fuzz target of the reading path (bytes in, report out: kind, decoding, HTML, front
/// matter, parse, rules), run by `scripts/fuzz`. Two engines, one contract:
///
/// - built with `-sanitize=fuzzer,address -DFUZZING`, libFuzzer drives it
///   (`LLVMFuzzerRunDriver`, so this `main` stays the entry point);
/// - built plainly, a seeded mutation loop over the seed files (`Mutator`), for a toolchain
///   without libFuzzer; `--seed` replays a run.
///
/// The contract: `ReportReader` returns a report, or no report and exactly one error. A
/// broken contract traps, which both engines report as a crash with the input kept.
@main
struct FuzzMain {
    /// The file kind each input is read as, picked by its first byte so the fuzzer explores all.
    static let extensions = ["txt", "md", "html", "pdf", "docx"]

    /// `FUZZ_KIND=txt|md|html|pdf|docx` reads every whole input as that kind (no kind byte), so
    /// one reader is fuzzed alone; `FUZZ_KIND=frontmatter` fuzzes the front matter split (YAML
    /// behind its size and depth guard) alone. Unset: the reading path, kind by first byte.
    static let only = ProcessInfo.processInfo.environment["FUZZ_KIND"].flatMap { $0.isEmpty ? nil : $0 }

    static func readOnce(_ bytes: [UInt8]) -> Bool {
        if only == "frontmatter" {
            let front = FrontMatter.split(String(decoding: bytes, as: UTF8.self))
            precondition(front.diagnostics.allSatisfy { $0.line.map { $0 >= 1 } ?? true }, "a front matter line below 1")
            return front.diagnostics.isEmpty
        }
        let ext = only ?? extensions[Int(bytes.first ?? 0) % extensions.count]
        let body = only == nil ? bytes.dropFirst() : bytes[...]
        let outcome = ReportReader().read(Data(body), path: "f.\(ext)", source: "content/f.\(ext)")
        if outcome.report == nil {
            precondition(outcome.problems.count == 1 && outcome.problems[0].severity == .error,
                         "no report, and not one error: \(outcome.problems)")
            return false
        }
        precondition(outcome.problems.isEmpty, "a report and problems: \(outcome.problems)")
        return true
    }

    /// `--replay FILE|FOLDER…`: reads each input once, in name order, and prints how many
    /// became reports: the fixed work of a fuzz run without the fuzzer, for a profiler
    /// (`valgrind --tool=callgrind nianbao-fuzz --replay seeds`, docs/development.md).
    static func replay(_ paths: [String]) {
        var files: [String] = []
        for path in paths {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        var reports = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            if readOnce([UInt8](data)) { reports += 1 }
        }
        print("replayed \(files.count) inputs, \(reports) reports")
    }

    static func main() throws {
        if CommandLine.arguments.dropFirst().first == "--cut-seeds" {
            return try SeedCutter.run(Array(CommandLine.arguments.dropFirst(2)))
        }
        if CommandLine.arguments.dropFirst().first == "--replay" {
            return replay(Array(CommandLine.arguments.dropFirst(2)))
        }
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
        #else
        try MutationLoop(arguments: Array(CommandLine.arguments.dropFirst())).run()
        #endif
    }
}

#if FUZZING
/// libFuzzer's entry for one input (its runtime, linked whole, needs the symbol).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = FuzzMain.readOnce(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif
