import Foundation
import NianbaoTestSupport
import Testing

/// Issue 10: `nianbao serve` builds, serves on a free loopback port, sees a report change,
/// rebuilds, tells the page to reload, and serves the new page — with what the last build
/// could not show on any page in a banner, and nothing of the preview written to `public/`.
///
/// The built binary runs as a child process. Nothing is timed: each step waits for what it
/// needs (the URL on standard output, an event on the stream), and every wait is bounded by
/// the client's timeout, so a broken server fails the test instead of hanging it; the
/// process is killed when the test ends, whatever happened.
@Suite struct ServeTests {
    static let theme = Fixture.repositoryRoot.appendingPathComponent("themes/default").path
    static let page = "/heilongjiangsheng/haerbinshi/nangangqu/wanggangzhen/2020/"
    static let seed = try! String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("content/001_ca48803eb8e502d4.txt"),
                                  encoding: .utf8)

    /// A site folder holding the seed report as `content/001.txt`.
    static func seedSite() throws -> URL { try CommandRunner.makeSite("-- content/001.txt --\n" + seed) }

    @Test func servesRebuildsAndReloadsAChangedReport() throws {
        let site = try Self.seedSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let server = try ServeProcess(["serve", "--port", "0", "--theme", Self.theme], in: site)
        defer { server.end() }
        let port = try server.port()
        #expect(port > 0 && port != 1313)
        let http = LoopbackHTTP(port: port)

        let before = try http.request(Self.page)
        #expect(before.status == 200)
        #expect(before.headers["content-type"] == "text/html; charset=utf-8")
        #expect(before.body.contains("<script src=\"/__nianbao/live.js\"></script></body>"))
        #expect(!before.body.contains("4321"))
        #expect(!before.body.contains("nianbao-serve-problems"))

        let events = try http.events("/__nianbao/events")
        let hello = try events.next("hello")
        #expect(hello.hasSuffix("-0"))
        #expect(events.text.contains("retry: 1000\nevent: hello\ndata: \(hello)\n\n"))

        // The report's new-applications row gets a new number (its sums no longer hold), and a
        // file that cannot be read at all — so it has no page — appears beside it.
        let edited = Self.seed.replacingOccurrences(of: "一、本年新收政府信息公开申请数量\t\t10\t0\t0\t0\t0\t0\t10",
                                                    with: "一、本年新收政府信息公开申请数量\t\t4321\t0\t0\t0\t0\t0\t4321")
        #expect(edited != Self.seed)
        try Data().write(to: site.appendingPathComponent("content/<b>empty.txt"))
        try Data(edited.utf8).write(to: site.appendingPathComponent("content/001.txt"))

        // A reload event comes after each rebuild; the two files may take one or two.
        var after = before
        for _ in 0..<10 {
            let reload = try events.next("reload")
            #expect(reload.hasPrefix(hello.dropLast(2)) && reload != hello)
            after = try http.request(Self.page)
            if after.body.contains("4321") && after.body.contains("empty.txt") { break }
        }
        #expect(after.status == 200)
        #expect(after.body.contains(">4321<"))
        // The report's own problems are on its page, as `build` draws them.
        #expect(after.body.contains("表三 总计: 一、本年新收 4321 + 二、上年结转 0 = 4321 ≠ （七）总计 10 + 四、结转下年度 0 = 10"))
        #expect(!before.body.contains("≠"))
        #expect(after.body.contains("<li><code>content/&lt;b&gt;empty.txt: error: 文件是空的，未生成页面；请放入报告全文 [file.empty]</code></li>"))
        #expect(after.body.contains("</aside><script src=\"/__nianbao/live.js\"></script></body>"))

        // What the preview adds never reaches the files on disk.
        let publicFolder = site.appendingPathComponent("public")
        let files = FileManager.default.enumerator(at: publicFolder, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        #expect(files.count > 20)
        for file in files {
            guard let data = try? Data(contentsOf: file) else { continue }
            #expect(data.range(of: Data("__nianbao".utf8)) == nil, "\(file.path)")
        }
        let onDisk = try String(contentsOf: publicFolder.appendingPathComponent(Self.page + "index.html"), encoding: .utf8)
        #expect(onDisk.contains(">4321<"))

        #expect(try http.request("/.nianbao/cache/").status == 400)
        #expect(try http.request("/%2e%2e/%2e%2e/etc/passwd").status == 400)
        let folder = try http.request("/heilongjiangsheng")
        #expect(folder.status == 301 && folder.headers["location"] == "/heilongjiangsheng/")
        #expect(try http.request("/", host: "attacker.example:\(port)").status == 403)

        let stopped = try server.interrupt()
        #expect(stopped.status == 0)
        #expect(stopped.stdout.hasSuffix("stopping\n"))
        #expect(stopped.stdout.contains("serving http://127.0.0.1:\(port)/ (Ctrl-C stops)\n"))
        #expect(stopped.stdout.contains("content/001.txt"))
    }

    /// A build that stops (here a template with a section never closed) leaves the previous
    /// site served, with why in a banner on every page; the fix takes the banner away.
    @Test func aStoppedBuildKeepsThePreviousSiteAndSaysWhy() throws {
        let site = try Self.seedSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let theme = site.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.theme), to: theme)
        let template = theme.appendingPathComponent("report.mustache")
        let good = try Data(contentsOf: template)
        let server = try ServeProcess(["serve", "--port", "0", "--theme", "./theme"], in: site)
        defer { server.end() }
        let http = LoopbackHTTP(port: try server.port())
        let events = try http.events("/__nianbao/events")
        _ = try events.next("hello")
        let before = try http.request(Self.page)

        try (good + Data("{{#broken}}\n".utf8)).write(to: template)
        _ = try events.next("reload")
        let broken = try http.request(Self.page)
        #expect(broken.status == 200)
        #expect(broken.body.contains("<details open><summary>nianbao serve · 构建失败：这里显示的是上一次构建的网站</summary>"))
        #expect(broken.body.contains("<li><code>theme/report.mustache:67: error: {{#broken}} 没有对应的 {{/broken}}；"))
        #expect(broken.body.replacing(#/<aside id="nianbao-serve-problems".*</aside>/#, with: "") == before.body)

        try good.write(to: template)
        _ = try events.next("reload")
        let fixed = try http.request(Self.page)
        #expect(!fixed.body.contains("nianbao-serve-problems"))
        #expect(fixed.body == before.body)
        #expect(try server.interrupt().status == 0)
    }

    @Test func aTakenPortIsACleanError() throws {
        let site = try Self.seedSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try ServeProcess(["serve", "--port", "0", "--theme", Self.theme], in: site)
        defer { first.end() }
        let port = try first.port()
        let second = try CommandRunner.run(["serve", "--port", "\(port)", "--theme", Self.theme], in: site)
        #expect(second.status == 1)
        #expect(second.stderr == "nianbao: error: 127.0.0.1:\(port) is in use (Address already in use); "
                + "choose another port with --port, or --port 0 for a free one\n")
    }
}

/// `nianbao serve` as a child process, its standard output read as it comes, its standard
/// error into a file (a pipe nobody reads could fill and stall the server).
final class ServeProcess {
    let process: Process
    let out = Pipe()
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-serve-\(UUID().uuidString).err")
    private var stdout = Data()

    init(_ arguments: [String], in directory: URL) throws {
        process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
    }

    /// Reads standard output until the `serving http://127.0.0.1:PORT/` line; waits for each
    /// read at most 300 s (a bound for a server that never starts, not a measurement).
    func port() throws -> Int {
        let fd = out.fileHandleForReading.fileDescriptor
        while true {
            let text = String(decoding: stdout, as: UTF8.self)
            if let range = text.range(of: "serving http://127.0.0.1:"), let end = text[range.upperBound...].firstIndex(of: "/"),
               let port = Int(text[range.upperBound..<end]) {
                return port
            }
            var poll = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard Glibc.poll(&poll, 1, 300_000) == 1 else { throw LoopbackHTTP.Failure(description: "no URL printed: \(text)") }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else {
                let errors = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
                throw LoopbackHTTP.Failure(description: "serve ended before printing its URL: \(text) \(errors)")
            }
            stdout.append(contentsOf: buffer[0..<n])
        }
    }

    /// Ctrl-C, then everything it printed and its exit status (killed if it has not ended
    /// after 3,000 looks 10 ms apart).
    func interrupt() throws -> CommandResult {
        kill(process.processIdentifier, SIGINT)
        for _ in 0..<3000 where process.isRunning { usleep(10_000) }
        let stuck = process.isRunning
        end()
        stdout.append(out.fileHandleForReading.readDataToEndOfFile())
        let errors = (try? Data(contentsOf: errFile)) ?? Data()
        #expect(!stuck, "serve did not stop on Ctrl-C")
        return CommandResult(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: errors, as: UTF8.self),
                             status: process.terminationStatus)
    }

    /// Kills the server if it still runs, and waits for it.
    func end() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { try? FileManager.default.removeItem(at: errFile) }
}
