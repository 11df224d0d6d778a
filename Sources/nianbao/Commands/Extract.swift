import ArgumentParser
import Foundation
import SiteKit

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the parsed reports as a JSON array of report.json objects.",
        discussion: """
        Each PATH is a report file or a folder (read recursively, files in path order). The \
        array holds one object per report, in the order given; its shape is documented in \
        docs/report-json.md. Files are read exactly as `build` and `check` read them: a file \
        that is not a report (missing, unreadable, empty, not text) is reported on standard \
        error, left out of the array, and makes the exit status 1.
        """)

    @Argument(help: "Report files or folders.")
    var paths: [String]

    @Flag(name: .customLong("dump-lines"), help: .hidden)
    var dumpLines = false

    func run() async throws {
        try await Console.stopping(verbose: false) {
            Console.ignoreBrokenPipe()
            let reader = Toolchain.reader
            let files = try Self.expand(paths)
            if dumpLines {
                // Debugging aid (docs/development.md): the numbered lines the parser reads, tabs shown as ⇥.
                for file in files {
                    let data = (try? Data(contentsOf: file.url)) ?? Data()
                    for line in reader.prepare(data, path: file.path, source: file.shown).input?.lines ?? [] {
                        let text = Console.escape(line.text.replacingOccurrences(of: "\t", with: "⇥"))
                        Console.write("\(Console.escape(file.shown)):\(line.number)\t\(text)\n")
                    }
                }
                return
            }
            let slots = Slots<ReportReader.Outcome>(count: files.count)
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                slots[i] = reader.read(fileAt: files[i].url, path: files[i].path, source: files[i].shown)
            }
            var items: [JSONValue] = []
            var failed = false
            for (file, outcome) in zip(files, slots.values.compactMap { $0 }) {
                if let report = outcome.report {
                    items.append(report.json)
                } else {
                    failed = true
                    Console(verbose: false).print(outcome.problems.map { FileDiagnostic(file: file.shown, diagnostic: $0) }, to: .err)
                }
            }
            Console.write(JSONValue.array(items).serialized(pretty: true) + "\n")
            if failed { throw ExitCode.failure }
        }
    }

    /// The files named: each file as given, each folder's report files in path order.
    static func expand(_ paths: [String]) throws -> [(url: URL, path: String, shown: String)] {
        var files: [(URL, String, String)] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += try ContentFolder.discover(in: url).map { ($0.url, $0.relativePath, "\(base)/\($0.relativePath)") }
            } else {
                files.append((url, url.lastPathComponent, path))
            }
        }
        return files
    }
}
