import ArgumentParser
import Foundation
import SiteKit

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of report files (default: content, or `content:` in site.yml).")
    var content: String?

    @Option(name: .long, help: "The theme: a name under themes/ or a folder path (default: default).")
    var theme: String?

    @Flag(name: [.short, .long], help: "Also print info diagnostics, and the source line under each diagnostic.")
    var verbose = false

    @Flag(name: .long, help: "Treat warnings as errors for the exit status.")
    var strict = false

    func plan(output: String? = nil, baseURL: String? = nil) throws -> BuildPlan {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return try BuildPlan.resolve(root: root, content: content, output: output, theme: theme, baseURL: baseURL)
    }
}

extension Pipeline.Result {
    /// Whether the exit status must say failure: an error, or with `--strict` a warning.
    func failed(strict: Bool) -> Bool { count(.error) > 0 || (strict && count(.warning) > 0) }

    /// The source lines of a report, for `--verbose`.
    func lines(of file: String) -> [String]? {
        documents.first { $0.report.source == file }.map { $0.document.sourceLines.map(\.text) }
    }
}

/// The pipeline the CLI uses: the parser with the gazetteer, pinyin slugs.
func makePipeline(_ plan: BuildPlan) -> Pipeline {
    Pipeline(plan: plan, reader: Toolchain.reader)
}

enum Toolchain {
    static var reader: ReportReader { .standard }
}
