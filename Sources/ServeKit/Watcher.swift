import Foundation

/// Waits for the files a site is made from to change.
///
/// Where the system tells of changes in folders (`FolderEvents`, Linux inotify), it waits on
/// them (no polling), and looks only at the paths the events name (`Stamps.update`): a save
/// costs the `lstat` of the file saved, not of the site's 10,000. It starts at once when a
/// save is over: the events have stopped for `settle` (a save of several files, an editor's
/// write-then-rename, a `git checkout`, end before the rebuild starts) and every file written
/// was closed (a save that truncates the file, then writes it, is taken whole), waiting at
/// most `writes` for a file held open. When the kernel lost events (its queue overflowed) it
/// looks at everything once; it also looks at everything every `fullLook` without events, for
/// the changes no event tells of (a network or shared folder of a container, a file edited
/// through a hard link or a symbolic link in a folder not watched).
///
/// Elsewhere (or when the folders could not all be watched) it looks at everything every
/// `interval`; once something changed, it looks again every `settle` until two looks agree,
/// at most `maxSettles` times.
///
/// The stamps compared against are those of the previous change, taken before its rebuild
/// started, so a file saved while a build runs starts the next one (its events wait in the queue).
public struct Watcher: Sendable {
    public var roots: [String]
    public var skipping: [String]
    public var interval: Duration = .milliseconds(250)
    public var fullLook: Duration = .seconds(5)
    public var settle: Duration = .milliseconds(15)
    public var writes: Duration = .seconds(2)
    public var maxSettles = 25
    private var last: Stamps
    private let events: FolderEvents?
    /// Looks at every file since the watcher began: the work it does, counted (tests).
    public private(set) var looks = 0
    /// Files `lstat`ed since the watcher began, by every look (whole or at the paths events named).
    public private(set) var looked = 0
    /// Whether the paths the last `next()` returned are those its folder events named, looked
    /// at one by one (no overflow, no look at everything): what `serve` may tell its next build
    /// instead of having it walk the content folder (`WarmCache.changed`). A look at everything
    /// is made when events may have been missed, so its answer does not vouch.
    public private(set) var namedByEvents = false

    /// `folderEvents: false` polls (as where there is no inotify).
    public init(roots: [String], skipping: [String] = [], folderEvents: Bool = true) {
        self.roots = roots
        self.skipping = skipping
        events = folderEvents ? FolderEvents() : nil
        last = Stamps()
        last = take()
    }

    /// The files watched now.
    public var watched: Int { last.files.count }

    /// The stamps of the files as of the last change returned (or the start).
    public var stamps: Stamps { last }

    /// Whether folder events tell the watcher when and where to look (rather than polling),
    /// and how many folders it watches.
    public var usesFolderEvents: Bool { events.map { !$0.exhausted } ?? false }
    public var watchedFolders: Int { events?.count ?? 0 }

    /// The stamps of every file now; each folder is watched before it is listed.
    private mutating func take() -> Stamps {
        looks += 1
        let events = self.events
        let now = Stamps.take(roots, skipping: skipping) { events?.watch(CollectionOfOne($0)) }
        looked += now.looked
        return now
    }

    /// Waits for the next change; returns the paths that changed, sorted. Throws when the
    /// task is cancelled.
    public mutating func next() async throws -> [String] {
        let clock = ContinuousClock()
        var lastLook = clock.now
        while true {
            try Task.checkCancellation()
            guard let events, !events.exhausted else {
                try await Task.sleep(for: interval)
                if let changed = try await lookAtEverything() { return changed }
                continue
            }
            let untilFull = fullLook - (clock.now - lastLook)
            guard untilFull > .zero else {
                lastLook = clock.now
                if let changed = try await lookAtEverything() { return changed }
                continue
            }
            guard await events.readable(within: min(untilFull, .milliseconds(250))) else { continue }
            var batch = events.read()
            guard !batch.isEmpty else { continue }
            // Until the save is over: every file written closed, and no event for `settle`.
            var writing = batch.written
            let started = clock.now
            while true {
                let waited = clock.now - started
                let open = !writing.isEmpty && waited < writes
                let more = await events.readable(within: open ? min(writes - waited, .milliseconds(250)) : settle)
                try Task.checkCancellation()
                if more {
                    let next = events.read()
                    batch.paths.formUnion(next.paths)
                    batch.overflow = batch.overflow || next.overflow
                    writing.subtract(next.closed)
                    writing.formUnion(next.written)
                    // Events that never stop (a file written all the time) wait `writes` at most.
                    if clock.now - started < writes { continue }
                    break
                }
                if !open { break }
            }
            lastLook = clock.now
            let changed: [String]
            namedByEvents = !batch.overflow
            if batch.overflow {
                let now = take()
                changed = now.changes(since: last)
                last = now
            } else {
                let before = last.looked
                changed = last.update(batch.paths, roots: roots, skipping: skipping,
                                      entering: { events.watch(CollectionOfOne($0)) }, leaving: { events.forget(below: $0) })
                looked += last.looked - before
            }
            if !changed.isEmpty { return changed }
        }
    }

    /// Looks at every file, and when something changed, again every `settle` until two looks
    /// agree; what changed, or `nil`.
    private mutating func lookAtEverything() async throws -> [String]? {
        namedByEvents = false
        var now = take()
        guard now != last else { return nil }
        for _ in 0..<maxSettles {
            try await Task.sleep(for: settle)
            _ = events?.read()
            let again = take()
            if again == now { break }
            now = again
        }
        let changed = now.changes(since: last)
        last = now
        return changed.isEmpty ? nil : changed
    }

    /// Watches another set of files from now on (a changed `site.yml` may name another
    /// theme or content folder): the new set's files are taken as they are now.
    public mutating func watch(roots: [String], skipping: [String]) {
        guard roots != self.roots || skipping != self.skipping else { return }
        self.roots = roots
        self.skipping = skipping
        last = take()
    }
}
