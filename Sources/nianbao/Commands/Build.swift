import ArgumentParser
import Foundation
import SiteKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the report files into the output folder.",
        discussion: """
        Parses every .txt, .md and .html report under the content folder (recursively), renders \
        a page per report, per town or body, per year and per county, a home page, report.json \
        beside each report and the search index (search/), and replaces the output folder atomically: a build \
        that fails leaves the previous output untouched. Diagnostics are printed to standard \
        error as file:line: severity: message [code]; a report with problems is still published, \
        with its problems shown on its page.
        """)

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "The folder to write the site to (default: public, or `output:` in site.yml).")
    var output: String?

    @Option(name: .long, help: "The URL the site will be served from, e.g. https://example.gov.cn/nianbao/ (default: /).")
    var baseURL: String?

    func run() throws {
        let result = try makePipeline(options.plan(output: output, baseURL: baseURL)).build()
        Console(verbose: options.verbose).print(result.diagnostics, to: .err, lines: result.lines(of:))
        let w = result.written ?? .init(written: 0, unchanged: 0)
        Console.write(String(format: "built %d reports into %d pages (%d files written, %d unchanged), %d errors, %d warnings in %.2f s\n",
                             result.reports, result.pages, w.written, w.unchanged, result.count(.error), result.count(.warning), result.seconds))
        if options.strict && result.failed(strict: true) { throw ExitCode.failure }
    }
}
