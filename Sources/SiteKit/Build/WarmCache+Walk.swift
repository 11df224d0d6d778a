import Foundation
import InputKit

/// The content folder as `serve`'s last build found it, brought up to date at the files its
/// watcher says changed (`ContentFolder.Discovery.updated`) instead of walked again: a save of
/// one report costs the `lstat` of its folder and of the file, not of the 10,000 (issue 10).
///
/// The watcher's word is taken only as `serve` gives it, for every change since the last
/// build's scan began (`changed(_:vouched:)`); a build with no word since (the first one, a
/// build by anything else using the cache, a change the watcher could not vouch for) walks the
/// folder, and so does any doubt `Discovery.updated` has.
extension WarmCache {
    /// Tells the next build which files changed (absolute paths, as the watcher names them)
    /// since the last build's scan began. `vouched: false` when the watcher cannot name them
    /// all (its events overflowed, it looked at everything, `site.yml` changed): the next build
    /// walks the content folder. Changes told before a build that did not happen add up.
    public func changed(_ paths: some Sequence<String>, vouched: Bool) {
        lock.withLock {
            guard vouched, walk != nil else {
                changes = .unknown
                return
            }
            if case .named(let earlier) = changes { changes = .named(earlier.union(paths)) } else if changes == .none {
                changes = .named(Set(paths))
            }
        }
    }

    /// The last walk of `folder`, brought up to date at the files the watcher named, and the
    /// moment its folders' stamps are judged by; `nil` when the folder must be walked. Takes
    /// what was told: a walk, or this, is what the next build's changes are told against.
    /// `looked` counts the `lstat`s made.
    func discovery(of folder: URL, margin: Int64, looked: inout Int) -> (discovery: ContentFolder.Discovery, clock: StampClock)? {
        let (last, told) = lock.withLock {
            defer { (walk, changes) = (nil, ChangesTold.none) }
            return (walk, changes)
        }
        guard let last, case .named(let paths) = told else { return nil }
        let root = folder.path, base = last.discovery.base
        var relative: [String] = []
        for path in paths {
            if let inside = Self.relative(path, below: root) ?? Self.relative(path, below: base) {
                relative.append(inside)
            } else if path == root || path == base {
                return nil
            }
            // Outside the content folder (the theme, site.yml): not the scan's.
        }
        guard let updated = last.discovery.updated(at: relative, in: folder, trusts: { last.clock.trusts($0, margin: margin) },
                                                   looked: &looked) else { return nil }
        return (updated, last.clock)
    }

    /// Keeps a walk of the content folder (made now, or brought up to date) for the next build.
    func keep(walk discovery: ContentFolder.Discovery, clock: StampClock) {
        lock.withLock { walk = (discovery, clock) }
    }

    static func relative(_ path: String, below folder: String) -> String? {
        guard !folder.isEmpty, path.hasPrefix(folder + "/") else { return nil }
        return String(path.dropFirst(folder.utf8.count + 1))
    }

    /// What the watcher told since the last scan: nothing, the files that changed, or that it
    /// cannot tell.
    enum ChangesTold: Equatable, Sendable {
        case none
        case named(Set<String>)
        case unknown
    }
}
