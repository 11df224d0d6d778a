import Foundation

/// Every entry under a folder, byte for byte: files with their bytes, folders, and symbolic
/// links with their targets (never followed). Two snapshots compare equal only if nothing
/// under the folder was added, removed or changed — how the tests check that a refused or
/// killed build lost none of a publisher's files and wrote nothing where it should not.
public struct FolderSnapshot: Equatable, Sendable, CustomStringConvertible {
    public enum Entry: Equatable, Sendable {
        case file(Data)
        case folder
        case link(String)
    }

    public var entries: [String: Entry]

    public init(_ entries: [String: Entry]) { self.entries = entries }

    /// The entries under `folder`, by path relative to it; not a build's stamps of its
    /// content files and of the site's folders (`.nianbao/cache/stamps.bin`, `folders.bin`:
    /// inodes and times, which differ in every folder and are outside the site's table), nor
    /// the records' cache (`reports.bin`, `bodies.bin`: where each record's facts are depends
    /// on the builds before, killed ones included, whose bytes are appended to the live file
    /// past what its heads name; `CacheBodiesTests` checks them).
    public static let unlike = [".nianbao/cache/stamps.bin", ".nianbao/cache/folders.bin", ".nianbao/cache/reports.bin",
                                ".nianbao/cache/bodies.bin"]

    public static func take(_ folder: URL) throws -> FolderSnapshot {
        var entries: [String: Entry] = [:]
        let fm = FileManager.default
        func walk(_ relative: String) throws {
            let path = relative.isEmpty ? folder.path : folder.path + "/" + relative
            for name in try fm.contentsOfDirectory(atPath: path) {
                let rel = relative.isEmpty ? name : relative + "/" + name
                if Self.unlike.contains(where: rel.hasSuffix) { continue }
                let full = folder.path + "/" + rel
                let type = try fm.attributesOfItem(atPath: full)[.type] as? FileAttributeType
                switch type {
                case .typeSymbolicLink: entries[rel] = .link(try fm.destinationOfSymbolicLink(atPath: full))
                case .typeDirectory:
                    entries[rel] = .folder
                    try walk(rel)
                default: entries[rel] = .file(try Data(contentsOf: URL(fileURLWithPath: full)))
                }
            }
        }
        try walk("")
        return FolderSnapshot(entries)
    }

    /// The part of the snapshot under `prefix` (`public`), paths relative to it.
    public func under(_ prefix: String) -> FolderSnapshot {
        FolderSnapshot(Dictionary(uniqueKeysWithValues: entries.compactMap { key, value in
            key.hasPrefix(prefix + "/") ? (String(key.dropFirst(prefix.count + 1)), value) : nil
        }))
    }

    /// The snapshot without the entries under `prefix`, nor `prefix` itself.
    public func excluding(_ prefix: String) -> FolderSnapshot {
        FolderSnapshot(entries.filter { $0.key != prefix && !$0.key.hasPrefix(prefix + "/") })
    }

    public var description: String {
        entries.keys.sorted().map { key in
            switch entries[key]! {
            case .file(let d): "\(key) (\(d.count) bytes)"
            case .folder: "\(key)/"
            case .link(let t): "\(key) -> \(t)"
            }
        }.joined(separator: "\n")
    }
}
