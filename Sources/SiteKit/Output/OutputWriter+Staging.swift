import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension OutputWriter {
    /// A site being written: files are put (from any number of threads at once), then
    /// `commit()` swaps it in. Dropped without a commit, it removes a folder it made.
    ///
    /// A fresh staging folder starts empty. A file whose bytes the live site already has is
    /// hard-linked from there (the same inode: untouched for uploaders), and only new bytes are
    /// written. An incremental build (`tracksOutput`) knows those bytes from the live site's
    /// `OutputTable` without reading the file; otherwise the live file is read and compared.
    ///
    /// **The spare.** An incremental build does not remove the site it replaced: it stays
    /// beside the output under the staging name, as the spare, and the next build brings the
    /// spare up to date instead of linking every file of the site into an empty folder. The
    /// spare's own table says what each of its files holds, so only the entries that differ
    /// are touched (unlinked, then linked from the live site or written: never written in
    /// place, since most of its files are the live site's inodes too); a file left in the
    /// spare that the new site lacks is removed at the commit, and the swap is the same one
    /// exchange. The spare is trusted only when it carries the marker and its table is whole
    /// (sealed, this format): a table is written last into a finished site and removed from
    /// the spare before its first change, so a build killed while it updates the spare leaves
    /// one with no table, which the next build does not trust and clears (it then starts from
    /// an empty folder). The live site is never touched before the swap, so a kill at any
    /// moment leaves it whole.
    ///
    /// Named points where `stopAt` can stop the process, in order: `locked`,
    /// `staging.created` (or `spare.opened`), `staging.marked`, `staging.file.<n>` (after the
    /// n-th file put), `spare.pruned`, `staging.complete`, then `swap.exchanged` — or, in the
    /// fallback, `swap.retired`.
    public final class Staging: @unchecked Sendable {
        let writer: OutputWriter
        /// The output folder, every link resolved: the folder that is really replaced.
        let target: String
        /// `<output>.nianbao-new`, where the site is written: a fresh folder, or the spare.
        let folder: String
        /// `<output>.nianbao-old`, where the fallback swap parks the previous site.
        let retired: String
        /// The live site's table: what each of its files holds. `nil` when it has none that can
        /// be trusted (then a file is compared with the live one byte for byte).
        let live: OutputTable?
        /// The live site's files as found on disk (`OutputTable.listing`), when the caller walked
        /// it already: the commit counts the removed files from it instead of walking again.
        public var liveFiles: Set<String>?
        /// Whether the live site's files are known to be its table's (its folders' stamps
        /// vouched for them, `FolderStamps`): the commit counts the removed files from the table.
        var liveIsTable = false
        /// How many of the spare's folders were looked at, and whether it was listed whole
        /// (`FolderStamps`): counted, for tests.
        public private(set) var spareFoldersChecked = 0
        public private(set) var spareListed = false
        /// How many folders the commit looked at to stamp the new site (`FolderStamps`).
        public private(set) var foldersStamped = 0
        /// Whether `folder` is the spare (a previous site being brought up to date) rather
        /// than an empty folder.
        public let reusesSpare: Bool
        private let lock: Int32
        /// Guards everything below: `put` runs on many threads.
        private let mutex = NSLock()
        private var made: Set<String> = []
        var table = OutputTable()
        /// The spare's files, with their digests (its table): those this build does not place
        /// are removed at the commit.
        private var spare: [String: UInt64] = [:]
        /// How many of `spare`'s files this build placed: when it is all of them, none is left
        /// to remove, and the spare's 60,000 paths are not looked up again at the commit.
        private var spareMatched = 0
        private var summary = Summary(written: 0, unchanged: 0)
        private var placed = 0
        /// The site's files placed (hidden paths at its top left out), for its folders' stamps.
        private var siteFiles = 0
        /// Of those, the ones the live table names: the rest of its files are the removed ones.
        private var livePlaced = 0
        /// The paths placed that the live table lacks: the new table is written in the live
        /// one's order with these merged in (`OutputTable.data(after:adding:)`).
        var added: [String] = []
        /// The spare's folders' stamps, as they vouched for it (`trustedSpare`), with the folders
        /// listed then; and what this build changed in its folders: the new site's stamps are
        /// these brought up to date (`FolderStamps.updated`), not taken again from the table.
        private var spareStamps: (stamps: FolderStamps, listed: [String])?
        private var folderChanges = FolderStamps.Changes()
        private var ops = 0
        var committed = false
        /// Whether this build created `folder` (and may remove it).
        private var owned = false

        /// File-system changes this staging made (files written, linked and removed, folders
        /// made and removed): bounded by what changed when the spare is reused, by the size of
        /// the site when it starts from an empty folder.
        public var operations: Int {
            mutex.lock()
            defer { mutex.unlock() }
            return ops
        }

        /// `opensSpare: false` (`OutputWriter.prepareSpare`): a trusted spare found is not
        /// opened for a build (its table stays, `reusesSpare` says it is there) and nothing else
        /// is done.
        convenience init(_ writer: OutputWriter, opensSpare: Bool = true) throws {
            try self.init(Opening(writer), opensSpare: opensSpare)
        }

        /// Opens the staging folder from what `opening` read, under the lock it took (and hands
        /// over here). Only from here is anything outside the live site changed.
        init(_ opening: Opening, opensSpare: Bool = true) throws {
            writer = opening.writer
            target = opening.target
            folder = opening.folder
            retired = opening.retired
            let shown = opening.shown
            live = opening.live
            lock = opening.takeLock()
            let spareTable = opening.spare
            spareStamps = opening.spareStamps
            spareFoldersChecked = opening.spareChecked
            spareListed = opening.spareListed
            reusesSpare = spareTable != nil
            // Preparing a spare (`prepareSpare`): a trusted one is left as it is, table and all.
            if spareTable != nil && !opensSpare { return }
            // From here every stored property is set, so a throw runs `deinit`, which
            // removes the staging folder if this build made it, and lets go of the lock.
            table.digests.reserveCapacity((live?.digests.count ?? 0) + 64)
            writer.stop("locked")
            try Self.recover(target: target, folder: reusesSpare ? nil : folder, retired: retired, shown: shown)
            if let reason = OutputWriter.refusal(forFolderAt: target) {
                throw OutputRefusal(reason, shown: shown, resolved: target)
            }
            if let spareTable {
                // Untrusted from here until the commit writes its new table; its folders' stamps
                // describe it as it is now, not as this build leaves it.
                try Disk.remove(folder + "/" + OutputTable.path)
                FolderStamps.remove(from: folder)
                spare = spareTable.digests
                ops += 1
                if let mode = Disk.mode(target) { chmod(folder, mode) }
                writer.stop("spare.opened")
                return
            }
            try Disk.makeDirectory(folder, exclusive: true)
            owned = true
            // The site keeps the permissions of the folder it replaces (a group-writable
            // web root stays group-writable); mkdir alone would apply the umask.
            if let mode = Disk.mode(target) { chmod(folder, mode) }
            writer.stop("staging.created")
            try Disk.write(Data(Self.markerText.utf8), to: folder + "/" + OutputRefusal.marker)
            ops += 2
            writer.stop("staging.marked")
        }

        deinit {
            // Only what this build made: a folder found under the staging name is refused, never
            // removed; a spare whose update stopped keeps no table, and the next build clears it.
            if owned && !committed { try? Disk.removeTree(folder) }
            close(lock)
        }

        /// The table of the spare at `folder` when it can be trusted: a folder (not a link)
        /// carrying the marker, with a whole table (which then describes it: see above) that
        /// names exactly the files found in it (names only, nothing is read: a file put there
        /// or removed by hand is noticed). Its files are known from its folders' stamps, kept
        /// from when it was the live site (`FolderStamps`), when they vouch for them; otherwise
        /// it is listed.
        static func trustedSpare(_ folder: String, margin: Int64, checked: inout Int, listed: inout Bool,
                                 stamps: inout (stamps: FolderStamps, listed: [String])?) -> OutputTable? {
            guard Disk.kind(folder) == .directory, case .file = Disk.kind(folder + "/" + OutputRefusal.marker),
                  let table = OutputTable.read(site: folder) else { return nil }
            var named = 0
            for path in table.digests.keys where !path.hasPrefix(".") { named += 1 }
            if let read = FolderStamps.read(site: folder), let vouched = read.vouch(site: folder, margin: margin, checked: &checked) {
                guard vouched.files == named else { return nil }
                stamps = (vouched.refreshed ?? read, vouched.listedFolders)
                return table
            }
            listed = true
            let found = OutputTable.listing(site: folder)
            guard found.count == named, table.digests.keys.allSatisfy({ $0.hasPrefix(".") || found.contains($0) }) else { return nil }
            return table
        }

        static let markerText = """
            This folder is a site written by nianbao. Every build replaces it whole: do not keep
            other files here (hidden entries at the top, such as .git, are carried over).

            """

        /// Whether the folder at `path` may be replaced: it carries the marker, or holds
        /// nothing but hidden entries (which are carried over).
        static func isSite(_ path: String) -> Bool {
            if case .file = Disk.kind(path + "/" + OutputRefusal.marker) { return true }
            return ((try? Disk.entries(path)) ?? ["?"]).allSatisfy { $0.hasPrefix(".") }
        }

        /// Clears what an interrupted build left beside the output. A fallback swap killed
        /// between its two renames left the output missing and the previous site under
        /// `retired`: it is put back first. Then both staging names are emptied (the staging
        /// name not when `folder` is `nil`: a trusted spare is there) — of folders nianbao
        /// left there; anything else is refused, not deleted.
        static func recover(target: String, folder: String?, retired: String, shown: String) throws {
            try putBack(target: target, retired: retired)
            for stale in [folder, retired].compactMap({ $0 }) where Disk.kind(stale) != nil {
                guard Disk.kind(stale) == .directory, isSite(stale) else {
                    throw OutputRefusal(.stagingTaken(stale), shown: shown, resolved: target)
                }
                try Disk.removeTree(stale)
            }
        }

        /// Puts the previous site back where a fallback swap killed between its two renames
        /// left the output missing and the site under `retired`.
        static func putBack(target: String, retired: String) throws {
            if Disk.kind(target) == nil, Disk.kind(retired) == .directory, isSite(retired) {
                try Disk.rename(retired, target)
            }
        }

        /// Adds one file (from any thread): hard-linked from the live site when it holds these
        /// bytes, written otherwise.
        public func put(_ file: OutputFile) throws {
            try put(file.path, file.data, digest: OutputTable.digest(file.data))
        }

        /// `keep(path)`, for a caller that looked up the live table's digest of `path` already
        /// (60,000 kept files at 10,000 reports: each path hashed once less).
        func keep(_ path: String, digest: UInt64) throws {
            try place(path, digest: digest, data: nil, liveDigest: digest)
        }

        /// `keep(_:digest:)` for many files at once, each with the live table's digest. Those
        /// the spare holds already (most of an edit's 60,000) are entered under one hold of the
        /// mutex, not two each; the others are placed one by one. With a stop point set
        /// (`NIANBAO_DEBUG_STOP_AT`), one by one, so each file is the `staging.file.<n>` it was.
        func keep(_ files: [(path: String, digest: UInt64)]) throws {
            guard reusesSpare, writer.stopAt == nil else {
                for file in files { try keep(file.path, digest: file.digest) }
                return
            }
            var others: [(path: String, digest: UInt64)] = [], duplicate: String?
            mutex.lock()
            for file in files {
                // As `place` on a file the spare holds with these bytes (not the build's own records).
                guard spare[file.path] == file.digest, !file.path.hasPrefix(".nianbao/") else {
                    others.append(file)
                    continue
                }
                guard table.digests.updateValue(file.digest, forKey: file.path) == nil else {
                    duplicate = file.path
                    break
                }
                spareMatched += 1
                _ = counted(file.path, own: false, wrote: false, liveDigest: file.digest, had: file.digest, changes: 0)
            }
            mutex.unlock()
            if let duplicate { throw Failure.duplicate(duplicate) }
            for file in others { try keep(file.path, digest: file.digest) }
        }

        /// The same as `add`, for callers that wrote with the earlier name.
        public func add(_ file: OutputFile) throws { try put(file) }

        /// Keeps a file of the live site as it is, without reading it (an incremental build
        /// knows its inputs did not change). The live site's table must name it.
        public func keep(_ path: String) throws {
            guard let digest = live?[path] else { throw Failure.notInLiveSite(path) }
            try place(path, digest: digest, data: nil, liveDigest: digest)
        }

        /// A file the build writes into the staged site itself, beside the table (the build
        /// cache's heads and bodies, `CacheBodies`): the spare's copy is not pruned as a file
        /// this build did not place.
        func unlisted(_ path: String) {
            mutex.lock()
            spare[path] = nil
            mutex.unlock()
        }

        private func put(_ path: String, _ data: Data, digest: UInt64) throws {
            guard OutputWriter.isSafe(path), path != OutputRefusal.marker, path != OutputTable.path else {
                throw Failure.unsafePath(path)
            }
            try place(path, digest: digest, data: data, liveDigest: live?[path])
        }

        /// Places the file at `path`; `liveDigest` is the live table's digest of it (looked up
        /// once, by the caller).
        private func place(_ path: String, digest: UInt64, data: Data?, liveDigest: UInt64?) throws {
            mutex.lock()
            let inserted = table.digests.updateValue(digest, forKey: path) == nil
            let had = reusesSpare ? spare[path] : nil
            if had != nil { spareMatched += 1 }
            mutex.unlock()
            guard inserted else { throw Failure.duplicate(path) }
            // The build's own records are few and are read back: compared byte for byte, so a
            // damaged cache file is replaced, never linked on the table's word.
            let own = path.hasPrefix(".nianbao/")
            var wrote = false, changes = 0
            if had == digest && !own {
                // The spare holds these bytes already: nothing to do.
                wrote = liveDigest != digest
            } else {
                // Made only here: most files of an edit's build are the spare's already (two
                // paths of 60,000 files each at 10,000 reports).
                let staged = folder + "/" + path
                let previous = target + "/" + path
                changes += try makeParents(of: path)
                if had != nil {
                    try Disk.removeTree(staged)
                    changes += 1
                }
                let same = !own && live != nil ? liveDigest == digest : (data.map { Disk.holds(previous, $0) } ?? false)
                if same, try link(previous, staged) {
                    // The live site's file, the same inode: untouched for uploaders.
                } else if let data = data ?? FileManager.default.contents(atPath: previous) {
                    // New bytes; or a kept file where the file system cannot link (copied).
                    try write(data, staged)
                    wrote = true
                } else {
                    throw IOFailure(path: previous, action: .read, number: errno)
                }
                changes += 1
            }
            mutex.lock()
            let n = counted(path, own: own, wrote: wrote, liveDigest: liveDigest, had: had, changes: changes)
            mutex.unlock()
            if writer.stopAt != nil { writer.stop("staging.file.\(n)") }
        }

        /// Counts a file placed (the caller holds `mutex`): in the summary, the site's files,
        /// the folders it changed, the paths the live table lacks; returns how many were placed.
        /// `own`: the build's records in `.nianbao/`, which the summary does not count.
        private func counted(_ path: String, own: Bool, wrote: Bool, liveDigest: UInt64?, had: UInt64?, changes: Int) -> Int {
            if !own {
                if wrote { summary.written += 1 } else { summary.unchanged += 1 }
            }
            // A file of the site (not a hidden entry at its top): its folder's stamps are kept.
            if !path.hasPrefix(".") {
                siteFiles += 1
                if liveDigest != nil { livePlaced += 1 }
                if reusesSpare && changes > 0 {
                    if had == nil { folderChanges.added(Substring(path), folder: false) } else { folderChanges.replaced(Substring(path)) }
                }
            }
            if live != nil, liveDigest == nil { added.append(path) }
            placed += 1
            ops += changes
            return placed
        }

        /// Links `existing` at `staged`; `false` when the file system cannot. In the spare,
        /// whatever is in the way (a file its table does not name, put there by hand) goes first.
        private func link(_ existing: String, _ staged: String) throws -> Bool {
            if Disk.link(existing, staged) { return true }
            guard errno == EEXIST, reusesSpare else { return false }
            irregular()
            try Disk.removeTree(staged)
            return Disk.link(existing, staged)
        }

        private func write(_ data: Data, _ staged: String) throws {
            if reusesSpare, Disk.kind(staged) != nil {
                irregular()
                try Disk.removeTree(staged)
            }
            try Disk.write(data, to: staged)
        }

        /// Creates the folders above `path` in the staging folder (in the spare, a file in the
        /// way of one is removed first); returns how many it made.
        private func makeParents(of path: String) throws -> Int {
            var dir = "", count = 0
            for part in path.split(separator: "/").dropLast() {
                dir += "/" + part
                mutex.lock()
                let known = made.contains(dir)
                mutex.unlock()
                if known { continue }
                let kind = Disk.kind(folder + dir)
                if kind != .directory {
                    if kind != nil {
                        irregular()
                        try Disk.remove(folder + dir)
                    }
                    try Disk.makeDirectory(folder + dir)
                    count += 1
                    let relative = dir.dropFirst()
                    if reusesSpare, !relative.hasPrefix(".") {
                        mutex.lock()
                        folderChanges.added(relative, folder: true)
                        mutex.unlock()
                    }
                }
                mutex.lock()
                made.insert(dir)
                mutex.unlock()
            }
            return count
        }

        /// Carries the hidden entries over, clears from the spare what the new site lacks, and
        /// swaps the new site in. The previous site stays beside it as the next build's spare
        /// when it has a table this build trusted (an incremental build's); otherwise it is
        /// removed.
        public func commit() throws -> Summary {
            precondition(!committed, "a staging folder is committed once")
            let hadSite = Disk.kind(target) == .directory
            if hadSite { try carryHiddenEntries() }
            if reusesSpare {
                try prune()
                writer.stop("spare.pruned")
            }
            summary.removed = try countRemoved()
            // The previous site becomes the spare: only a tracked site with a table trusted here
            // (after `--clean`, or over a site with no table, it is removed as before).
            let keepsSpare = writer.tracksOutput && hadSite && live != nil
            if writer.tracksOutput {
                try Disk.makeDirectory(folder + "/.nianbao")
                try Disk.makeDirectory(folder + "/.nianbao/cache")
                try Disk.remove(folder + "/" + OutputTable.path)
                // The spare's folder stamps describe the site before last: gone.
                try Disk.remove(folder + "/" + FolderStamps.path)
                try Disk.write(tableData, to: folder + "/" + OutputTable.path)
                count(1)
            }
            writer.stop("staging.complete")
            // After the last file and before the swap: the moment of the new site's folder
            // stamps (`FolderStamps.built`; the swap itself changes the site's own folder).
            let clock = writer.tracksOutput ? StampClock.now(on: folder) : nil
            var old: String?
            if !hadSite {
                try Disk.rename(folder, target)
                committed = true
            } else if writer.allowsExchange, try Disk.exchange(folder, target) {
                committed = true
                writer.stop("swap.exchanged")
                old = keepsSpare ? nil : folder
            } else {
                // Two renames, where the kernel or the file system cannot exchange (Linux
                // before 3.15, some network file systems). Between them the output does not
                // exist; a kill there leaves the previous site complete under `retired`, and
                // the next build puts it back before anything else (`recover`).
                try Disk.rename(target, retired)
                writer.stop("swap.retired")
                do { try Disk.rename(folder, target) } catch {
                    try? Disk.rename(retired, target)
                    throw error
                }
                committed = true
                // A kill before this rename leaves `retired`, which the next build removes.
                if keepsSpare, (try? Disk.rename(retired, folder)) != nil {} else { old = retired }
            }
            // The previous site, now under a staging name. Should this fail, the next build
            // removes it: the new site is in place either way.
            if let old { try? Disk.removeTree(old) }
            // The new site's folders, so the next build need not list it (the spare keeps the
            // stamps it had as the live site). Should this fail, the next build lists the site.
            // When the spare was brought up to date on its folders' word, only the folders this
            // build changed are looked at again (`FolderStamps.updated`).
            if let clock {
                let updated = reusesSpare ? spareStamps.flatMap {
                    $0.stamps.updated(site: target, changes: folderChanges, listed: $0.listed, files: siteFiles, clock: clock)
                } : nil
                let stamps = updated?.stamps ?? FolderStamps.built(site: target, table: table, clock: clock)
                foldersStamped = updated?.restamped ?? stamps?.folders.count ?? 0
                stamps?.replace(in: target)
            }
            return summary
        }

        /// Removes from the spare every file of its table that this build did not place, then
        /// the folders that leaves empty, deepest first.
        private func prune() throws {
            var folders = Set<String>()
            // Files only: where the new site put a folder, or a file in place of a folder
            // above one, the unlink fails and the new entry stays.
            // The spare's files this build did not place (none when it placed as many as it has).
            let left = spareMatched == spare.count ? [] : spare.keys.filter { table[$0] == nil }
            for path in left where OutputWriter.isSafe(path) {
                if unlink(folder + "/" + path) == 0 {
                    count(1)
                    if !path.hasPrefix(".") { folderChanges.taken(Substring(path), folder: false) }
                } else if ![ENOENT, EISDIR, ENOTDIR].contains(errno) {
                    throw IOFailure(path: folder + "/" + path, action: .remove, number: errno)
                } else {
                    irregular()
                }
                var p = Substring(path)
                while let slash = p.lastIndex(of: "/") {
                    p = p[..<slash]
                    if !folders.insert(String(p)).inserted { break }
                }
            }
            spare = [:]
            for dir in folders.sorted(by: { $0.count > $1.count }) where rmdir(folder + "/" + dir) == 0 {
                count(1)
                if !dir.hasPrefix(".") { folderChanges.taken(Substring(dir), folder: true) }
            }
        }

        /// The staged site's table as written: in the live table's order with the added paths
        /// merged in when there is a live table (`OutputTable.data(after:adding:)`).
        var tableData: Data { live.map { table.data(after: $0, adding: added) } ?? table.data }

        /// The spare held something its table did not say (`FolderStamps.Changes.irregular`).
        private func irregular() {
            mutex.lock()
            folderChanges.irregular = true
            mutex.unlock()
        }

        func count(_ n: Int) {
            mutex.lock()
            ops += n
            mutex.unlock()
        }

        /// Hidden entries at the top of the live site (`.git` of a deploy checkout,
        /// `.well-known`) go into the new one as hard links; the spare's own copies of them
        /// (the site before last's) are removed first. `.nianbao` is the build's own.
        private func carryHiddenEntries() throws {
            func carried(_ name: String) -> Bool { name.hasPrefix(".") && name != OutputRefusal.marker && name != ".nianbao" }
            if reusesSpare {
                for name in try Disk.entries(folder) where carried(name) { try Disk.removeTree(folder + "/" + name) }
            }
            for name in try Disk.entries(target) where carried(name) {
                try Disk.cloneTree(target + "/" + name, folder + "/" + name)
            }
        }

        /// The files of the live site that the new one does not have (found on disk: a file
        /// put there by hand is not in any table); hidden entries at the top are not the site's.
        /// When the caller has walked the live site already (`liveFiles`), from that walk.
        private func countRemoved() throws -> Int {
            guard Disk.kind(target) == .directory else { return 0 }
            if let liveFiles { return liveFiles.filter { table[$0] == nil }.count }
            if liveIsTable, let live {
                // Its files the new site does not have: counted, not looked up one by one.
                var files = 0
                for path in live.digests.keys where !path.hasPrefix(".") { files += 1 }
                return files - livePlaced
            }
            return try countRemoved(in: target, under: "")
        }

        private func countRemoved(in root: String, under relative: String) throws -> Int {
            var count = 0
            for name in try Disk.entries(root + relative) where !(relative.isEmpty && name.hasPrefix(".")) {
                let rel = relative + "/" + name
                if Disk.kind(root + rel) == .directory {
                    count += try countRemoved(in: root, under: rel)
                } else if table[String(rel.dropFirst())] == nil {
                    count += 1
                }
            }
            return count
        }
    }
}

extension FileManager {
    /// Creates `path` and its missing parents, as an `IOFailure` when it cannot.
    func createDirectories(_ path: String) throws {
        do { try createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw IOFailure(error, path: path, action: .create, code: "output.io")
        }
    }
}
