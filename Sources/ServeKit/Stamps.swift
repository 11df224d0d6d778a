import Foundation
import SiteKit
#if canImport(Glibc)
import Glibc
#endif

/// What the watcher compares between two looks at the files a site is made from: for each
/// file, its `FileStamp` (device, inode, size, modification and change time in ns).
///
/// The watcher takes them all once, then brings them up to date at the paths folder events
/// name (`FolderEvents`: inotify on the folders listed in `folders`; `update`); where there are
/// no folder events it polls, taking them all: one `lstat` per file, some 20 ms of CPU for
/// 10,000 reports. The inode and change time catch an
/// editor that saves by writing a new file and renaming it over the old one within the same
/// timestamp. Names starting with `.` (editor swap files, `.git`) are not watched, nor is
/// anything below the folders given in `skipping` (the output folder, when it sits inside a
/// watched one). Folders are followed to a depth of 32, symbolic links to folders not at all.
public struct Stamps: Equatable, Sendable {
    /// Path → stamp (the build's `FileStamp`: device, inode, size, both times), for every file found.
    public var files: [String: FileStamp] = [:]
    /// The folders looked into, and the folder of each root that is a file or missing (so
    /// that a `site.yml` made later is seen): what `FolderEvents` watches. Not compared.
    public var folders: Set<String> = []

    public init(files: [String: FileStamp] = [:]) { self.files = files }

    /// Two looks agree when they saw the same files with the same stamps.
    public static func == (a: Stamps, b: Stamps) -> Bool { a.files == b.files }

    /// The files `lstat`ed to take these stamps (or, after `update`, to bring them up to
    /// date): the work a look does, counted (tests). Not compared.
    public var looked = 0

    /// The stamps of every file under each of `roots` (a root may be a single file, such as
    /// `site.yml`; one that does not exist is left out). `entering` is told of each folder
    /// before it is listed (`FolderEvents.watch`: a change made while it is listed has an event).
    public static func take(_ roots: [String], skipping: [String] = [], entering: (String) -> Void = { _ in }) -> Stamps {
        var stamps = Stamps()
        let skip = Set(skipping)
        for root in roots {
            stamps.add(root, depth: 0, skipping: skip, entering: entering)
            if !stamps.folders.contains(root) {
                let parent = (root as NSString).deletingLastPathComponent
                entering(parent)
                stamps.folders.insert(parent)
            }
        }
        return stamps
    }

    /// Brings the stamps up to date at `paths` only (what folder events named: files, or
    /// folders, looked at whole), and returns the paths added, removed or changed there,
    /// sorted. A path outside `roots`, inside `skipping`, or below a name starting with `.`
    /// is not looked at. `leaving` is told of a folder that is no more (removed, moved away,
    /// or a file now), to stop watching it.
    public mutating func update(_ paths: Set<String>, roots: [String], skipping: [String],
                                entering: (String) -> Void = { _ in }, leaving: (String) -> Void = { _ in }) -> [String] {
        let skip = Set(skipping)
        var changed = Set<String>(), walked = Set<String>()
        // Shortest first: a folder looked at whole covers the paths below it.
        for path in paths.sorted(by: { $0.utf8.count < $1.utf8.count }) {
            guard let depth = Self.depth(of: path, roots: roots, skipping: skip) else { continue }
            if Self.ancestors(of: path).contains(where: walked.contains) { continue }
            var old: [String: FileStamp] = [:]
            if let stamp = files.removeValue(forKey: path) { old[path] = stamp }
            let wasFolder = folders.contains(path)
            if wasFolder {
                // Every file below it (a scan of the stamps, not of the disk: only when a folder changed).
                let inside = path + "/"
                for (file, stamp) in files where file.hasPrefix(inside) { old[file] = stamp }
                for file in old.keys { files[file] = nil }
                folders = folders.filter { $0 != path && !$0.hasPrefix(inside) }
            }
            var fresh = Stamps()
            fresh.add(path, depth: depth, skipping: skip, entering: entering)
            looked += fresh.looked
            files.merge(fresh.files) { _, new in new }
            folders.formUnion(fresh.folders)
            if fresh.folders.contains(path) { walked.insert(path) } else if wasFolder { leaving(path) }
            if depth == 0, !fresh.folders.contains(path) {
                // A root that is a file, or no more: its folder tells when it is made again.
                let parent = (path as NSString).deletingLastPathComponent
                entering(parent)
                folders.insert(parent)
            }
            for (file, stamp) in fresh.files where old[file] != stamp { changed.insert(file) }
            for file in old.keys where fresh.files[file] == nil { changed.insert(file) }
        }
        return changed.sorted()
    }

    /// How deep `path` is below the root it is in (0: a root itself); `nil` when it is in
    /// none, or is skipped, or is below a name starting with `.` (what `take` does not look at).
    static func depth(of path: String, roots: [String], skipping: Set<String>) -> Int? {
        guard !skipping.contains(path), !ancestors(of: path).contains(where: skipping.contains) else { return nil }
        for root in roots {
            if path == root { return 0 }
            guard path.hasPrefix(root + "/") else { continue }
            let below = path.dropFirst(root.utf8.count + 1).split(separator: "/", omittingEmptySubsequences: false)
            guard !below.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) else { return nil }
            return below.count
        }
        return nil
    }

    /// `/a/b/c` → `/a/b`, `/a`.
    static func ancestors(of path: String) -> [String] {
        var found: [String] = []
        var rest = Substring(path)
        while let slash = rest.lastIndex(of: "/"), slash > rest.startIndex {
            rest = rest[..<slash]
            found.append(String(rest))
        }
        return found
    }

    /// Paths added, removed or changed since `old`, sorted.
    public func changes(since old: Stamps) -> [String] {
        var paths: [String] = []
        for (path, stamp) in files where old.files[path] != stamp { paths.append(path) }
        for path in old.files.keys where files[path] == nil { paths.append(path) }
        return paths.sorted()
    }

    mutating func add(_ path: String, depth: Int, skipping: Set<String>, entering: (String) -> Void) {
        guard !skipping.contains(path) else { return }
        looked += 1
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        var mode = st.st_mode & S_IFMT
        if mode == S_IFLNK {
            // A link to a file is watched through the link (its target's stamps); a link to a
            // folder is not followed.
            guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return }
            mode = S_IFREG
        }
        if mode == S_IFDIR {
            guard depth < 32 else { return }
            entering(path)
            guard let dir = opendir(path) else { return }
            defer { closedir(dir) }
            folders.insert(path)
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                add(path + "/" + name, depth: depth + 1, skipping: skipping, entering: entering)
            }
        } else if mode == S_IFREG {
            files[path] = FileStamp(st)
        }
    }
}
