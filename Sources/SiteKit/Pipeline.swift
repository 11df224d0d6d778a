import Foundation

/// A diagnostic with the file it is about: the core knows the line, the pipeline adds the file.
public struct FileDiagnostic: Sendable, Hashable {
    public var file: String
    public var diagnostic: Diagnostic

    public init(file: String, diagnostic: Diagnostic) {
        self.file = file
        self.diagnostic = diagnostic
    }
}

/// The whole flow: load → parse (in parallel) → portal checks → render → write.
/// `check` runs the same flow and stops before rendering. Nothing here prints.
public struct Pipeline: Sendable {
    public struct Result: Sendable {
        public var documents: [ParsedDocument]
        public var diagnostics: [FileDiagnostic]
        public var pages: Int
        public var written: OutputWriter.Summary?
        public var seconds: Double

        public var reports: Int { documents.count }
        public func count(_ severity: Diagnostic.Severity) -> Int { diagnostics.filter { $0.diagnostic.severity == severity }.count }
    }

    public var plan: BuildPlan
    public var reader: ReportReader
    public var slug: @Sendable (String) -> String

    public init(plan: BuildPlan, reader: ReportReader = .standard, slug: @escaping @Sendable (String) -> String = Pinyin.slug) {
        self.plan = plan
        self.reader = reader
        self.slug = slug
    }

    /// Loads and parses every report, then runs the checks across reports.
    public func check() throws -> Result {
        let start = Date()
        let found = try SourceLoader.discover(in: plan.content)
        let label = plan.contentLabel
        let reader = self.reader
        let slots = Slots<ParsedDocument>(count: found.count)
        let failures = Slots<FileDiagnostic>(count: found.count)
        DispatchQueue.concurrentPerform(iterations: found.count) { i in
            let (url, rel) = found[i]
            let shown = label.isEmpty || label == "." ? rel : "\(label)/\(rel)"
            do {
                let doc = try SourceLoader.load(url, path: rel)
                // An empty file is a mistake to report, not a report to publish.
                if doc.text.allSatisfy(\.isWhitespace) {
                    failures[i] = FileDiagnostic(file: shown, diagnostic: .error("file.empty", "文件是空的，未生成页面", line: nil))
                    return
                }
                slots[i] = ParsedDocument(document: doc, report: reader.read(doc, source: shown))
            } catch {
                failures[i] = FileDiagnostic(file: shown, diagnostic: .error("file.unreadable", "无法读取文件：\(error.localizedDescription)", line: nil))
            }
        }
        var documents = slots.values.compactMap { $0 }
        let loadProblems = failures.values.compactMap { $0 }
        let portal = PortalChecks.check(documents.map(\.report))
        for (index, extra) in portal { documents[index].report.diagnostics += extra }
        let diagnostics = loadProblems + documents.flatMap { d in
            d.report.diagnostics.map { FileDiagnostic(file: d.report.source, diagnostic: $0) }
        }
        return Result(documents: documents, diagnostics: diagnostics, pages: 0, written: nil,
                      seconds: Date().timeIntervalSince(start))
    }

    /// Checks, renders and writes the site atomically.
    public func build() throws -> Result {
        if searchSwitch == "only" { return try buildSearchOnly() }
        let start = Date()
        var result = try check()
        var renderer = try SiteRenderer(config: plan.config, slug: slug)
        renderer.searchIDs = SearchIDs.read(site: plan.output)
        renderer.searchIndex = searchSwitch != "off"
        var files = try renderer.render(result.documents)
        if let base = plan.config.absoluteBase { files.append(Sitemap.file(for: files, base: base)) }
        result.pages = files.filter { $0.path.hasSuffix(".html") }.count
        result.written = try OutputWriter(output: plan.output).write(files)
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}

/// Fixed slots filled from concurrent iterations (`DispatchQueue.concurrentPerform`), one
/// writer per index, read once all are done; results stay in input order.
public final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    public subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return storage[i] }
        set { lock.lock(); storage[i] = newValue; lock.unlock() }
    }

    public var values: [T?] { lock.lock(); defer { lock.unlock() }; return storage }
}
