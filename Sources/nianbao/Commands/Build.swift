import ArgumentParser
import Foundation
import SiteKit

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the report files into the output folder.",
        discussion: """
        Parses every .txt, .md and .html report under the content folder (recursively), renders \
        a page per report, per town or body, per year and per county, a home page, report.json \
        beside each report and the search index (search/), and replaces the output folder atomically: a build \
        that fails, or is killed, leaves the previous output untouched. The output folder is \
        nianbao's alone: nianbao marks it (.nianbao-site) and replaces only a marked, empty or \
        new folder, never the current folder, the project, the content or the theme. \
        A build keeps what the next one needs inside the site, in .nianbao/cache/ (the reports \
        as parsed, what each page was drawn from, the digest of each file), so a rebuild \
        parses only the reports that changed, draws only the pages whose inputs changed and \
        links every other file from the live site; --clean ignores it and compares every file \
        byte for byte. Deploy tools may leave .nianbao/ out. \
        Diagnostics are printed to standard error as file:line: severity: message [code]; a \
        report with problems is still published, with its problems shown on its page.
        """)

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "The folder to write the site to (default: public, or `output:` in site.yml).")
    var output: String?

    @Option(name: .long, help: "The URL the site will be served from, e.g. https://example.gov.cn/nianbao/ (default: /).")
    var baseURL: String?

    @Flag(name: .long, help: """
        Write links to folders as folder/index.html, for a site opened from the disk (file://); \
        or `indexLinks: true` in site.yml.
        """)
    var indexLinks = false

    @Flag(name: .long, help: "Ignore what the previous build kept in .nianbao/: parse every report and draw every page.")
    var clean = false

    func run() async throws {
        try await Console.stopping(verbose: options.verbose) {
            let plan = try options.plan(output: output, baseURL: baseURL, indexLinks: indexLinks)
            var pipeline = makePipeline(plan)
            pipeline.clean = clean
            var result = try await Console.showingProgress(of: pipeline.progress) { try await pipeline.build() }
            result.diagnostics = plan.diagnostics + result.diagnostics
            Console(verbose: options.verbose).print(result.diagnostics, to: .err, lines: result.lines)
            let w = result.written ?? .init(written: 0, unchanged: 0)
            Console.write(String(format: "built %d reports into %d pages (%d files written, %d unchanged, %d removed), "
                                 + "%d errors, %d warnings in %.2f s\n", result.reports, result.pages, w.written, w.unchanged,
                                 w.removed, result.count(.error), result.count(.warning), result.seconds))
            if options.strict && result.failed(strict: true) { throw ExitCode.failure }
        }
    }
}
