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
        /// The new site's table, as it is being made: of the live table's entries, those kept
        /// with the live digest (`liveState` 1: copied into the new table in runs,
        /// `OutputTable.merged`) or placed with another (2: in `placed`), and every file placed
        /// that is not one of the live table's with its digest (`placed`). No dictionary of
        /// 60,000 kept paths at 10,000 reports.
        private var liveState: [UInt8] = []
        private var keptCount = 0
        private var placedDigests: [String: UInt64] = [:]
        /// What writing the new table did (`OutputTable.merged`): counted, for tests.
        private(set) var tableWritten = OutputTable.Written()
        /// The spare's table (its files, with their digests), and for each of the live table's
        /// entries the index of the spare's with the same path and digest (-1: none). The
        /// spare's files this build does not place (`spareTaken`) are removed at the commit.
        private var spare: OutputTable?
        private var spareOfLive: [Int32] = []
        private var spareTaken: [Bool] = []
        /// How many of the spare's files this build placed: when it is all of them, none is
        /// left to remove, and the spare's 60,000 entries are not gone through at the commit.
        private var spareMatched = 0
        private var summary = Summary(written: 0, unchanged: 0)
        private var placed = 0
        /// The site's files placed (hidden paths at its top left out), for its folders' stamps.
        private var siteFiles = 0
        /// Of those, the ones the live table names: the rest of its files are the removed ones.
        private var livePlaced = 0
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
            liveState = [UInt8](repeating: 0, count: live?.count ?? 0)
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
                spare = spareTable
                spareOfLive = opening.spareOfLive
                spareTaken = [Bool](repeating: false, count: spareTable.count)
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
            let named = table.files
            if let read = FolderStamps.read(site: folder), let vouched = read.vouch(site: folder, margin: margin, checked: &checked) {
                guard vouched.files == named else { return nil }
                stamps = (vouched.refreshed ?? read, vouched.listedFolders)
                return table
            }
            listed = true
            let found = OutputTable.listing(site: folder)
            guard table.isListed(found) else { return nil }
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

        /// Keeps entry `index` of the live table (its file as it is, with its digest), for a
        /// caller that found it there already (60,000 kept files at 10,000 reports: no path
        /// hashed or looked up again).
        func keep(liveIndex index: Int) throws {
            guard let live else { throw Failure.notInLiveSite("#\(index)") }
            try place(live.path(at: index), digest: live.digest(at: index), data: nil, liveIndex: index)
        }

        /// `keep(liveIndex:)` for many entries at once. Those the spare holds already (most of
        /// an edit's 60,000) are entered under one hold of the mutex, by index, with no path
        /// made; the others are placed one by one. With a stop point set
        /// (`NIANBAO_DEBUG_STOP_AT`), one by one, so each file is the `staging.file.<n>` it was.
        func keep(liveIndices indices: [Int]) throws {
            guard reusesSpare, writer.stopAt == nil, let live else {
                for i in indices { try keep(liveIndex: i) }
                return
            }
            var others: [Int] = [], duplicate: Int?
            mutex.lock()
            for i in indices {
                // As `place` on a file the spare holds with these bytes (not the build's own records).
                let j = Int(spareOfLive[i])
                guard j >= 0, !spareTaken[j], !live.isHidden(at: i) else {
                    others.append(i)
                    continue
                }
                guard liveState[i] == 0 else {
                    duplicate = i
                    break
                }
                liveState[i] = 1
                keptCount += 1
                spareTaken[j] = true
                spareMatched += 1
                summary.unchanged += 1
                siteFiles += 1
                livePlaced += 1
                placed += 1
            }
            mutex.unlock()
            if let duplicate { throw Failure.duplicate(live.path(at: duplicate)) }
            for i in others { try keep(liveIndex: i) }
        }

        /// The same as `add`, for callers that wrote with the earlier name.
        public func add(_ file: OutputFile) throws { try put(file) }

        /// Keeps a file of the live site as it is, without reading it (an incremental build
        /// knows its inputs did not change). The live site's table must name it.
        public func keep(_ path: String) throws {
            guard let index = live?.index(of: path) else { throw Failure.notInLiveSite(path) }
            try keep(liveIndex: index)
        }

        /// A file the build writes into the staged site itself, beside the table (the build
        /// cache's heads and bodies, `CacheBodies`): the spare's copy is not pruned as a file
        /// this build did not place.
        func unlisted(_ path: String) {
            mutex.lock()
            if let j = spare?.index(of: path), !spareTaken[j] {
                spareTaken[j] = true
                spareMatched += 1
            }
            mutex.unlock()
        }

        private func put(_ path: String, _ data: Data, digest: UInt64) throws {
            guard OutputWriter.isSafe(path), path != OutputRefusal.marker, path != OutputTable.path else {
                throw Failure.unsafePath(path)
            }
            try place(path, digest: digest, data: data, liveIndex: live?.index(of: path))
        }

        /// Places the file at `path`; `liveIndex` is the index of its entry in the live table
        /// (looked up once, by the caller).
        private func place(_ path: String, digest: UInt64, data: Data?, liveIndex: Int?) throws {
            let liveDigest = liveIndex.flatMap { live?.digest(at: $0) }
            let spareIndex = reusesSpare ? spare?.index(of: path) : nil
            mutex.lock()
            var inserted = placedDigests[path] == nil
            if inserted, let i = liveIndex {
                inserted = liveState[i] == 0
                if inserted {
                    liveState[i] = liveDigest == digest ? 1 : 2
                    if liveDigest == digest { keptCount += 1 }
                }
            }
            if inserted, liveIndex == nil || liveDigest != digest { placedDigests[path] = digest }
            var had: UInt64?
            if inserted, let j = spareIndex, !spareTaken[j] {
                spareTaken[j] = true
                spareMatched += 1
                had = spare?.digest(at: j)
            }
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
                let stamps = updated?.stamps ?? FolderStamps.built(site: target, files: files, clock: clock)
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
            let left = spareMatched == (spare?.count ?? 0) ? [] : spare.map { s in spareTaken.indices.filter { !spareTaken[$0] }.map(s.path(at:)) } ?? []
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
            spare = nil
            for dir in folders.sorted(by: { $0.count > $1.count }) where rmdir(folder + "/" + dir) == 0 {
                count(1)
                if !dir.hasPrefix(".") { folderChanges.taken(Substring(dir), folder: true) }
            }
        }

        /// The staged site's table as written: the live table's entries kept copied in runs, the
        /// files placed anew merged in (`OutputTable.merged`).
        var tableData: Data {
            mutex.lock()
            defer { mutex.unlock() }
            let state = liveState
            return OutputTable.merged(live, kept: { state[$0] == 1 }, keptCount: keptCount, adding: placedDigests, written: &tableWritten)
        }

        /// Whether the new site has a file at `path` (placed or kept).
        func holds(_ path: String) -> Bool {
            mutex.lock()
            defer { mutex.unlock() }
            if placedDigests[path] != nil { return true }
            return live?.index(of: path).map { liveState[$0] != 0 } ?? false
        }

        /// The new site's files, hidden ones at its top left out (its folders' stamps, `FolderStamps.built`).
        var files: [String] {
            mutex.lock()
            defer { mutex.unlock() }
            var paths = placedDigests.keys.filter { !$0.hasPrefix(".") }
            if let live { paths += liveState.indices.filter { liveState[$0] == 1 && !live.isHidden(at: $0) }.map(live.path(at:)) }
            return paths
        }

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
            if let liveFiles { return liveFiles.filter { !holds($0) }.count }
            // Its files the new site does not have: counted, not looked up one by one.
            if liveIsTable, let live { return live.files - livePlaced }
            return try countRemoved(in: target, under: "")
        }

        private func countRemoved(in root: String, under relative: String) throws -> Int {
            var count = 0
            for name in try Disk.entries(root + relative) where !(relative.isEmpty && name.hasPrefix(".")) {
                let rel = relative + "/" + name
                if Disk.kind(root + rel) == .directory {
                    count += try countRemoved(in: root, under: rel)
                } else if !holds(String(rel.dropFirst())) {
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
