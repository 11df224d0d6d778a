import Foundation

/// Waits for the files a site is made from to change. Where the system tells of changes in
/// folders (`FolderEvents`, Linux inotify), it looks at the files' `Stamps` only after an
/// event, checking for one every `quick`; elsewhere (or when the folders could not all be
/// watched) it looks every `interval`. Either way it also looks every `fullLook`, for the
/// changes no event tells of (a network or shared folder of a container, a file edited
/// through a hard link in a folder not watched). Once something changed, it looks again every
/// `settle` until two looks agree (a save of several files, a `git checkout`, ends before the
/// rebuild starts), at most `maxSettles` times.
///
/// The stamps compared against are those taken before the previous rebuild started, so a
/// file saved while a build runs starts the next one (its events wait in the queue).
public struct Watcher: Sendable {
    public var roots: [String]
    public var skipping: [String]
    public var interval: Duration = .milliseconds(250)
    public var quick: Duration = .milliseconds(50)
    public var fullLook: Duration = .seconds(5)
    public var settle: Duration = .milliseconds(40)
    public var maxSettles = 25
    private var last: Stamps
    private let events: FolderEvents?
    /// Looks at the stamps taken since the watcher began: the work it does, counted (tests).
    public private(set) var looks = 0
    /// A look must follow (folders were watched only after the last look began: a change in
    /// between has no event).
    private var recheck = false

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

    /// Whether folder events tell the watcher when to look (rather than polling), and how many
    /// folders it watches.
    public var usesFolderEvents: Bool { events.map { !$0.exhausted } ?? false }
    public var watchedFolders: Int { events?.count ?? 0 }

    /// The stamps now; the folders seen are watched from now on.
    private mutating func take() -> Stamps {
        looks += 1
        let now = Stamps.take(roots, skipping: skipping)
        if let events, events.watch(now.folders) > 0 { recheck = true }
        return now
    }

    /// Waits for the next change; returns the paths that changed, sorted. Throws when the
    /// task is cancelled.
    public mutating func next() async throws -> [String] {
        let clock = ContinuousClock()
        var lastLook = clock.now
        while true {
            let polling = !usesFolderEvents
            try await Task.sleep(for: polling ? interval : quick)
            if !polling, !recheck, !(events?.changed() ?? true), clock.now - lastLook < fullLook { continue }
            recheck = false
            lastLook = clock.now
            var now = take()
            guard now != last else { continue }
            for _ in 0..<maxSettles {
                try await Task.sleep(for: settle)
                _ = events?.changed()
                let again = take()
                if again == now { break }
                now = again
            }
            let changed = now.changes(since: last)
            last = now
            if !changed.isEmpty { return changed }
        }
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
