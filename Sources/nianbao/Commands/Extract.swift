import ArgumentParser
import Foundation
import SiteKit

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the parsed reports as a JSON array of report.json objects.",
        discussion: """
        Each PATH is a report file or a folder (read recursively, files in path order). The \
        array holds one object per report file, in the order given; its shape is documented \
        in docs/report-json.md. A file that cannot be read is reported on standard error and \
        left out, and the exit status is then 1.
        """)

    @Argument(help: "Report files or folders.")
    var paths: [String]

    @Flag(name: .customLong("dump-lines"), help: .hidden)
    var dumpLines = false

    /// For scripts/bench-search: one JSON line per report, what the search index reads of it.
    @Flag(name: .customLong("dump-search-text"), help: .hidden)
    var dumpSearchText = false

    func run() throws {
        Console.ignoreBrokenPipe()
        if dumpLines {
            // Debugging aid (docs/development.md): the numbered lines the parser reads, tabs shown as ⇥.
            for path in paths {
                let doc = try SourceLoader.load(URL(fileURLWithPath: path), path: path)
                for line in ReportReader.lines(of: FrontMatter.split(doc.text).remainingText, kind: doc.kind) {
                    Console.write("\(path):\(line.number)\t\(line.text.replacingOccurrences(of: "\t", with: "⇥"))\n")
                }
            }
            return
        }
        let reader = Toolchain.reader
        var files: [(URL, String)] = []
        var failed = false
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += try SourceLoader.discover(in: url).map { ($0.url, "\(base)/\($0.relativePath)") }
            } else {
                files.append((url, path))
            }
        }
        let found = files
        let slots = Slots<Result<JSONValue, any Error>>(count: found.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let (url, shown) = found[i]
            slots[i] = Result { try SourceLoader.load(url, path: url.lastPathComponent) }.map {
                let report = reader.read($0, source: shown)
                return dumpSearchText ? SearchDocument(report: report, folder: shown, name: report.body ?? "", source: "").dumped
                    : report.json
            }
        }
        var items: [JSONValue] = []
        for (i, result) in slots.values.enumerated() {
            switch result {
            case .success(let json): items.append(json)
            case .failure:
                failed = true
                let why = FileManager.default.fileExists(atPath: files[i].0.path) ? "无法读取文件" : "文件不存在"
                Console.write("\(files[i].1): error: \(why) [file.unreadable]\n", to: .err)
            case nil: break
            }
        }
        Console.write(JSONValue.array(items).serialized(pretty: true) + "\n")
        if failed { throw ExitCode.failure }
    }
}
