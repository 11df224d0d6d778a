import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a command: its wall and CPU time, the peak resident memory of the child (from `wait4`'s
/// rusage, as `/usr/bin/time -v` reports it), its exit status and what it printed.
struct ChildRun {
    var seconds: Double
    /// User + system CPU time of the child: steadier than wall time when other work shares
    /// the cores (the machine has two).
    var cpuSeconds: Double
    var peakBytes: Int
    var status: Int32
    var output: String

    /// Runs `arguments` in `directory`, output to `log` (read back after), and waits for it.
    static func run(_ arguments: [String], in directory: URL, log: URL) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        // The child starts in `directory` (glibc's addchdir_np is not in Swift's Glibc module).
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(directory.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError.failed("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return ChildRun(seconds: seconds, cpuSeconds: secs(usage.ru_utime) + secs(usage.ru_stime), peakBytes: usage.ru_maxrss * 1024,
                        status: exit, output: output)
    }
}

/// The files of an output folder with their modification time and inode, to count what a
/// build wrote: a file is written when it is new or its mtime or inode changed.
struct OutputSnapshot {
    var files: [String: (mtime: Int, inode: UInt64)] = [:]

    init(_ root: URL) {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        while let relative = walker.nextObject() as? String {
            // The site, not nianbao's own records of it (the manifest, the cache).
            if relative == ".nianbao" { walker.skipDescendants(); continue }
            var st = stat()
            guard stat(root.appendingPathComponent(relative).path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            files[relative] = (st.st_mtim.tv_sec * 1_000_000_000 + st.st_mtim.tv_nsec, UInt64(st.st_ino))
        }
    }

    /// Files in `after` that are new or changed since `self`.
    func written(in after: OutputSnapshot) -> Int {
        after.files.filter { path, now in
            guard let before = files[path] else { return true }
            return before.mtime != now.mtime || before.inode != now.inode
        }.count
    }
}
