import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension OutputWriter {
    /// A site being written: files are added one at a time (from one thread at a time), then
    /// `commit()` swaps it in. Dropped without a commit, it removes its folder.
    ///
    /// Named points where `stopAt` can stop the process, in order: `locked`,
    /// `staging.created`, `staging.marked`, `staging.file.<n>` (after the n-th file),
    /// `staging.complete`, then `swap.exchanged` — or, in the fallback, `swap.retired`.
    public final class Staging {
        let writer: OutputWriter
        /// The output folder, every link resolved: the folder that is really replaced.
        let target: String
        /// `<output>.nianbao-new`, where the site is written.
        let folder: String
        /// `<output>.nianbao-old`, where the fallback swap parks the previous site.
        let retired: String
        private let lock: Int32
        private var made: Set<String> = []
        private var paths: Set<String> = []
        private var summary = Summary(written: 0, unchanged: 0)
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

        /// Adds one file: hard-linked from the previous site when its bytes are the same there.
        public func add(_ file: OutputFile) throws {
            guard OutputWriter.isSafe(file.path), file.path != OutputRefusal.marker else { throw Failure.unsafePath(file.path) }
            guard paths.insert(file.path).inserted else { throw Failure.duplicate(file.path) }
            var dir = ""
            for part in file.path.split(separator: "/").dropLast() {
                dir += "/" + part
                if made.insert(dir).inserted { try Disk.makeDirectory(folder + dir) }
            }
            let previous = target + "/" + file.path
            let path = folder + "/" + file.path
            if Disk.holds(previous, file.data), Disk.link(previous, path) {
                summary.unchanged += 1
            } else {
                try Disk.write(file.data, to: path)
                summary.written += 1
            }
            writer.stop("staging.file.\(paths.count)")
        }

        /// Carries the hidden entries over, swaps the new site in, and removes the previous one.
        public func commit() throws -> Summary {
            precondition(!committed, "a staging folder is committed once")
            let hadSite = Disk.kind(target) == .directory
            if hadSite {
                for name in try Disk.entries(target) where name.hasPrefix(".") && name != OutputRefusal.marker {
                    if Disk.kind(folder + "/" + name) == nil { try Disk.cloneTree(target + "/" + name, folder + "/" + name) }
                }
                summary.removed = try countRemoved(in: target, under: "")
            }
            writer.stop("staging.complete")
            if !hadSite {
                try Disk.rename(folder, target)
            } else if writer.allowsExchange, try Disk.exchange(folder, target) {
                committed = true
                writer.stop("swap.exchanged")
                // The previous site, now under the staging name. Should this fail, the next
                // build removes it: the new site is in place either way.
                try? Disk.removeTree(folder)
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
                try? Disk.removeTree(retired)
            }
            committed = true
            return summary
        }

        /// The files of the previous site (below `relative`) that the new one does not have;
        /// hidden entries at the top are not the site's.
        private func countRemoved(in root: String, under relative: String) throws -> Int {
            var count = 0
            for name in try Disk.entries(root + relative) where !(relative.isEmpty && name.hasPrefix(".")) {
                let rel = relative + "/" + name
                if Disk.kind(root + rel) == .directory {
                    count += try countRemoved(in: root, under: rel)
                } else if !paths.contains(String(rel.dropFirst())) {
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
