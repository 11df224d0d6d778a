import ArgumentParser
import Foundation
import ServeKit
import SiteKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it whenever a report, the theme or site.yml changes.",
        discussion: """
        A preview for the publisher's own machine: builds the site as build does (into the same \
        output folder, with the same cache), serves it at http://127.0.0.1:PORT/, and looks for \
        changes to the content folder, the theme and site.yml (told by the system on Linux; \
        elsewhere it looks four times a second). A change \
        starts an incremental build, and every open page reloads when it is done. Pages are \
        sent with a small live-reload script added (never written to the output folder); when \
        the last build had errors, or stopped (the previous site is then still served), every \
        page also shows them in a banner. Only this machine can connect. Ctrl-C stops (a \
        build in progress is finished first; a second Ctrl-C stops at once).
        """)

    @OptionGroup var options: SiteOptions

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "The port to listen on, on 127.0.0.1 only (default: 1313; 0 picks a free one).")
    var port = 1313

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (0 picks a free port).") }
    }

    func run() async throws {
        try await Console.stopping(verbose: options.verbose) {
            let build = SiteBuild(options: options, output: output)
            let plan = try build.plan()
            // The files as they are before the build: a change saved while it runs is seen.
            let watcher = Preview.watcher(for: plan)
            let warm = WarmCache()
            let result = try await build.run(plan, progress: true, warm: warm)
            Console(verbose: options.verbose).print(result.diagnostics, to: .err, lines: result.lines)
            Console.write(Console.summary(of: result) + "\n")
            let live = LiveSite(status: BuildStatus(id: ""))
            let preview = Preview(build: build, verbose: options.verbose, live: live, warm: warm)
            await live.publish(preview.status(result, generation: 0))
            let server = try PreviewServer(port: UInt16(port), folder: ServedFolder(path: plan.output.path), live: live)
            let bound = try await server.start()
            Console.write("serving http://127.0.0.1:\(bound)/ (Ctrl-C stops)\n")
            let watching = Task { await preview.watch(watcher, after: result) }
            await Signals.wait()
            Console.write("stopping\n")
            watching.cancel()
            await watching.value
            await server.stop()
        }
    }
}
