import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension OutputWriter {
    /// A site being written: files are put (from any number of threads at once), then
    /// `commit()` swaps it in. Dropped without a commit, it removes its folder.
    ///
    /// The staging folder starts empty. A file whose bytes the live site already has is
    /// hard-linked from there (the same inode: untouched for uploaders), and only new bytes are
    /// written. An incremental build (`tracksOutput`) knows those bytes from the live site's
    /// `OutputTable` without reading the file; otherwise the live file is read and compared.
    ///
    /// Named points where `stopAt` can stop the process, in order: `locked`,
    /// `staging.created`, `staging.marked`, `staging.file.<n>` (after the n-th file),
    /// `staging.complete`, then `swap.exchanged` — or, in the fallback, `swap.retired`.
    public final class Staging: @unchecked Sendable {
        let writer: OutputWriter
        /// The output folder, every link resolved: the folder that is really replaced.
        let target: String
        /// `<output>.nianbao-new`, where the site is written.
        let folder: String
        /// `<output>.nianbao-old`, where the fallback swap parks the previous site.
        let retired: String
        /// The live site's table: what each of its files holds. `nil` when it has none that can
        /// be trusted (then a file is compared with the live one byte for byte).
        let live: OutputTable?
        private let lock: Int32
        /// Guards everything below: `put` runs on many threads.
        private let mutex = NSLock()
        private var made: Set<String> = []
        private var table = OutputTable()
        private var summary = Summary(written: 0, unchanged: 0)
        private var placed = 0
        private var committed = false
        /// Whether this build created `folder` (and may remove it).
        private var owned = false

        init(_ writer: OutputWriter) throws {
            self.writer = writer
            target = Disk.realPath(writer.output.path)
            let shown = writer.output.path
            // The writer's own guard, whatever its caller checked: never the current folder,
            // the home folder, or a parent of either (`/` among them).
            let cwd = Disk.realPath(FileManager.default.currentDirectoryPath)
            var guarded = [OutputRefusal.Guarded(cwd, .workingFolder)]
            if let home = ProcessInfo.processInfo.environment["HOME"], home.hasPrefix("/") {
                guarded.append(.init(Disk.realPath(home), .home))
            }
            if let reason = OutputRefusal.check(target, guarding: guarded) {
                throw OutputRefusal(reason, shown: shown, resolved: target)
            }
            let parent = (target as NSString).deletingLastPathComponent
            let name = (target as NSString).lastPathComponent
            folder = parent + "/" + name + ".nianbao-new"
            retired = parent + "/" + name + ".nianbao-old"

            try FileManager.default.createDirectories(parent)
            lock = try Disk.lock(parent)
            live = writer.tracksOutput && writer.trustsTables ? OutputTable.read(site: target) : nil
            // From here every stored property is set, so a throw runs `deinit`, which
            // removes the staging folder if this build made it, and lets go of the lock.
            writer.stop("locked")
            try Self.recover(target: target, folder: folder, retired: retired, shown: shown)
            if let reason = OutputWriter.refusal(forFolderAt: target) {
                throw OutputRefusal(reason, shown: shown, resolved: target)
            }
            try Disk.makeDirectory(folder, exclusive: true)
            owned = true
            // The site keeps the permissions of the folder it replaces (a group-writable
            // web root stays group-writable); mkdir alone would apply the umask.
            if let mode = Disk.mode(target) { chmod(folder, mode) }
            writer.stop("staging.created")
            try Disk.write(Data(Self.markerText.utf8), to: folder + "/" + OutputRefusal.marker)
            writer.stop("staging.marked")
        }

        deinit {
            // Only what this build made: a folder found under the staging name is refused, never removed.
            if owned && !committed { try? Disk.removeTree(folder) }
            close(lock)
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
        /// `retired`: it is put back first. Then both staging names are emptied — of folders
        /// nianbao left there; anything else is refused, not deleted.
        static func recover(target: String, folder: String, retired: String, shown: String) throws {
            if Disk.kind(target) == nil, Disk.kind(retired) == .directory, isSite(retired) {
                try Disk.rename(retired, target)
            }
            for stale in [folder, retired] where Disk.kind(stale) != nil {
                guard Disk.kind(stale) == .directory, isSite(stale) else {
                    throw OutputRefusal(.stagingTaken(stale), shown: shown, resolved: target)
                }
                try Disk.removeTree(stale)
            }
        }

        /// Adds one file (from any thread): hard-linked from the live site when it holds these
        /// bytes, written otherwise.
        public func put(_ file: OutputFile) throws {
            try put(file.path, file.data, digest: OutputTable.digest(file.data))
        }

        /// The same as `add`, for callers that wrote with the earlier name.
        public func add(_ file: OutputFile) throws { try put(file) }

        /// Keeps a file of the live site as it is, without reading it (an incremental build
        /// knows its inputs did not change). The live site's table must name it.
        public func keep(_ path: String) throws {
            guard let digest = live?[path] else { throw Failure.notInLiveSite(path) }
            try place(path, digest: digest, data: nil)
        }

        private func put(_ path: String, _ data: Data, digest: UInt64) throws {
            guard OutputWriter.isSafe(path), path != OutputRefusal.marker, path != OutputTable.path else {
                throw Failure.unsafePath(path)
            }
            try place(path, digest: digest, data: data)
        }

        private func place(_ path: String, digest: UInt64, data: Data?) throws {
            mutex.lock()
            let inserted = table.digests.updateValue(digest, forKey: path) == nil
            mutex.unlock()
            guard inserted else { throw Failure.duplicate(path) }
            let staged = folder + "/" + path
            let previous = target + "/" + path
            var wrote = false
            try makeParents(of: path)
            // The build's own records are few and are read back: compared byte for byte, so a
            // damaged cache file is replaced, never linked on the table's word.
            let own = path.hasPrefix(".nianbao/")
            let same = (own ? nil : live).map { $0[path] == digest } ?? (data.map { Disk.holds(previous, $0) } ?? false)
            if same, Disk.link(previous, staged) {
                // The live site's file, the same inode: untouched for uploaders.
            } else if let data = data ?? FileManager.default.contents(atPath: previous) {
                // New bytes; or a kept file where the file system cannot link (copied).
                try Disk.write(data, to: staged)
                wrote = true
            } else {
                throw IOFailure(path: previous, action: .read, number: errno)
            }
            mutex.lock()
            // The summary counts the site's files, not the build's own records in `.nianbao/`.
            if !path.hasPrefix(".nianbao/") {
                if wrote { summary.written += 1 } else { summary.unchanged += 1 }
            }
            placed += 1
            let n = placed
            mutex.unlock()
            writer.stop("staging.file.\(n)")
        }

        /// Creates the folders above `path` in the staging folder.
        private func makeParents(of path: String) throws {
            var dir = ""
            for part in path.split(separator: "/").dropLast() {
                dir += "/" + part
                mutex.lock()
                let known = made.contains(dir)
                mutex.unlock()
                if known { continue }
                if Disk.kind(folder + dir) != .directory { try Disk.makeDirectory(folder + dir) }
                mutex.lock()
                made.insert(dir)
                mutex.unlock()
            }
        }

        /// Carries the hidden entries over, swaps the new site in, and removes the previous one.
        public func commit() throws -> Summary {
            precondition(!committed, "a staging folder is committed once")
            let hadSite = Disk.kind(target) == .directory
            if hadSite { try carryHiddenEntries() }
            summary.removed = try countRemoved()
            if writer.tracksOutput {
                try Disk.makeDirectory(folder + "/.nianbao")
                try Disk.makeDirectory(folder + "/.nianbao/cache")
                try Disk.remove(folder + "/" + OutputTable.path)
                try Disk.write(table.data, to: folder + "/" + OutputTable.path)
            }
            writer.stop("staging.complete")
            var old: String?
            if !hadSite {
                try Disk.rename(folder, target)
                committed = true
            } else if writer.allowsExchange, try Disk.exchange(folder, target) {
                committed = true
                writer.stop("swap.exchanged")
                old = folder
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
                old = retired
            }
            // The previous site, now under a staging name. Should this fail, the next build
            // removes it: the new site is in place either way.
            if let old { try? Disk.removeTree(old) }
            return summary
        }

        /// Hidden entries at the top of the live site (`.git` of a deploy checkout,
        /// `.well-known`) go into the new one as hard links. `.nianbao` is the build's own.
        private func carryHiddenEntries() throws {
            func carried(_ name: String) -> Bool { name.hasPrefix(".") && name != OutputRefusal.marker && name != ".nianbao" }
            for name in try Disk.entries(target) where carried(name) {
                try Disk.cloneTree(target + "/" + name, folder + "/" + name)
            }
        }

        /// The files of the live site that the new one does not have (found on disk: a file
        /// put there by hand is not in any table); hidden entries at the top are not the site's.
        private func countRemoved() throws -> Int {
            guard Disk.kind(target) == .directory else { return 0 }
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
