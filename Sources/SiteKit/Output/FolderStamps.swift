import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a rebuild that changed nothing saw of the live site's folders, so that the next one
/// need not list them all again (15,000 folders and 60,000 files at 10,000 reports: `open`,
/// `getdents` and a set of every path, the largest share of a no-change rebuild): each folder's
/// stamp (device, inode, size, modification and change times), the stamp of the output table
/// (`output.bin`) the listing was found equal to, and the number of the site's files then,
/// in `.nianbao/cache/folders.bin`.
///
/// A folder's modification and change times move whenever an entry is added to it, removed
/// from it or renamed in or out of it (a page deleted by hand, a file or folder put there), and
/// a folder replaced by another has another inode. So when every folder has the stamp seen
/// then, and the table is the same file, the site holds exactly the files it held then — the
/// table's — and is not listed. A file edited by hand in place changes no folder: as before
/// (the listing names files, it never read them), `nianbao build --clean` is the remedy for
/// that. As `FileStamps`, a stamp is trusted only when both its times are older than the moment
/// the listing began by a margin (racy timestamps); a folder changed just before is listed
/// again. Not in the site's table (it names this machine's inodes), written only after a
/// listing found the site to be its table; gone with the site a build swaps out.
///
///     "nianbao-folders\n"  format (varint)  taken (8 bytes)  table stamp  files (varint)
///     count × (path, stamp)
///     xxHash64 of everything above (8 bytes)
struct FolderStamps: Sendable {
    static let path = ".nianbao/cache/folders.bin"
    static let format: UInt64 = 1
    private static let magic = Array("nianbao-folders\n".utf8)

    var taken: Int64
    var table: FileStamp
    var files: Int
    var folders: [(path: String, stamp: FileStamp)]

    /// The number of the site's files when every folder still has its stamp, each trusted,
    /// and the table is the one they were listed against; `nil` when the site must be listed.
    /// `checked` counts the folders looked at.
    func vouch(site root: String, margin: Int64, checked: inout Int) -> Int? {
        guard !folders.isEmpty, FileStamp.of(root + "/" + OutputTable.path) == table else { return nil }
        // Each folder by its path in the site, from the site's folder open once (not the whole path each time).
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        for folder in folders {
            checked += 1
            guard max(folder.stamp.modified, folder.stamp.changed) < taken - margin,
                  fstatat(fd, folder.path.isEmpty ? "." : folder.path, &st, AT_SYMLINK_NOFOLLOW) == 0, st.st_mode & S_IFMT == S_IFDIR,
                  FileStamp(st) == folder.stamp else { return nil }
        }
        return files
    }

    var data: Data {
        var w = CacheWriter(magic: Self.magic, format: Self.format, capacity: folders.count * 80)
        w.fixed(UInt64(bitPattern: taken))
        w.stamp(table)
        w.uint(UInt64(files))
        w.array(folders) { w, folder in
            w.string(folder.path)
            w.stamp(folder.stamp)
        }
        return BuildCache.sealed(w)
    }

    /// The stamps in the site at `root`; `nil` when there are none or they are damaged.
    static func read(site root: String) -> FolderStamps? {
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
        return try? BuildCache.unsealed(data, magic: magic, format: format) { r in
            let taken = Int64(bitPattern: try r.fixed())
            let table = try r.stamp()
            let files = Int(try r.uint())
            let folders = try r.array { r in (path: try r.string(), stamp: try r.stamp()) }
            return FolderStamps(taken: taken, table: table, files: files, folders: folders)
        }
    }

    /// Writes the stamps into the live site at `root` (beside, then renamed over); a failure
    /// leaves the site to be listed next time, which is as good.
    func replace(in root: String) { Disk.replace(root + "/" + Self.path, with: data) }
}
