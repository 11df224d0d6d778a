import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ContentFolder {
    /// What `lstat` said of one name in an open folder: its `stat`, or the `errno` it failed with.
    struct Look {
        var info = stat()
        /// 0 when `lstat` succeeded.
        var error: Int32 = 0
    }

    /// The `lstat` of each name in the open folder `fd`, in order, spread over the cores when
    /// there are many: the walk of a 10,000-file folder was mostly `fstatat`, one after another
    /// on one core (issue 10). A name is looked at by itself in the folder (never by a whole
    /// path), whatever the walk then makes of it.
    static func looks(at names: [[UInt8]], in fd: Int32, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Look] {
        // A few hundred names a part: fewer are not worth a thread.
        let parts = max(1, min(cores, names.count / 256))
        var looks = [Look](repeating: Look(), count: names.count)
        looks.withUnsafeMutableBufferPointer { out in
            // Each part writes only its own range of `out`.
            nonisolated(unsafe) let out = out
            let look: @Sendable (Int) -> Void = { part in
                var path = [CChar](repeating: 0, count: Int(NAME_MAX) + 2)
                let range = (names.count * part / parts)..<(names.count * (part + 1) / parts)
                for i in range {
                    let name = names[i]
                    guard name.count <= Int(NAME_MAX) else { out[i].error = ENAMETOOLONG; continue }
                    for (k, byte) in name.enumerated() { path[k] = CChar(bitPattern: byte) }
                    path[name.count] = 0
                    if fstatat(fd, path, &out[i].info, AT_SYMLINK_NOFOLLOW) != 0 { out[i].error = errno }
                }
            }
            if parts == 1 { look(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: look) }
        }
        return looks
    }
}
