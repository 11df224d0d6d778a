import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A walk brought up to date at the files said to have changed, instead of walked again
/// (`serve`, whose watcher names the files its folder events tell of: issue 10).
///
/// A folder's stamp (its inode, modification and change times) moves whenever a name is
/// added to it, removed or renamed, or its permissions change; so while every folder the walk
/// listed has the stamp it had, and that stamp was safe to trust then (`trusts`: the
/// racy-timestamp rule, as of the moment before the walk), every folder holds the same names,
/// of the same kinds, and the walk's entries and notes are the same. What can differ is the
/// stamp of a file or of its sidecar, written in place: looked at again at the paths named,
/// and nowhere else. Anything else gives `nil` and the folder is walked again: a folder
/// changed, or was too new to vouch; a named report file or sidecar that is no regular file
/// now; a walk that read a link (its target's changes are not named by the link's path).
extension ContentFolder.Discovery {
    /// This walk as a new walk of `folder` would find it, when `changed` (paths relative to the
    /// folder, `/` separators) names every file whose stamp moved since; `nil` when it cannot
    /// tell. `looked` counts the `lstat`s it made (every folder, and each named file).
    public func updated(at changed: some Sequence<String>, in folder: URL, trusts: (FileStamp) -> Bool,
                        looked: inout Int) -> Self? {
        guard !base.isEmpty, !folders.isEmpty, links == 0,
              ContentFolder.realPath(folder.standardizedFileURL.path) == base else { return nil }
        func stamp(_ relative: String) -> FileStamp? {
            looked += 1
            var st = stat()
            guard lstat(relative.isEmpty ? base : base + "/" + relative, &st) == 0 else { return nil }
            return FileStamp(st)
        }
        func regularFile(_ relative: String) -> FileStamp? {
            looked += 1
            var st = stat()
            guard lstat(base + "/" + relative, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
            return FileStamp(st)
        }
        for (relative, seen) in folders {
            guard trusts(seen), stamp(relative) == seen else { return nil }
        }
        var updated = self
        for path in changed {
            if let i = index(of: path) {
                guard let now = regularFile(path) else { return nil }
                updated.entries[i].stamp = now
            } else if path.hasSuffix(".yml"), let i = index(of: String(path.dropLast(4))) {
                guard case .file = entries[i].sidecar, let now = regularFile(path) else { return nil }
                updated.entries[i].sidecar = .file(now)
            }
            // Any other file: the walk reads only its name, the same while its folder's stamp is.
        }
        return updated
    }

    /// The index of the entry at `path` (entries are sorted by path).
    func index(of path: String) -> Int? {
        var (low, high) = (0, entries.count)
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].relativePath < path { low = mid + 1 } else { high = mid }
        }
        return low < entries.count && entries[low].relativePath == path ? low : nil
    }
}
