import ArgumentParser
import Foundation
import SiteKit

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the reports without building: print every problem found.",
        discussion: """
        Runs the same parsing and checks as build (broken arithmetic, unreadable cells, \
        unrecognised rows, unknown places, disagreements across years) and prints each \
        diagnostic to standard output as file:line: severity: message [code], then a summary. \
        Use it before uploading: it exits 1 when a report has an error (with --strict, also \
        a warning), 0 otherwise.
        """)

    @Argument(help: "The folder of report files (default: content).")
    var folder: String?

    @OptionGroup var options: SiteOptions

    func run() async throws {
        try await Console.stopping(verbose: options.verbose) {
            var opts = options
            if let folder { opts.content = folder }
            let plan = try opts.plan(for: .check)
            var pipeline = makePipeline(plan)
            pipeline.exitHold = .process
            var result = try await Console.showingProgress(of: pipeline.progress) { try await pipeline.check() }
            result.diagnostics = plan.diagnostics + result.diagnostics
            Console(verbose: options.verbose).print(result.diagnostics, to: .out, lines: result.lines)
            Console.write(String(format: "checked %d reports (%d files left out): %d errors, %d warnings\n",
                                 result.reports, result.filesLeftOut, result.count(.error), result.count(.warning)))
            if result.failed(strict: options.strict) { throw ExitCode.failure }
        }
    }
}
