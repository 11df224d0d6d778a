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

    @Option(name: .long, help: "The largest report file read, e.g. 50MB (default: 20MB).")
    var maxFileSize: String?

    @Flag(name: .customLong("dump-lines"), help: .hidden)
    var dumpLines = false

    /// For scripts/bench-search: one JSON line per report, what the search index reads of it.
    @Flag(name: .customLong("dump-search-text"), help: .hidden)
    var dumpSearchText = false

    func validate() throws {
        if let maxFileSize, BuildPlan.byteCount(maxFileSize) == nil {
            throw ValidationError("--max-file-size「\(maxFileSize)」的写法无法识别；请写成 20MB、500KB 或字节数")
        }
    }

    func run() async throws {
        try await Console.stopping(verbose: false) {
            Console.ignoreBrokenPipe()
            let reader = Toolchain.reader.limited(toFileSize: maxFileSize.flatMap(BuildPlan.byteCount) ?? ReportReader.defaultMaxFileSize)
            let (files, notes) = try Self.expand(paths)
            Console(verbose: false).print(notes, to: .err)
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
                    items.append(dumpSearchText ? SearchDocument(entry: SearchEntry(report: report), folder: file.shown,
                                                                 name: report.body ?? "", source: "").dumped : report.json)
                } else {
                    failed = true
                    Console(verbose: false).print(outcome.problems.map { FileDiagnostic(file: file.shown, diagnostic: $0) }, to: .err)
                }
            }
            Console.write(JSONValue.array(items).serialized(pretty: true) + "\n")
            if failed { throw ExitCode.failure }
        }
    }

    /// The files named: each file as given, each folder's report files in path order; and
    /// what the folders hold that is not read (a link outside, a hidden file …).
    static func expand(_ paths: [String]) throws -> (files: [(url: URL, path: String, shown: String)], notes: [FileDiagnostic]) {
        var files: [(URL, String, String)] = []
        var notes: [FileDiagnostic] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                let found = try ContentFolder.discover(in: url)
                files += found.entries.map { ($0.url, $0.relativePath, "\(base)/\($0.relativePath)") }
                notes += found.notes.map { FileDiagnostic(file: "\(base)/\($0.relativePath)", diagnostic: $0.diagnostic) }
            } else {
                files.append((url, url.lastPathComponent, path))
            }
        }
        return (files, notes)
    }
}
