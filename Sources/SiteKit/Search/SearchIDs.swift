import Foundation

/// The document id of each report folder in the previous build, read back from its document
/// table (`search/d/*.json`), so that a report keeps its id and adding one renumbers none.
/// Empty on a first build: ids are then given in folder order within each year.
public struct SearchIDs: Sendable, Equatable {
    public var byFolder: [String: Int]
    /// The previous number of key files: kept while it still gives files of a sensible size,
    /// since changing it moves every key.
    public var buckets: Int?
    /// The same for the key files of letter keys (`KeySpace`).
    public var letterBuckets: Int?

    public init(byFolder: [String: Int] = [:], buckets: Int? = nil, letterBuckets: Int? = nil) {
        self.byFolder = byFolder
        self.buckets = buckets
        self.letterBuckets = letterBuckets
    }

    /// Reads `search/d/` under a previous output folder; a missing or unreadable table gives
    /// no ids (the next build numbers afresh, which costs only cache hits).
    public static func read(site: URL) -> SearchIDs {
        let manifest = (try? Data(contentsOf: site.appendingPathComponent("search/index.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let buckets = manifest?["buckets"] as? Int, letterBuckets = manifest?["letters"] as? Int
        let folder = site.appendingPathComponent("search/d")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return SearchIDs() }
        var ids: [String: Int] = [:]
        for name in names where name.hasSuffix(".json") {
            let parts = name.dropLast(5).split(separator: "-")
            guard parts.count == 2, let slot = Int(parts[0]),
                  let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                  let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            for row in rows {
                if let local = row["i"] as? Int, let url = row["u"] as? String { ids[url] = slot << 20 | local }
            }
        }
        return SearchIDs(byFolder: ids, buckets: buckets, letterBuckets: letterBuckets)
    }
}
