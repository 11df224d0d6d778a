import Foundation

/// Runs the built `nianbao` binary, for tests that check what a user sees: standard
/// output, standard error and the exit status, exactly.
public struct CommandResult: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var status: Int32

    public init(stdout: String, stderr: String, status: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

public enum CommandRunner {
    /// The `nianbao` binary beside the test bundle (SwiftPM builds it first because the test
    /// target depends on it).
    public static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nianbao")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixture.repositoryRoot.appendingPathComponent(".build/debug/nianbao")
    }

    /// Runs `nianbao arguments` in `directory`; `environment` adds to (or, with `nil`
    /// values, removes from) the test's own environment. With `memoryLimit` (KB), the run
    /// is bounded by `ulimit -v`, so that one that would take the machine's memory fails
    /// fast instead.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String?] = [:],
                           memoryLimit: Int? = nil) throws -> CommandResult {
        let process = makeProcess(arguments, in: directory, environment: environment)
        if let memoryLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(memoryLimit); exec \"$0\" \"$@\"", binary.path] + arguments
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot fill a pipe and stall.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
    }

    /// Runs `nianbao arguments` until it stops itself at the named point of its output
    /// write (`NIANBAO_DEBUG_STOP_AT`), then kills it with SIGKILL, as a power cut or an
    /// out-of-memory kill would. Returns whether it reached the point (a run that ends
    /// without reaching it is not killed). No timing is involved: the process is killed
    /// only once it has stopped itself.
    public static func killAt(_ point: String, _ arguments: [String], in directory: URL,
                              environment: [String: String?] = [:]) throws -> Bool {
        let process = makeProcess(arguments, in: directory, environment: environment.merging(["NIANBAO_DEBUG_STOP_AT": point]) { $1 })
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        var stopped = false
        while process.isRunning {
            // Field 3 of /proc/<pid>/stat is the state; "T" once the process has stopped itself.
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "T" {
                stopped = true
                kill(pid, SIGKILL)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        return stopped
    }

    static func makeProcess(_ arguments: [String], in directory: URL, environment: [String: String?]) -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    /// Writes an inline site: `-- path --` lines start files (txtar-style, as in Hugo's tests).
    public static func makeSite(_ archive: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-site-\(UUID().uuidString)")
        var current: String?
        var body: [Substring] = []
        func flush() throws {
            guard let path = current else { return }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.joined(separator: "\n").utf8).write(to: url)
        }
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --") {
                try flush()
                current = String(line.dropFirst(3).dropLast(3))
                body = []
            } else {
                body.append(line)
            }
        }
        try flush()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }
}
