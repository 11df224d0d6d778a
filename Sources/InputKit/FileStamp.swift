import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file, as far as telling whether its bytes changed: device, inode,
/// size, and the modification and change times in nanoseconds. The change time (`ctime`) is
/// set by the kernel on every write, rename, `chmod` or `utime` and cannot be set back by a
/// program, so a same-size edit whose modification time was restored (`touch -d`, `cp -p`,
/// an archive unpacked over it) still changes the stamp.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: UInt64
    public var modified: Int64
    public var changed: Int64

    /// The stamp of what `st` describes (the build's scan and `serve`'s watcher take the same).
    public init(_ st: stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: UInt64(st.st_size),
                  modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                  changed: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
    }

    public init(device: UInt64, inode: UInt64, size: UInt64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    /// The stamp of the regular file at `path`, links followed (the file that is read);
    /// `nil` when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(st)
    }

    /// The wall clock now, in the nanoseconds of file times.
    public static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}
