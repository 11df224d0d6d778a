import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a generated site all or nothing, into a folder that is nianbao's alone.
///
/// The site is staged in `<output>.nianbao-new` beside the output, then swapped with the
/// output in one step (`renameat2(RENAME_EXCHANGE)`), so a reader, an upload or a kill at
/// any moment finds either the previous site or the new one, complete, never neither
/// (never delete-then-write). Then the previous site, now under the staging name, is
/// removed — or, for an incremental build, kept there as the spare that the next build
/// brings up to date (see `Staging`). The staging names carry no process id: the next build finds whatever a
/// killed build left and removes it, and an interrupted fallback swap is put back first.
///
/// A file whose bytes are the same as in the previous output is hard-linked rather than
/// rewritten, so an upload tool or a web server that looks at modification times sees only
/// what changed; hidden entries at the output's top (`.git` of a deploy checkout, `.gitkeep`,
/// `.well-known`) are carried over, as hard links, into every new site.
///
/// Only a folder that carries the marker (`OutputRefusal.marker`), holds nothing but hidden
/// entries, or does not exist is replaced; anything else is refused with an `OutputRefusal`.
/// Staging is a value handed files one at a time, so a renderer can stream into it:
///
///     let staging = try OutputWriter(output: url).begin()
///     for file in files { try staging.add(file) }
///     let summary = try staging.commit()   // not committed: the staging folder is removed
public struct OutputWriter: Sendable {
    /// A file the renderer asked for that cannot be written.
    public enum Failure: DiagnosedError, Equatable {
        case unsafePath(String)
        case duplicate(String)
        /// An incremental build kept a file the live site's table does not name.
        case notInLiveSite(String)

        public var diagnostic: FileDiagnostic {
            switch self {
            case .notInLiveSite(let p):
                .error(p, code: "output.io", "要保留的文件不在上次生成的站点里（这是 nianbao 的错误，请报告；用 --clean 可重新生成全部文件）")
            case .unsafePath(let p):
                .error(p, code: "output.unsafePath", "生成的文件路径会落到输出文件夹之外，已拒绝写入（这是 nianbao 或主题的错误，请报告）")
            case .duplicate(let p):
                .error(p, code: "output.duplicate", "同一个文件生成了两次（这是 nianbao 或主题的错误，请报告）")
            }
        }
    }

    /// What a write did, for the summary line.
    public struct Summary: Sendable, Equatable {
        public var written: Int
        public var unchanged: Int
        /// Files of the previous site that the new one no longer has.
        public var removed: Int

        public init(written: Int, unchanged: Int, removed: Int = 0) {
            self.written = written
            self.unchanged = unchanged
            self.removed = removed
        }
    }

    public let output: URL
    /// Debugging aid for the kill tests: the process stops itself (SIGSTOP) on reaching this
    /// named point of a write (`NIANBAO_DEBUG_STOP_AT`, see docs/development.md).
    var stopAt: String?
    /// `false` forces the two-rename swap (`NIANBAO_DEBUG_NO_EXCHANGE`), to test the fallback.
    var allowsExchange: Bool
    /// An incremental build's writer: every site it writes carries its `OutputTable`, so the
    /// next build links unchanged files from it without reading them (see `Staging`).
    public var tracksOutput = false
    /// `false` (`--clean`): the live site's table is not read; every file is compared with the
    /// live one byte for byte.
    public var trustsTables = true
    /// The wall clock's margin for folder stamps where the file system's clock cannot be read
    /// (`StampClock`, `Pipeline.Limits.racyMargin`).
    public var racyMargin = StampClock.margin

    /// Whether an interrupted build left its staging folder (one with no table: the spare a
    /// finished build keeps has one) or a retired site beside the output (or no output at
    /// all): a build that opens a staging folder clears them first, so a rebuild with nothing
    /// to draw must still go through one.
    var hasLeftovers: Bool {
        let target = Disk.realPath(output.path)
        let staging = target + ".nianbao-new"
        return Disk.kind(target) != .directory || Disk.kind(target + ".nianbao-old") != nil
            || (Disk.kind(staging) != nil && Disk.kind(staging + "/" + OutputTable.path) == nil)
    }

    public init(output: URL) {
        self.output = output.standardizedFileURL
        let environment = ProcessInfo.processInfo.environment
        stopAt = environment["NIANBAO_DEBUG_STOP_AT"]
        allowsExchange = environment["NIANBAO_DEBUG_NO_EXCHANGE"] == nil
    }

    /// Checks that a relative output path cannot escape the output folder.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }

    /// Writes the whole site and swaps it in.
    public func write(_ files: [OutputFile]) throws -> Summary {
        for file in files where !Self.isSafe(file.path) { throw Failure.unsafePath(file.path) }
        let staging = try begin()
        for file in files { try staging.add(file) }
        return try staging.commit()
    }

    /// Puts the previous site back if a fallback swap was cut short between its two renames
    /// (under the lock), so that a build reads its cache from the site that is really live.
    public func putBackRetired() throws {
        let target = Disk.realPath(output.path)
        let parent = (target as NSString).deletingLastPathComponent
        guard Disk.kind(target) == nil, Disk.kind(target + ".nianbao-old") != nil, Disk.kind(parent) == .directory else { return }
        let lock = try Disk.lock(parent)
        defer { close(lock) }
        try Staging.putBack(target: target, retired: target + ".nianbao-old")
    }

    /// Checks the output, clears what an interrupted build left, and opens a staging folder.
    public func begin() throws -> Staging {
        try Staging(self)
    }

    /// Why the folder at `path` (a real path) may not be replaced by a site: something that
    /// is not a folder is there, or a folder with files in it and no marker; `nil` when it
    /// may (nothing there, a marked site, only hidden entries — which are carried over).
    public static func refusal(forFolderAt path: String) -> OutputRefusal.Reason? {
        switch Disk.kind(path) {
        case nil: return nil
        case .directory:
            if Staging.isSite(path) { return nil }
            let visible = ((try? Disk.entries(path)) ?? []).filter { !$0.hasPrefix(".") }
            return .notASite(names: Array(visible.prefix(3)), count: visible.count)
        default: return .notAFolder
        }
    }

    func stop(_ point: String) {
        if stopAt == point { raise(SIGSTOP) }
    }
}
