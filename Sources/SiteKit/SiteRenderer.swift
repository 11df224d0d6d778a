import Foundation

/// Turns parsed reports into the files of the site: a pure function of its inputs (the
/// theme is read once, at init; nothing is written to disk — `OutputWriter` does that).
///
/// Pages are rendered in parallel: each is a pure function of its view model and template.
/// The output is sorted by path, so two runs over the same input give the same list.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    let theme: Theme
    let slug: @Sendable (String) -> String

    /// Reads the theme in `config.themeDirectory`; throws `SiteError` naming the template
    /// file that is missing or does not parse.
    public init(config: SiteConfig, slug: @escaping @Sendable (String) -> String = SiteRenderer.fallbackSlug) throws {
        self.config = config
        self.theme = try Theme(directory: config.themeDirectory)
        self.slug = slug
    }

    /// One unit of parallel work.
    enum Job: Sendable {
        case report(Int), body(Int), county(Int), year(String), years, counties, home, search
    }

    public func render(_ documents: [ParsedDocument]) throws -> [OutputFile] {
        let map = SiteMap(reports: documents.map(\.report), slug: slug)
        let site = SiteContext(config: config, theme: theme, documents: documents, map: map)
        var jobs: [Job] = documents.indices.map(Job.report)
        jobs += map.identities.indices.map(Job.body)
        jobs += map.counties.indices.map(Job.county)
        jobs += site.years.map { Job.year($0.key) }
        jobs += [.years, .counties, .home, .search]
        let allJobs = jobs

        let results = ResultBox(count: allJobs.count)
        DispatchQueue.concurrentPerform(iterations: allJobs.count) { i in
            do {
                results.set(i, .success(try site.render(allJobs[i])))
            } catch {
                results.set(i, .failure(error))
            }
        }
        var files: [OutputFile] = theme.assets
        for result in results.values() {
            files += try result!.get()
        }
        files += SearchIndex(site: site).files()
        return files.sorted { $0.path < $1.path }
    }
}

/// Collects results from the parallel loop.
private final class ResultBox: @unchecked Sendable {
    private var items: [Result<[OutputFile], Error>?]
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Result<[OutputFile], Error>) {
        lock.lock(); defer { lock.unlock() }
        items[i] = value
    }

    func values() -> [Result<[OutputFile], Error>?] {
        lock.lock(); defer { lock.unlock() }
        return items
    }
}
