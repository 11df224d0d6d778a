import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension OutputWriter {
    /// The part of opening a staging folder that only reads (`Staging`): the output checked,
    /// the lock on its parent taken, a fallback swap cut short put back, then the live site's
    /// table read and the spare's, with its folders' word for it (60,000 entries each at
    /// 10,000 reports). It depends on nothing a build computes, so a build that knows it will
    /// draw opens it on another thread while it checks and plans (`Pipeline.DrawReads`), and
    /// hands it to `Staging` when it gets there.
    ///
    /// The lock is taken first and held from here to the commit: what was read stays true
    /// until then (no other build, and no `prepareSpare`, changes the live site or the spare
    /// meanwhile). An opening never handed over, or closed, lets the lock go (`deinit`).
    public final class Opening: @unchecked Sendable {
        let writer: OutputWriter
        /// As `Staging`'s: the real output folder, the staging name, the fallback's name, and
        /// the output as the user named it (for refusals).
        let target: String
        let folder: String
        let retired: String
        let shown: String
        /// The live site's table (`nil` when it has none that can be trusted), and the
        /// spare's when it is trusted (`Staging.trustedSpare`), with how it was found.
        let live: OutputTable?
        let spare: OutputTable?
        let spareChecked: Int
        let spareListed: Bool
        let spareStamps: (stamps: FolderStamps, listed: [String])?
        private let mutex = NSLock()
        /// The lock on the output's parent, until handed over (`takeLock`) or let go (`close`).
        private var lock: Int32?

        init(_ writer: OutputWriter) throws {
            self.writer = writer
            target = Disk.realPath(writer.output.path)
            shown = writer.output.path
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
            let lock = try Disk.lock(parent)
            // The previous site first, if a fallback swap was cut short: the live table and the
            // spare are judged against it.
            do { try Staging.putBack(target: target, retired: retired) } catch {
                Glibc.close(lock)
                throw error
            }
            self.lock = lock
            let live = writer.tracksOutput && writer.trustsTables ? OutputTable.read(site: target) : nil
            self.live = live
            // Only with a live table: the spare's files are checked against it.
            var spareChecked = 0, spareListed = false
            var spareStamps: (stamps: FolderStamps, listed: [String])?
            spare = live == nil ? nil : Staging.trustedSpare(folder, margin: writer.racyMargin, checked: &spareChecked,
                                                             listed: &spareListed, stamps: &spareStamps)
            self.spareStamps = spare == nil ? nil : spareStamps
            self.spareChecked = spareChecked
            self.spareListed = spareListed
        }

        deinit { close() }

        /// The lock, handed to the staging folder that opens with this (once): it lets it go.
        func takeLock() -> Int32 {
            mutex.lock()
            defer { mutex.unlock() }
            guard let lock else { preconditionFailure("an opening is handed to one staging folder") }
            self.lock = nil
            return lock
        }

        /// Lets go of the lock, when this was not handed to a staging folder.
        func close() {
            mutex.lock()
            defer { mutex.unlock() }
            if let lock { Glibc.close(lock) }
            lock = nil
        }
    }

    /// Whether a staging folder opened for `other` is the one this writer opens: the same
    /// output, tables trusted or not, margin.
    func opensLike(_ other: OutputWriter) -> Bool {
        output == other.output && tracksOutput == other.tracksOutput && trustsTables == other.trustsTables
            && racyMargin == other.racyMargin
    }

    /// Checks the output, takes its lock and reads the live site's and the spare's tables:
    /// `begin(_:)` then opens the staging folder.
    public func open() throws -> Opening {
        try Opening(self)
    }

    /// Opens the staging folder from an opening made for this writer (`open`).
    public func begin(_ opening: Opening) throws -> Staging {
        try Staging(opening)
    }
}
