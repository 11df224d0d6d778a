import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file-system calls the output writer makes, on POSIX directly: each failure keeps its
/// path and error number (an `IOFailure`), and nothing here ever follows a symbolic link it
/// did not resolve on purpose — removing a folder removes a link, never what it points to.
enum Disk {
    enum Kind: Equatable {
        case file(size: Int)
        case directory
        case symlink
        case other
    }

    /// What is at `path`, without following a final symbolic link; `nil` when nothing is.
    static func kind(_ path: String) -> Kind? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(st.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The permission bits of the folder at `path` (sticky and group bits included).
    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : nil
    }

    /// The names in a folder, without `.` and `..`, sorted.
    static func entries(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw IOFailure(path: path, action: .list, number: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The names in a folder, without `.` and `..`, unsorted, each with whether it is a
    /// folder (not a link to one): from the entry's type where the file system gives it
    /// (`d_type`), from `lstat` where it does not. One call per folder, not one per file.
    static func entryKinds(_ path: String) throws -> [(name: String, isFolder: Bool)] {
        var unused: FileStamp?
        return try entryKinds(path, stamp: &unused)
    }

    /// The same, with the folder's own stamp (`fstat` of the open folder: no second lookup).
    static func entryKinds(_ path: String, stamp: inout FileStamp?) throws -> [(name: String, isFolder: Bool)] {
        guard let dir = opendir(path) else { throw IOFailure(path: path, action: .list, number: errno) }
        defer { closedir(dir) }
        var st = stat()
        stamp = fstat(dirfd(dir), &st) == 0 ? FileStamp(st) : nil
        var found: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            let isFolder = type == UInt8(DT_UNKNOWN) ? kind(path + "/" + name) == .directory : type == UInt8(DT_DIR)
            found.append((name, isFolder))
        }
        return found
    }

    /// Creates a folder; one already there is fine unless `exclusive`.
    static func makeDirectory(_ path: String, mode: mode_t = 0o777, exclusive: Bool = false) throws {
        if mkdir(path, mode) != 0 {
            let failure = errno
            if failure == EEXIST, !exclusive, kind(path) == .directory { return }
            throw IOFailure(path: path, action: .create, number: failure)
        }
    }

    /// Replaces the file at `path` with `data` (written beside, then renamed over): for the
    /// build's shortcuts written into a live site (`FileStamps`, `FolderStamps`), where a
    /// failure leaves the old file or none, which is as good.
    static func replace(_ path: String, with data: Data) {
        let temporary = path + ".new"
        unlink(temporary)
        guard (try? write(data, to: temporary)) != nil else { return }
        if (try? Disk.rename(temporary, path)) == nil { unlink(temporary) }
    }

    /// Writes a new file (never through an existing file or link at `path`).
    static func write(_ data: some ContiguousBytes, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw IOFailure(path: path, action: .write, number: errno) }
        var failure = data.withUnsafeBytes { write($0, to: fd) }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw IOFailure(path: path, action: .write, number: failure) }
    }

    /// Writes all of `raw` to the open file `fd`; the `errno` of a failure, or 0.
    static func write(_ raw: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// The bytes of the regular file at `path`, mapped into memory rather than read into new
    /// memory, when it is large (the live site's table and manifest, 3 and 12.8 MB at 10,000
    /// reports): the kernel then neither clears new pages nor copies the page cache into them,
    /// which cost more than anything the build did with those bytes. `nil` when there is no
    /// such file.
    ///
    /// Only for files nianbao wrote and never changes in place (every file it writes is new,
    /// `write`'s `O_EXCL`; one is replaced by another, never truncated): a mapped file cut short
    /// under the build would fault when read.
    static func mapped(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(st.st_size)
        if size >= 1 << 20, let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED {
            return Data(bytesNoCopy: base, count: size, deallocator: .custom { munmap($0, $1) })
        }
        return FileManager.default.contents(atPath: path)
    }

    /// Whether `path` is a regular file (not a link) holding exactly `data`. Read a block at a
    /// time and compared as it is read, stopping at the first difference: the build's own
    /// files are compared this way (the manifest is 12.8 MB at 10,000 reports), and reading
    /// one whole into new memory cost more (the kernel clears every page of it) than the
    /// comparison.
    static func holds(_ path: String, _ data: Data) -> Bool {
        guard kind(path) == .file(size: data.count) else { return false }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        return data.withUnsafeBytes { wanted -> Bool in
            block.withUnsafeMutableBytes { buffer -> Bool in
                var offset = 0
                while true {
                    let n = read(fd, buffer.baseAddress!, buffer.count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    // The end of the file: it holds `data` when it ends where `data` does.
                    if n == 0 { return offset == wanted.count }
                    guard offset + n <= wanted.count, memcmp(buffer.baseAddress!, wanted.baseAddress! + offset, n) == 0 else {
                        return false
                    }
                    offset += n
                }
            }
        }
    }

    /// A second name for the file at `existing`; `false` when the file system cannot.
    static func link(_ existing: String, _ new: String) -> Bool {
        Glibc.link(existing, new) == 0
    }

    /// Removes the file or link at `path`; nothing there is fine.
    static func remove(_ path: String) throws {
        if unlink(path) != 0, errno != ENOENT { throw IOFailure(path: path, action: .remove, number: errno) }
    }

    static func rename(_ from: String, _ to: String) throws {
        if Glibc.rename(from, to) != 0 { throw IOFailure(path: to, action: .replace, number: errno) }
    }

    /// Removes `path` and, if it is a folder, everything in it. A symbolic link is removed
    /// itself; what it points to is never touched.
    static func removeTree(_ path: String) throws {
        guard let kind = kind(path) else { return }
        if kind == .directory {
            for name in try entries(path) { try removeTree(path + "/" + name) }
            if rmdir(path) != 0 { throw IOFailure(path: path, action: .remove, number: errno) }
        } else if unlink(path) != 0 {
            throw IOFailure(path: path, action: .remove, number: errno)
        }
    }

    /// Copies the tree at `from` to `to` as hard links (the same bytes, no second copy on
    /// disk), recreating folders with their permissions and symbolic links as links. Falls
    /// back to copying a file where a link cannot be made (another file system).
    static func cloneTree(_ from: String, _ to: String) throws {
        switch kind(from) {
        case .directory:
            try makeDirectory(to, mode: mode(from) ?? 0o777)
            for name in try entries(from) { try cloneTree(from + "/" + name, to + "/" + name) }
        case .symlink:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(from, &buffer, buffer.count - 1)
            guard n >= 0 else { throw IOFailure(path: from, action: .read, number: errno) }
            if symlink(String(cString: buffer), to) != 0 { throw IOFailure(path: to, action: .create, number: errno) }
        case .file:
            if !link(from, to) {
                guard let data = FileManager.default.contents(atPath: from) else {
                    throw IOFailure(path: from, action: .read, number: errno)
                }
                try write(data, to: to)
            }
        case .other, nil:
            break   // sockets, pipes, devices: nothing a site carries
        }
    }

    /// `path` with every symbolic link in the part that exists resolved, and `.`/`..` removed:
    /// the folder a write to `path` would really reach.
    static func realPath(_ path: String) -> String {
        var head = URL(fileURLWithPath: path).standardizedFileURL.path
        var tail: [String] = []
        // realpath("/") always succeeds, so the loop ends.
        while true {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                var base = String(cString: resolved)
                for name in tail.reversed() { base = (base == "/" ? "" : base) + "/" + name }
                return base
            }
            tail.append((head as NSString).lastPathComponent)
            head = (head as NSString).deletingLastPathComponent
        }
    }

    /// Takes the advisory lock of the folder at `path`, waiting for another holder to let go;
    /// returns the descriptor that holds it (closing it releases the lock, as does the
    /// process's death, so a killed build never leaves a lock behind).
    static func lock(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure(path: path, action: .open, number: errno) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let failure = errno
            close(fd)
            throw IOFailure(path: path, action: .open, number: failure)
        }
        return fd
    }

    /// Swaps the entries `a` and `b` of one folder in a single step: each name then holds what
    /// the other held, and at no moment does either name hold nothing. Linux's `renameat2`
    /// with `RENAME_EXCHANGE` (3.15+, on ext4, xfs, btrfs, tmpfs, overlayfs …); returns `false`
    /// where the kernel or the file system does not offer it, and the caller falls back to two
    /// renames.
    static func exchange(_ a: String, _ b: String) throws -> Bool {
        guard let call = renameat2 else { return false }
        if call(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
        let failure = errno
        if failure == EINVAL || failure == ENOSYS || failure == EOPNOTSUPP { return false }
        throw IOFailure(path: b, action: .replace, number: failure)
    }

    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let renameExchange: UInt32 = 1 << 1

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc (2.28+) declares `renameat2` only under `_GNU_SOURCE`, which Swift's Glibc module
    /// does not define, so the function is looked up by name; `nil` on an older C library.
    private static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
}
