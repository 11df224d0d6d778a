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

    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Ignore what the previous build kept in .nianbao/: parse every report and draw every page.")
    var clean = false

    func run() async throws {
        try await Console.stopping(verbose: options.verbose) {
            let build = SiteBuild(options: options, output: output, clean: clean)
            let result = try await build.run(build.plan(), progress: true, exits: true)
            Console(verbose: options.verbose).print(result.diagnostics, to: .err, lines: result.lines)
            Console.write(Console.summary(of: result) + "\n")
            if output.timings { Console.write(Console.stages(of: result), to: .err) }
            if options.strict && result.failed(strict: true) { throw ExitCode.failure }
        }
    }
}
