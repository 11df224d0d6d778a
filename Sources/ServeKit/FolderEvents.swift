import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What happened in the watched folders since the last read: Linux inotify, one watch per
/// folder (never per file), read without blocking. Each event names a path (the folder's,
/// joined with the name the event carries), so the `Watcher` looks at those paths only, not at
/// every file of the site: a save costs the `lstat` of the file saved, not of 10,000.
///
/// It only says *where* something may have changed — the watcher then takes those paths'
/// `Stamps` and compares, so an event that changes nothing (a file touched to the same bytes
/// and times) starts no build. It also says which files are being written (`IN_MODIFY` and no
/// `IN_CLOSE_WRITE` yet), so a save that truncates the file and then writes it is waited for,
/// not taken half-written.
///
/// Why: polling stamps 10,000 report files four times a second costs 7.5 % of a core while
/// nothing happens, and two looks at all of them per change some 60 ms of every save; waiting
/// on folder events costs nothing. Where inotify is missing or runs out of watches
/// (`fs.inotify.max_user_watches`), the watcher polls as before; when the kernel's queue
/// overflows (`IN_Q_OVERFLOW`: events were lost), a read says so and the watcher looks at
/// everything once.
final class FolderEvents: @unchecked Sendable {
    /// The paths named by the events read, and what they say of writes in progress.
    struct Batch: Equatable, Sendable {
        /// Paths something happened to (a file or folder in a watched folder, or a watched folder itself).
        var paths: Set<String> = []
        /// Files modified and not closed yet, and files closed (or gone) since.
        var written: Set<String> = []
        var closed: Set<String> = []
        /// Events were lost (or folders could not all be watched): anything may have changed.
        var overflow = false

        var isEmpty: Bool { paths.isEmpty && !overflow }
    }

    #if canImport(Glibc)
    private let fd: Int32
    /// Watch descriptor → folder, and folder → watch descriptor.
    private var folders: [Int32: String] = [:]
    private var watched: [String: Int32] = [:]
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
    /// cannot be watched (gone since, or no watches left) makes the watcher poll. Called before
    /// a folder is listed, so a change made while it is listed has an event.
    @discardableResult
    func watch(_ paths: some Sequence<String>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        var added = 0
        #if canImport(Glibc)
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        for path in paths where watched[path] == nil {
            let wd = inotify_add_watch(fd, path, mask)
            if wd < 0 {
                // A folder removed between the look and now is not a reason to poll; running
                // out of watches (ENOSPC) or anything else is.
                if errno != ENOENT && errno != ENOTDIR { exhausted = true }
                continue
            }
            // The same folder under another path (moved): its events name the new one.
            if let old = folders[wd] { watched[old] = nil }
            folders[wd] = path
            watched[path] = wd
            added += 1
        }
        #endif
        return added
    }

    /// Stops watching `path` and the folders below it (moved away or removed: a folder made
    /// again at that path is watched anew, and a folder moved keeps no watch naming its old path).
    func forget(below path: String) {
        lock.lock()
        defer { lock.unlock() }
        #if canImport(Glibc)
        let inside = path + "/"
        for (folder, wd) in watched where folder == path || folder.hasPrefix(inside) {
            inotify_rm_watch(fd, wd)
            folders[wd] = nil
            watched[folder] = nil
        }
        #endif
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

    /// Waits until an event can be read or `timeout` has passed (on a thread of its own, not
    /// the cooperative pool's); whether one can.
    func readable(within timeout: Duration) async -> Bool {
        #if canImport(Glibc)
        let ms = Int32(max(0, min(Double(Int32.max), (Double(timeout.components.seconds) * 1000
                                                      + Double(timeout.components.attoseconds) / 1e15).rounded(.up))))
        let fd = self.fd
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            DispatchQueue.global().async {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                continuation.resume(returning: poll(&p, 1, ms) > 0)
            }
        }
        #else
        try? await Task.sleep(for: timeout)
        return false
        #endif
    }

    /// Reads every event waiting. A watch the kernel dropped (its folder removed) is
    /// forgotten, so a folder made again at the same path is watched again.
    func read() -> Batch {
        lock.lock()
        defer { lock.unlock() }
        var batch = Batch()
        batch.overflow = exhausted
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            var offset = 0
            while offset + 16 <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                }
                let name = buffer.withUnsafeBytes { raw in
                    let bytes = raw[(offset + 16)..<(offset + 16 + Int(length))]
                    return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                offset += 16 + Int(length)
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { batch.overflow = true }
                guard let folder = folders[wd] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[wd] = nil
                    if watched[folder] == wd { watched[folder] = nil }
                    continue
                }
                let path = name.isEmpty ? folder : folder + "/" + name
                batch.paths.insert(path)
                if mask & UInt32(IN_ISDIR) == 0 {
                    if mask & UInt32(IN_MODIFY) != 0 { batch.written.insert(path); batch.closed.remove(path) }
                    if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM) != 0 { batch.closed.insert(path); batch.written.remove(path) }
                }
            }
        }
        #endif
        return batch
    }
}
