import Foundation
import InputKit
#if canImport(Glibc)
import Glibc
#endif

/// The moment a set of stamps was taken, read before the first `stat`, and the one rule by
/// which a stamp seen then may vouch for a file or folder later: the racy-timestamp guard
/// that `FileStamps` (`stamps.bin`) and `FolderStamps` (`folders.bin`) share.
///
/// **Racy stamps** (as Git's index). A file's times come from a clock with ticks (the kernel's
/// coarse clock, a few milliseconds; whole or even seconds on some file systems): a change made
/// in the same tick as the one a stamp shows leaves the stamp as it was. A stamp `s` (the later
/// of its modification and change times) seen after the moment `p` of the clock its times come
/// from, with `s < p`, is safe: the file was not changed between `p` and the `stat` (that change
/// would carry a time of at least `p`), and any later change carries a time of at least `p`
/// too, so it moves the stamp. A stamp with `s >= p` (changed in `p`'s tick or after) vouches
/// for nothing: the file is read (a folder listed) again, and the stamp seen then is judged by
/// that build's moment.
///
/// **Whose clock.** `p` is read from the file system itself: the times it gives a file made
/// then (an unnamed one, `O_TMPFILE`, in a folder of that file system: nothing is left behind,
/// no folder's times move), with the device it is on. A stamp of that device is judged by it,
/// tick for tick, whatever the file system's resolution, so a build need not wait: a file
/// written a few milliseconds before the moment is vouched for by the next build. The wall
/// clock, read first, vouches too, with a margin (`Pipeline.Limits.racyMargin`, 2 s) for the
/// coarse tick and for file systems that keep whole or even seconds: `s < wall - margin` — for
/// a stamp of another device, or where the file system's clock cannot be read (no
/// `O_TMPFILE`: a network or FAT file system, a folder not writable). Each rule is safe on its
/// own, so a stamp either vouches for is trusted. Both rely, like Git's, on the clock not being
/// set back between two builds.
struct StampClock: Sendable, Equatable {
    /// The wall clock (`FileStamp.now()`).
    var wall: Int64
    /// The file system's clock: the device it was read on (0: not read) and the later of the
    /// modification and change times it gave a file made then.
    var device: UInt64
    var file: Int64

    /// The margin of the wall clock when the file system's cannot be read.
    static let margin = Int64(2_000_000_000)

    /// The moment now, read on the file system of the folder at `folder` (the wall clock alone
    /// when it cannot be).
    static func now(on folder: String) -> StampClock {
        let wall = FileStamp.now()
        // O_TMPFILE (__O_TMPFILE | O_DIRECTORY: the same number on every Linux architecture but
        // Alpha, SPARC and PA-RISC): a file with no name, gone when closed.
        let fd = open(folder, O_RDWR | O_CLOEXEC | O_DIRECTORY | 0o20_000_000, 0o600)
        guard fd >= 0 else { return StampClock(wall: wall, device: 0, file: 0) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return StampClock(wall: wall, device: 0, file: 0) }
        let stamp = FileStamp(st)
        return StampClock(wall: wall, device: stamp.device, file: max(stamp.modified, stamp.changed))
    }

    /// Whether `stamp`, seen after this moment, vouches for what it stamps (see above).
    func trusts(_ stamp: FileStamp, margin: Int64) -> Bool {
        let s = max(stamp.modified, stamp.changed)
        return (device != 0 && stamp.device == device && s < file) || s < wall - margin
    }
}

extension CacheWriter {
    mutating func clock(_ c: StampClock) {
        fixed(UInt64(bitPattern: c.wall))
        uint(c.device)
        fixed(UInt64(bitPattern: c.file))
    }
}

extension CacheReader {
    mutating func clock() throws -> StampClock {
        StampClock(wall: Int64(bitPattern: try fixed()), device: try uint(), file: Int64(bitPattern: try fixed()))
    }
}
