import Foundation

extension OutputWriter {
    /// What `prepareSpare` found or did.
    public enum SparePreparation: Equatable, Sendable {
        /// A trusted spare was there already: left as it is.
        case present
        /// The spare was made: every file of the live site linked (`files` of them).
        case made(files: Int)
        /// Stopped early (`stopping`: `serve` stopping): a spare of the `files` linked so far, sealed with a table
        /// naming exactly those, which the next build brings up to date like any spare.
        case stopped(files: Int)
        /// No live site with a table to make one from.
        case none
    }

    /// Makes the spare before a build needs it (`serve`, while it waits for a change): the live
    /// site's files hard-linked into `<output>.nianbao-new` by the same `Staging` a build that
    /// starts from an empty folder uses, then sealed with the table of the files it holds and
    /// its folders' stamps (`Staging.seal`) instead of swapped in. The next build then brings
    /// it up to date (the few files that changed) instead of linking 60,000 files while the
    /// publisher waits.
    ///
    /// The same rules as a build: the lock is held throughout (a build waits for it); the live
    /// site is only read; the folder is trusted only once its table is written, last, so a
    /// kill before that leaves a folder with no table that the next build clears. `stopping`
    /// is asked before each file: when it says so (`serve` stopping), the files linked so far
    /// are sealed as the spare (clearing them would only make the next build wait).
    /// Needs `tracksOutput` (the live site's table).
    public func prepareSpare(stopping: () -> Bool = { false }) throws -> SparePreparation {
        guard tracksOutput, trustsTables, Disk.kind(Disk.realPath(output.path)) == .directory else { return .none }
        let staging = try Staging(self, opensSpare: false)
        if staging.reusesSpare { return .present }
        guard let live = staging.live else { return .none }
        var files = 0, stopped = false
        // In the table's order (sorted): each folder is made once, before its files.
        for path in live.order.isEmpty ? Array(live.digests.keys) : live.order where !path.hasPrefix(".") {
            guard let digest = live[path] else { continue }
            if stopping() {
                stopped = true
                break
            }
            try staging.keep(path, digest: digest)
            files += 1
        }
        try staging.seal()
        return stopped ? .stopped(files: files) : .made(files: files)
    }
}

extension OutputWriter.Staging {
    /// Leaves the staging folder as a trusted spare instead of swapping it in: its table
    /// (exactly the files placed), written last, then its folders' stamps, as `commit` stamps
    /// a new site. Needs the live table (the spare's files are its files).
    func seal() throws {
        precondition(!committed, "a staging folder is committed or sealed once")
        guard live != nil else { return }
        try Disk.makeDirectory(folder + "/.nianbao")
        try Disk.makeDirectory(folder + "/.nianbao/cache")
        try Disk.write(tableData, to: folder + "/" + OutputTable.path)
        count(1)
        writer.stop("spare.sealed")
        let clock = StampClock.now(on: folder)
        FolderStamps.built(site: folder, table: table, clock: clock)?.replace(in: folder)
        committed = true
    }
}

extension Pipeline {
    /// `OutputWriter.prepareSpare` for this plan's output, with the settings a build uses.
    public func prepareSpare(stopping: () -> Bool = { false }) throws -> OutputWriter.SparePreparation {
        var writer = OutputWriter(output: plan.output)
        writer.tracksOutput = true
        writer.racyMargin = limits.racyMargin
        return try writer.prepareSpare(stopping: stopping)
    }
}
