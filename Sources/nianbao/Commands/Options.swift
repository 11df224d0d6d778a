import ArgumentParser
import Foundation
import SiteKit

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of report files (default: content, or `content:` in site.yml).")
    var content: String?

    @Option(name: .long, help: """
        The theme: a name under themes/ or a folder path (default: default, the theme shipped with nianbao). Not read by check.
        """)
    var theme: String?

    @Option(name: .long, help: "The largest report file read, e.g. 50MB (default: 20MB, or `maxFileSize:` in site.yml).")
    var maxFileSize: String?

    @Flag(name: [.short, .long], help: "Also print info diagnostics, and the source line under each diagnostic.")
    var verbose = false

    @Flag(name: .long, help: "Treat warnings as errors for the exit status.")
    var strict = false
    /// The plan for the current folder: `check` resolves only the content folder; `build`
    /// also loads the theme and checks the output folder.
    func plan(output: String? = nil, baseURL: String? = nil, indexLinks: Bool = false,
              for purpose: BuildPlan.Purpose = .build) throws -> BuildPlan {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return try BuildPlan.resolve(root: root, content: content, output: output, theme: theme, baseURL: baseURL, maxFileSize: maxFileSize,
                                     indexLinks: indexLinks, themes: Toolchain.shippedThemes, for: purpose)
    }
}

/// Where and how `build` and `serve` write the site.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "The folder to write the site to (default: public, or `output:` in site.yml).")
    var output: String?

    @Option(name: .long, help: "The URL the site will be served from, e.g. https://example.gov.cn/nianbao/ (default: /).")
    var baseURL: String?

    @Flag(name: .long, help: """
        Write links to folders as folder/index.html, for a site opened from the disk (file://); \
        or `indexLinks: true` in site.yml.
        """)
    var indexLinks = false

    @Flag(name: .long, help: "Print each stage of every build with its wall and CPU time, to standard error.")
    var timings = false
}

/// The one build path: `build` runs it once, `serve` once and again after every change. The
/// plan is resolved afresh each time, so a changed `site.yml` or theme is read again.
struct SiteBuild {
    var options: SiteOptions
    var output: OutputOptions
    var clean = false

    /// The plan, resolved from the flags and `site.yml` as they are now.
    func plan() throws -> BuildPlan {
        try options.plan(output: output.output, baseURL: output.baseURL, indexLinks: output.indexLinks)
    }

    /// Builds; the plan's own problems (a key `site.yml` does not know …) come first in the
    /// result's diagnostics. With `progress`, a progress line on a terminal. `warm` keeps the
    /// cache in memory from one build to the next (`serve`); `swapped` is told, with the
    /// diagnostics, as soon as the new site is in place (`Pipeline.swapped`). `exits`: the
    /// process ends after this build (`build`), which leaves its large values to the exit
    /// (`ExitHold`) instead of freeing them.
    func run(_ plan: BuildPlan, progress: Bool, warm: WarmCache? = nil, exits: Bool = false,
             swapped: (@Sendable ([FileDiagnostic]) -> Void)? = nil) async throws -> Pipeline.Result {
        var pipeline = makePipeline(plan)
        if exits { pipeline.exitHold = .process }
        pipeline.clean = clean
        if output.timings { pipeline.progress = BuildProgress(timesStages: true) }
        pipeline.warm = warm
        if let swapped {
            let problems = plan.diagnostics
            pipeline.swapped = { @Sendable diagnostics in swapped(problems + diagnostics) }
        }
        var result = progress ? try await Console.showingProgress(of: pipeline.progress) { try await pipeline.build() }
            : try await pipeline.build()
        result.diagnostics = plan.diagnostics + result.diagnostics
        return result
    }
}

extension Pipeline.Result {
    /// Whether the exit status must say failure: an error, or with `--strict` a warning.
    func failed(strict: Bool) -> Bool { count(.error) > 0 || (strict && count(.warning) > 0) }
}

/// The pipeline the CLI uses: the parser with the gazetteer, pinyin slugs.
func makePipeline(_ plan: BuildPlan) -> Pipeline {
    Pipeline(plan: plan, reader: Toolchain.reader)
}

enum Toolchain {
    static var reader: ReportReader { .standard }

    /// The folders of the themes shipped with nianbao, so that `build` works in any project
    /// folder, not only in a checkout: `themes/` in the folder of the binary or up to three
    /// levels above it (`.build/release/nianbao`, `.build/x86_64-unknown-linux-gnu/debug/nianbao`
    /// in a checkout), or `share/nianbao/themes` of an installed prefix (`bin/nianbao`).
    static var shippedThemes: [URL] {
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        var found: [URL] = []
        for _ in 0..<4 {
            for candidate in [dir.appendingPathComponent("themes"), dir.appendingPathComponent("share/nianbao/themes")] {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue { found.append(candidate) }
            }
            guard dir.path != "/" else { break }
            dir.deleteLastPathComponent()
        }
        return found
    }
}
