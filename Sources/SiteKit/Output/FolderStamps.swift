import Foundation
import InputKit
#if canImport(Glibc)
import Glibc
#endif

/// What a site's folders held when they were last known, so that a rebuild need not list them
/// all again (15,000 folders and 60,000 files at 10,000 reports: `open`, `getdents` and a set
/// of every path): each folder's stamp (device, inode, size, modification and change times),
/// the names it held (how many, and their digest), the stamp of the output table
/// (`output.bin`) the site was its table's with, and the number of the site's files, in
/// `.nianbao/cache/folders.bin`.
///
/// A folder's modification and change times move whenever an entry is added to it, removed
/// from it or renamed in or out of it (a page deleted by hand, a file or folder put there), and
/// a folder replaced by another has another inode. So when every folder has the stamp seen
/// then, and the table is the same file, the site holds exactly the files it held then — the
/// table's — and is not listed. A folder whose stamp moved, or cannot vouch (racy: changed in
/// the tick of the moment the stamps were taken, `StampClock`), is listed alone, and its
/// names compared with the ones it held: the same, and the rest of the site still vouches. A
/// file edited by hand in place changes no folder: as before (the listing names files, it
/// never read them), `nianbao build --clean` is the remedy for that.
///
/// Two ways the names are known: a listing that found the site to be its table (a rebuild
/// that changed nothing and could not vouch), or the commit of a build (`built`), which wrote
/// exactly the table's files into the staged folder (nianbao's alone, under the lock): its
/// moment is read after the last of them and before the swap, so a folder changed by anyone
/// after it (the swap itself changes the site's own folder) is racy and listed next time. The
/// site a build replaced (the spare) keeps its stamps: they vouch for it to the next build,
/// which brings it up to date without listing it. Not in the site's table (it names this
/// machine's inodes); removed from the spare before its first change.
///
///     "nianbao-folders\n"  format (varint)  clock  table stamp  files (varint)
///     count × (path, stamp, names digest (8 bytes), names (varint))
///     xxHash64 of everything above (8 bytes)
struct FolderStamps: Sendable {
    static let path = ".nianbao/cache/folders.bin"
    /// 2: each folder's names, and the moment on the file system's clock (`StampClock`).
    static let format: UInt64 = 2
    private static let magic = Array("nianbao-folders\n".utf8)
    /// Folders a check lists one by one before it lists the whole site instead.
    static let listedAtMost = 256

    struct Folder: Sendable, Equatable {
        /// Relative to the site ("" for the site itself).
        var path: String
        var stamp: FileStamp
        var names: Names
    }

    /// The entries of a folder, by name (a folder's name with a `/`), in no order: how many,
    /// and the wrapping sum of each one's digest. Hidden entries at the site's top are not the
    /// site's (the build's `.nianbao/`, the marker, a deploy checkout's `.git`).
    struct Names: Sendable, Equatable {
        var digest: UInt64 = 0
        var count = 0

        mutating func add(_ name: Substring, folder: Bool) {
            digest &+= Self.digest(name, folder: folder)
            count += 1
        }

        /// Takes out a name `add` put in (the sum wraps both ways).
        mutating func remove(_ name: Substring, folder: Bool) {
            digest &-= Self.digest(name, folder: folder)
            count -= 1
        }

        private static func digest(_ name: Substring, folder: Bool) -> UInt64 {
            var d = Digest()
            d.add(String(name) + (folder ? "/" : ""))
            return d.value
        }

        init() {}

        init(_ entries: [(name: String, isFolder: Bool)], top: Bool) {
            for entry in entries where !(top && entry.name.hasPrefix(".")) { add(Substring(entry.name), folder: entry.isFolder) }
        }
    }

    var clock: StampClock
    var table: FileStamp
    var files: Int
    var folders: [Folder]

    /// What a check found: the number of the site's files, and the stamps to keep instead
    /// of these when it listed folders (each listed one with its stamp now, under the moment
    /// read before it looked).
    struct Vouched {
        var files: Int
        var listed: Int
        var refreshed: FolderStamps?
        /// The folders listed (their stamps are the ones seen now, under the moment read then).
        var listedFolders: [String] = []
    }

    /// The number of the site's files when every folder still vouches for the names it held,
    /// by its stamp or by a listing of it alone (at most `listedAtMost`), and the table is
    /// the one they were found with; `nil` when the site must be listed. `checked` counts the
    /// folders looked at.
    func vouch(site root: String, margin: Int64, checked: inout Int) -> Vouched? {
        guard !folders.isEmpty, FileStamp.of(root + "/" + OutputTable.path) == table else { return nil }
        // Before the first `stat`: the moment of the stamps of the folders listed now.
        let now = StampClock.now(on: root)
        // Each folder by its path in the site, from the site's folder open once (not the whole path each time).
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        var updated = folders, listed = 0, listedFolders: [String] = []
        for (i, folder) in folders.enumerated() {
            checked += 1
            guard fstatat(fd, folder.path.isEmpty ? "." : folder.path, &st, AT_SYMLINK_NOFOLLOW) == 0,
                  st.st_mode & S_IFMT == S_IFDIR else { return nil }
            if FileStamp(st) == folder.stamp, clock.trusts(folder.stamp, margin: margin) { continue }
            listed += 1
            var stamp: FileStamp?
            guard listed <= Self.listedAtMost,
                  let entries = try? Disk.entryKinds(root + (folder.path.isEmpty ? "" : "/" + folder.path), stamp: &stamp),
                  let stamp, Names(entries, top: folder.path.isEmpty) == folder.names else { return nil }
            updated[i].stamp = stamp
            listedFolders.append(folder.path)
        }
        let refreshed = listed == 0 ? nil : FolderStamps(clock: now, table: table, files: files, folders: updated)
        return Vouched(files: files, listed: listed, refreshed: refreshed, listedFolders: listedFolders)
    }

    /// The stamps of a site just written from `table` (`OutputWriter.Staging.commit`): its
    /// folders are the ones the table's paths name, each holding what they name, as of
    /// `clock` (read before the swap, after the last file was put). `nil` when a folder is
    /// missing.
    static func built(site root: String, table: OutputTable, clock: StampClock) -> FolderStamps? {
        var names: [String: Names] = ["": Names()]
        var files = 0
        for path in table.digests.keys where !path.hasPrefix(".") {
            files += 1
            // The file in its folder; each folder met for the first time in its own, upwards.
            var child = Substring(path), folder = false
            while true {
                let slash = child.lastIndex(of: "/")
                let parent = slash.map { String(child[..<$0]) } ?? ""
                let known = names[parent] != nil
                names[parent, default: Names()].add(slash.map { child[child.index(after: $0)...] } ?? child, folder: folder)
                if known { break }
                child = Substring(parent)
                folder = true
            }
        }
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0, let tableStamp = FileStamp.of(root + "/" + OutputTable.path) else { return nil }
        defer { close(fd) }
        var st = stat()
        var folders: [Folder] = []
        folders.reserveCapacity(names.count)
        for (path, held) in names {
            guard fstatat(fd, path.isEmpty ? "." : path, &st, AT_SYMLINK_NOFOLLOW) == 0, st.st_mode & S_IFMT == S_IFDIR else { return nil }
            folders.append(Folder(path: path, stamp: FileStamp(st), names: held))
        }
        return FolderStamps(clock: clock, table: tableStamp, files: files, folders: folders)
    }

    /// What a build changed in the folders of the spare it brought up to date
    /// (`OutputWriter.Staging`): the folders whose entries it added, removed or replaced (their
    /// stamps moved), the names each gained and lost, the folders it made and removed. Anything
    /// else (an entry of another kind in the way, a file its table named missing) makes it
    /// `irregular`, and the new site's stamps are then taken from its table (`built`).
    struct Changes: Sendable {
        /// Relative to the site, "" for the site itself (always looked at again: the hidden
        /// entries carried over at its top, the build's own `.nianbao/`).
        var touched: Set<String> = [""]
        var gained: [String: Names] = [:]
        var lost: [String: Names] = [:]
        var made: Set<String> = []
        var removed: Set<String> = []
        var irregular = false

        /// The entry at `path` (a file, or a folder when `folder`) put into its folder.
        mutating func added(_ path: Substring, folder: Bool) {
            let (parent, name) = Self.split(path)
            touched.insert(parent)
            gained[parent, default: Names()].add(name, folder: folder)
            if folder {
                made.insert(String(path))
                touched.insert(String(path))
            }
        }

        /// The entry at `path` taken out of its folder.
        mutating func taken(_ path: Substring, folder: Bool) {
            let (parent, name) = Self.split(path)
            touched.insert(parent)
            lost[parent, default: Names()].add(name, folder: folder)
            if folder { removed.insert(String(path)) }
        }

        /// The file at `path` replaced by another of the same name: its folder's stamp moved.
        mutating func replaced(_ path: Substring) { touched.insert(Self.split(path).parent) }

        private static func split(_ path: Substring) -> (parent: String, name: Substring) {
            guard let slash = path.lastIndex(of: "/") else { return ("", path) }
            return (String(path[..<slash]), path[path.index(after: slash)...])
        }
    }

    /// The stamps of the site at `root`, just written by bringing up to date the spare these
    /// stamps vouched for (`OutputWriter.Staging.commit`): a folder the build did not change
    /// keeps its stamp and names (it was trusted under an earlier moment than `clock`); a
    /// folder it changed, made or listed is looked at again, and its names are the ones it
    /// held with those it gained and without those it lost. The same stamps as `built` gives
    /// (`FolderStampTests`), looking at the few folders that changed instead of every one, and
    /// with no pass over the table's 60,000 paths. `nil` when the changes are irregular or do
    /// not add up (a folder missing, names taken that it did not hold): then `built`.
    func updated(site root: String, changes: Changes, listed: [String], files: Int,
                 clock: StampClock) -> (stamps: FolderStamps, restamped: Int)? {
        guard !changes.irregular else { return nil }
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0, let tableStamp = FileStamp.of(root + "/" + OutputTable.path) else { return nil }
        defer { close(fd) }
        var st = stat()
        func stamp(_ path: String) -> FileStamp? {
            guard fstatat(fd, path.isEmpty ? "." : path, &st, AT_SYMLINK_NOFOLLOW) == 0, st.st_mode & S_IFMT == S_IFDIR else { return nil }
            return FileStamp(st)
        }
        func names(_ path: String, _ held: Names) -> Names? {
            var names = held
            if let gained = changes.gained[path] {
                names.digest &+= gained.digest
                names.count += gained.count
            }
            if let lost = changes.lost[path] {
                names.digest &-= lost.digest
                names.count -= lost.count
            }
            return names.count >= 0 ? names : nil
        }
        let again = changes.touched.union(listed)
        var result: [Folder] = []
        result.reserveCapacity(folders.count + changes.made.count)
        var seen = 0
        for folder in folders where !changes.removed.contains(folder.path) {
            guard again.contains(folder.path) else {
                result.append(folder)
                continue
            }
            guard !changes.made.contains(folder.path), let stamp = stamp(folder.path),
                  let names = names(folder.path, folder.names) else { return nil }
            result.append(Folder(path: folder.path, stamp: stamp, names: names))
            seen += 1
        }
        for path in changes.made where !changes.removed.contains(path) {
            guard let stamp = stamp(path), let names = names(path, Names()) else { return nil }
            result.append(Folder(path: path, stamp: stamp, names: names))
            seen += 1
        }
        // Every folder changed is one of the site's now, or was removed.
        guard seen == again.subtracting(changes.removed).count else { return nil }
        return (FolderStamps(clock: clock, table: tableStamp, files: files, folders: result), seen)
    }

    var data: Data {
        var w = CacheWriter(magic: Self.magic, format: Self.format, capacity: folders.count * 96)
        w.clock(clock)
        w.stamp(table)
        w.uint(UInt64(files))
        w.array(folders) { w, folder in
            w.string(folder.path)
            w.stamp(folder.stamp)
            w.fixed(folder.names.digest)
            w.uint(UInt64(folder.names.count))
        }
        return BuildCache.sealed(w)
    }

    /// The stamps in the site at `root`; `nil` when there are none or they are damaged.
    static func read(site root: String) -> FolderStamps? {
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
        return try? BuildCache.unsealed(data, magic: magic, format: format) { r in
            let clock = try r.clock()
            let table = try r.stamp()
            let files = Int(try r.uint())
            let folders = try r.array { r in
                let path = try r.string(), stamp = try r.stamp()
                var names = Names()
                names.digest = try r.fixed()
                names.count = Int(try r.uint())
                return Folder(path: path, stamp: stamp, names: names)
            }
            return FolderStamps(clock: clock, table: table, files: files, folders: folders)
        }
    }

    /// Writes the stamps into the site at `root` (beside, then renamed over); a failure
    /// leaves the site to be listed next time, which is as good.
    func replace(in root: String) { Disk.replace(root + "/" + Self.path, with: data) }

    /// Removes the stamps from the site at `root` (a spare about to change).
    static func remove(from root: String) { unlink(root + "/" + path) }
}
