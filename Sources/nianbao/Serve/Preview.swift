import Foundation
import ServeKit
import SiteKit

/// What `serve` does after its first build: waits for a change to the content, the theme
/// or `site.yml`, builds again through the same `SiteBuild` as `nianbao build` (incremental:
/// only what changed is parsed and drawn), tells the open pages to reload, and prints one
/// line per rebuild and the diagnostics that are new. A build that stops keeps the previous
/// site served and shows why in every page. While it waits, it prepares the spare for the
/// next build (`OutputWriter.prepareSpare`).
struct Preview: Sendable {
    var build: SiteBuild
    var verbose: Bool
    var live: LiveSite
    /// The build cache kept in memory from one build to the next.
    var warm = WarmCache()
    /// Random per run, so that a page left open across a restart of the server reloads.
    let run = String(UUID().uuidString.prefix(8)).lowercased()

    func id(_ generation: Int) -> String { "\(run)-\(generation)" }

    /// The status a finished build leaves for the pages.
    func status(_ result: Pipeline.Result, generation: Int) -> BuildStatus { status(result.diagnostics, generation: generation) }

    func status(_ diagnostics: [FileDiagnostic], generation: Int) -> BuildStatus {
        BuildStatus(id: id(generation), errors: diagnostics.filter { $0.diagnostic.severity == .error })
    }

    /// What to watch for a plan: the content folder, the theme and `site.yml` (the output
    /// folder left out, should it sit inside one of them).
    static func watched(_ plan: BuildPlan) -> (roots: [String], skipping: [String]) {
        ([plan.content.path, plan.config.themeDirectory.path, settings], [plan.output.path])
    }

    /// The project's `site.yml`, as the watcher names it.
    static var settings: String { FileManager.default.currentDirectoryPath + "/site.yml" }

    /// A watcher of a plan's files, their stamps taken now.
    static func watcher(for plan: BuildPlan) -> Watcher {
        let (roots, skipping) = watched(plan)
        return Watcher(roots: roots, skipping: skipping)
    }

    /// Watches and rebuilds until the task is cancelled; a build in progress is finished
    /// first. `watcher` holds the stamps taken before the first build.
    func watch(_ watcher: Watcher, after first: Pipeline.Result) async {
        var watcher = watcher
        var shown = Set(first.diagnostics)
        var generation = 0
        while !Task.isCancelled {
            // While idle, the spare the next build brings up to date (`SpareThread`); the build
            // a change starts waits for it at its write, not before.
            let spare = SpareThread(build)
            guard let changed = try? await watcher.next() else {
                await spare.stop()
                return
            }
            generation += 1
            let what = Self.describe(changed)
            // The next build brings its last walk of the content folder up to date at these
            // files, when the watcher's events named them all and site.yml is not among them.
            warm.changed(changed, vouched: watcher.namedByEvents && !changed.contains(Self.settings))
            do {
                let plan = try build.plan()
                // Another theme or content folder named in site.yml: watched from now on.
                let next = Self.watched(plan)
                watcher.watch(roots: next.roots, skipping: next.skipping)
                // The pages reload as soon as the new site is in place, while the build keeps
                // its cache and lets its memory go (a build that changes nothing on disk: after it).
                let reload = Reload()
                let result = try await build.run(plan, progress: false, warm: warm) { [live, generation] diagnostics in
                    reload.start { await live.publish(status(diagnostics, generation: generation)) }
                }
                let new = result.diagnostics.filter { !shown.contains($0) }
                shown = Set(result.diagnostics)
                Console(verbose: verbose).print(new, to: .err, lines: result.lines)
                var told = await reload.told
                if told == nil { told = await live.publish(status(result, generation: generation)) }
                Console.write("\(what): " + Console.summary(of: result) + "; \(Self.pages(told ?? 0)) reloaded\n")
                if build.output.timings { Console.write(Console.stages(of: result), to: .err) }
            } catch {
                let diagnostic = Console.diagnostic(for: error)
                if let diagnostic { Console(verbose: verbose).print([diagnostic], to: .err) }
                // As the console shows it: a path under the current folder relative to it.
                let failure = diagnostic.map { FileDiagnostic(file: Console.relative($0.file), diagnostic: $0.diagnostic).text }
                    ?? "nianbao: error: \(String(describing: error))"
                if diagnostic == nil { Console.write(Console.escape(failure) + "\n", to: .err) }
                var status = await live.status
                status.id = id(generation)
                status.failure = failure
                let told = await live.publish(status)
                Console.write("\(what): the build stopped; still serving the previous site; \(Self.pages(told)) told\n")
            }
        }
    }

    /// `content/a.txt changed`, `content/a.txt and 3 more changed`, relative to the current folder.
    static func describe(_ paths: [String]) -> String {
        guard let first = paths.first else { return "changed" }
        let name = Console.escape(Console.relative(first))
        return paths.count == 1 ? "\(name) changed" : "\(name) and \(paths.count - 1) more changed"
    }

    static func pages(_ n: Int) -> String { n == 1 ? "1 page" : "\(n) pages" }

    /// The pages told to reload during a build (`Pipeline.swapped`), once.
    final class Reload: @unchecked Sendable {
        private var task: Task<Int, Never>?
        private let lock = NSLock()

        func start(_ publish: @escaping @Sendable () async -> Int) {
            lock.withLock { if task == nil { task = Task(operation: publish) } }
        }

        /// How many pages were told; `nil` when the build swapped nothing in.
        var told: Int? {
            get async { await lock.withLock { task }?.value }
        }
    }
}
