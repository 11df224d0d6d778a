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
        let discovery = try ContentFolder.discover(in: plan.content)
        let found = discovery.entries
        let label = plan.contentLabel
        // How each file is named in messages and in `report.source`: `content/000.txt`.
        func show(_ path: String) -> String { label.isEmpty || label == "." ? path : "\(label)/\(path)" }
        let shown = found.map { show($0.relativePath) }
        let reader = self.reader.limited(toFileSize: plan.maxFileSize)
        let slots = Slots<ReportReader.Outcome>(count: found.count)
        DispatchQueue.concurrentPerform(iterations: found.count) { i in
            slots[i] = reader.read(fileAt: found[i].url, path: found[i].relativePath, source: shown[i])
        }
        let outcomes = slots.values.compactMap { $0 }
        let loadProblems = discovery.notes.map { FileDiagnostic(file: show($0.relativePath), diagnostic: $0.diagnostic) }
            + zip(shown, outcomes).flatMap { file, outcome in outcome.problems.map { FileDiagnostic(file: file, diagnostic: $0) } }
        var documents = outcomes.compactMap(\.parsed)
        let portal = PortalChecks.check(documents.map(\.report))
        for (index, extra) in portal { documents[index].report.diagnostics += extra }
        for (index, warning) in DuplicateReports.warnings(documents, slug: slug) { documents[index].report.diagnostics.append(warning) }
        let diagnostics = loadProblems + documents.flatMap { d in
            d.report.diagnostics.map { FileDiagnostic(file: d.report.source, diagnostic: $0) }
        }
        return Result(documents: documents, diagnostics: diagnostics, pages: 0, written: nil,
                      seconds: Date().timeIntervalSince(start))
    }

    /// Checks, renders and writes the site atomically.
    public func build() throws -> Result {
        let start = Date()
        var result = try check()
        let files = try SiteRenderer(config: plan.config, slug: slug).render(result.documents)
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
