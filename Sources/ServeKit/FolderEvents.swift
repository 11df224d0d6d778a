import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether anything happened in the watched folders since the last look: Linux inotify, one
/// watch per folder (never per file), read without blocking. It only says *that* something
/// may have changed — the `Watcher` then takes the `Stamps` and compares, so an event that
/// changes nothing (the output folder swapped inside a watched one, a file touched to the same
/// bytes) costs one look and starts no build.
///
/// Why: polling stamps 10,000 report files four times a second costs 7.5 % of a core while
/// nothing happens; waiting on folder events costs a `read` that finds nothing. Where inotify
/// is missing or runs out of watches (`fs.inotify.max_user_watches`), `changed()` always says
/// yes, and the watcher polls as before.
final class FolderEvents: @unchecked Sendable {
    #if canImport(Glibc)
    private let fd: Int32
    /// Watch descriptor → folder, and the folders watched.
    private var folders: [Int32: String] = [:]
    private var watched: Set<String> = []
    #endif
    /// Set when a folder could not be watched: from then on every look is a full one.
    private(set) var exhausted = false
    private let lock = NSLock()

    /// `nil` where there is no inotify (not Linux, or `inotify_init1` failed).
    init?() {
        #if canImport(Glibc)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        #else
        return nil
        #endif
    }

    deinit {
        #if canImport(Glibc)
        close(fd)
        #endif
    }

    /// Watches the folders not watched yet; returns how many were added. A folder that
    /// cannot be watched (gone since, or no watches left) makes the watcher poll.
    @discardableResult
    func watch(_ paths: some Sequence<String>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        var added = 0
        #if canImport(Glibc)
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        for path in paths where !watched.contains(path) {
            let wd = inotify_add_watch(fd, path, mask)
            if wd < 0 {
                // A folder removed between the look and now is not a reason to poll; running
                // out of watches (ENOSPC) or anything else is.
                if errno != ENOENT && errno != ENOTDIR { exhausted = true }
                continue
            }
            folders[wd] = path
            watched.insert(path)
            added += 1
        }
        #endif
        return added
    }

    /// The number of folders watched.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        #if canImport(Glibc)
        return watched.count
        #else
        return 0
        #endif
    }

    /// Reads every event waiting; whether there was any (or the queue overflowed, or folders
    /// could not all be watched). A watch the kernel dropped (its folder removed) is forgotten,
    /// so a folder made again at the same path is watched again.
    func changed() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        var any = exhausted
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            any = true
            var offset = 0
            while offset + 16 <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                }
                if mask & UInt32(IN_IGNORED) != 0, let path = folders.removeValue(forKey: wd) { watched.remove(path) }
                offset += 16 + Int(length)
            }
        }
        #endif
        return any
    }
}
