import Foundation

extension Pipeline {
    /// What the draw reads that depends on the disk alone, read on another thread from the
    /// moment the scan knows a draw is coming (a report file changed, came or went) while
    /// the build checks, summarises, maps and plans, which is mostly serial: the staging
    /// folder's opening (`OutputWriter.Opening`: the output's lock, the live site's table and
    /// the spare's), the rows of the last build's `pages.bin` (`PageRows`, decoded into the
    /// cache), the live site's manifest and search state; and, on a thread of its own, the
    /// live site's folders' word for its table (`FolderStamps.vouch`, a `stat` of each of
    /// its folders), which the build wants before the draw, when the other reads may not be
    /// done. A build that changes nothing never starts them, so it never opens the spare nor
    /// takes the lock (it asks the folders itself: `unchanged`).
    ///
    /// The draw takes the reads when it gets to them (`take`); one made for other settings
    /// than the draw's (the cache turned out damaged after they started) is closed, and the
    /// draw reads again. Reads never taken let the lock go (`discard`, or when the last
    /// reference goes).
    final class DrawReads: @unchecked Sendable {
        struct Read: Sendable {
            let opening: OutputWriter.Opening
            /// The live site's manifest and the digest of its bytes (`OutputTable.digest`):
            /// the draw copies unchanged lines from it when its table names that digest.
            let manifest: (bytes: Data, digest: UInt64)?
            /// The live site's search state (`SearchState`), and its bytes.
            let searchState: (state: SearchState, bytes: Data)?
        }

        /// The live site's folders' word for its table (`FolderStamps.vouch`): whether they
        /// vouch for it, and how many folders were looked at.
        struct Vouch: Sendable {
            let vouched: Bool
            let checked: Int
        }

        private let lock = NSLock()
        private var started: Background<Read>?
        private var vouching: Background<Vouch>?
        /// The writer the opening is made for.
        private let writer: OutputWriter
        private let work: @Sendable () throws -> Read
        /// `nil` when the build would not ask (its cache not used: the site is listed).
        private let vouch: (@Sendable () -> Vouch)?

        init(writer: OutputWriter, vouch: (@Sendable () -> Vouch)? = nil, _ work: @escaping @Sendable () throws -> Read) {
            self.writer = writer
            self.vouch = vouch
            self.work = work
        }

        /// Starts the reads (once: a second call does nothing).
        func start() {
            lock.lock()
            defer { lock.unlock() }
            if started == nil { started = Background(work) }
            if vouching == nil, let vouch { vouching = Background(vouch) }
        }

        /// The folders' word, waited for, when the reads were started and ask them; `nil`
        /// otherwise (the build asks them itself).
        func vouched() async -> Vouch? {
            try? await lock.withLock { vouching }?.value
        }

        /// Whether `start` was called.
        var isStarted: Bool {
            lock.lock()
            defer { lock.unlock() }
            return started != nil
        }

        /// The reads, when they were started for a writer that opens like `writer` (their
        /// error, when they threw), waited for; `nil` otherwise (reads made for other settings
        /// are let go first).
        func take(for writer: OutputWriter) async throws -> Read? {
            guard self.writer.opensLike(writer) else {
                await discard()
                return nil
            }
            return try await take()
        }

        private func take() async throws -> Read? {
            try await lock.withLock { started }?.value
        }

        /// Lets go of the output's lock when the reads were started and not handed to a
        /// staging folder (the opening's lock taken: nothing to do).
        func discard() async {
            (try? await take())?.opening.close()
        }
    }

    /// The draw's reads for this plan's output, as the draw would make them with a cache of
    /// `status` (`DrawReads`): not started.
    func drawReads(cache: BuildCache, status: BuildCache.Status) -> DrawReads {
        let writer = drawWriter(status: status)
        let rows = status == .used && !clean ? cache.rows : nil
        let trusted = status == .used && !clean
        let searches = trusted && searchSwitch != "off"
        let output = plan.output, pipeline = self
        let root = Disk.realPath(output.path)
        var vouch: (@Sendable () -> DrawReads.Vouch)?
        if status == .used { vouch = { pipeline.vouch(site: root) } }
        return DrawReads(writer: writer, vouch: vouch) {
            // First what the draw needs first: the rows, as it plans.
            _ = rows?.value
            let opening = try writer.open()
            let manifest = trusted ? pipeline.liveManifest() : nil
            var searchState: (state: SearchState, bytes: Data)?
            if searches, let bytes = try? Data(contentsOf: output.appendingPathComponent(SearchState.path)),
               let state = SearchState.read(data: bytes) {
                searchState = (state, bytes)
            }
            return DrawReads.Read(opening: opening, manifest: manifest, searchState: searchState)
        }
    }

    /// The live site's folders' word for its table (`FolderStamps`), asked without listing it.
    func vouch(site root: String) -> DrawReads.Vouch {
        var checked = 0
        let vouched = FolderStamps.read(site: root)?.vouch(site: root, margin: limits.racyMargin, checked: &checked) != nil
        return DrawReads.Vouch(vouched: vouched, checked: checked)
    }

    /// The writer of a build's staging folder, with a cache of `status`.
    func drawWriter(status: BuildCache.Status) -> OutputWriter {
        var writer = OutputWriter(output: plan.output)
        writer.tracksOutput = true
        // A cache that was not used (damaged, another program's) says nothing of the site either.
        writer.trustsTables = !clean && status == .used
        writer.racyMargin = limits.racyMargin
        return writer
    }
}
