import Foundation

/// Writes a generated site all or nothing.
///
/// The site is written into `<output>.tmp-<pid>` beside the output folder, then swapped in
/// with two renames; a build that fails before the swap leaves the previous output
/// untouched (style.md §3: never delete-then-write). A file whose bytes are the same as in
/// the previous output is hard-linked rather than rewritten, so an upload tool or a web
/// server that looks at modification times sees only what really changed.
public struct OutputWriter: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case notADirectory(String)
        public var description: String {
            switch self {
            case .unsafePath(let p): "refusing to write \(p): output paths must stay inside the output folder"
            case .notADirectory(let p): "\(p) exists and is not a folder"
            }
        }
    }

    /// What a write did, for the summary line.
    public struct Summary: Sendable, Equatable {
        public var written: Int
        public var unchanged: Int
        public init(written: Int, unchanged: Int) {
            self.written = written
            self.unchanged = unchanged
        }
    }

    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Checks that a relative output path cannot escape the output folder.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }

    public func write(_ files: [OutputFile]) throws -> Summary {
        let fm = FileManager.default
        for file in files where !Self.isSafe(file.path) { throw Failure.unsafePath(file.path) }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isDir), !isDir.boolValue { throw Failure.notADirectory(output.path) }

        let pid = ProcessInfo.processInfo.processIdentifier
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent("\(output.lastPathComponent).tmp-\(pid)")
        let retired = parent.appendingPathComponent("\(output.lastPathComponent).old-\(pid)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var summary = Summary(written: 0, unchanged: 0)
        do {
            var made = Set<String>()
            for file in files.sorted(by: { $0.path < $1.path }) {
                let target = staging.appendingPathComponent(file.path)
                let dir = target.deletingLastPathComponent().path
                if !made.contains(dir) {
                    try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    made.insert(dir)
                }
                let previous = output.appendingPathComponent(file.path)
                if let old = fm.contents(atPath: previous.path), old == file.data,
                   link(previous.path, target.path) == 0 {
                    summary.unchanged += 1
                } else {
                    try file.data.write(to: target)
                    summary.written += 1
                }
            }
            // The output folder is nianbao's (like Hugo's public/) and is replaced whole, except
            // hidden entries at its top (.git of a deploy checkout, .gitkeep, .well-known),
            // which publishers keep there and nianbao never generates.
            if fm.fileExists(atPath: output.path) {
                for name in (try? fm.contentsOfDirectory(atPath: output.path)) ?? [] where name.hasPrefix(".") {
                    let kept = staging.appendingPathComponent(name)
                    if !fm.fileExists(atPath: kept.path) {
                        try fm.copyItem(at: output.appendingPathComponent(name), to: kept)
                    }
                }
                try fm.moveItem(at: output, to: retired)
                do { try fm.moveItem(at: staging, to: output) } catch {
                    try? fm.moveItem(at: retired, to: output)
                    throw error
                }
                try? fm.removeItem(at: retired)
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return summary
    }
}
