import Foundation

/// The last build's site map with the digest of what it was made from
/// (`SiteMap.inputs`), in `.nianbao/cache/sitemap.bin`: a build whose reports all have
/// the last build's places takes it instead of making it again (60 ms at 10,000 reports),
/// and `serve` keeps the one it made in memory with the rest of the cache (`WarmCache`).
/// Read when first asked for: a rebuild that changed nothing never reads it.
///
///     "nianbao-sitemap\n"  format (varint)  fingerprint  inputs digest (8 bytes)
///     identities, nodes, each report's identity and folder, the groups of one body and year
///     xxHash64 of everything above (8 bytes)
///
/// A file cut short, damaged, written by another program or naming an identity, a place or a
/// report that is not there is not used: the map is made again.
final class StoredSiteMap: @unchecked Sendable {
    static let path = ".nianbao/cache/sitemap.bin"
    static let format: UInt64 = 1
    private static let magic = Array("nianbao-sitemap\n".utf8)

    private let lock = NSLock()
    /// The map and its inputs' digest, once read (`nil` for none or one not readable).
    private var stored: (digest: UInt64, map: SiteMap)??
    /// The file to read it from, until it is read.
    private let file: String?

    /// None: every map is made.
    init() {
        file = nil
        stored = .some(nil)
    }

    /// The map a build just made or took, for the next build of the same process.
    init(digest: UInt64, map: SiteMap) {
        file = nil
        stored = (digest, map)
    }

    /// The map in the file at `path`, read when first asked for.
    init(file path: String) { file = path }

    /// The stored map when it was made from inputs of this digest.
    func map(for digest: UInt64) -> SiteMap? {
        lock.lock()
        defer { lock.unlock() }
        if stored == nil { stored = .some(file.flatMap(Self.read)) }
        guard let kept = stored ?? nil, kept.digest == digest else { return nil }
        return kept.map
    }

    /// Whether the file was read (tests: a rebuild that changed nothing reads none).
    var isRead: Bool {
        lock.lock()
        defer { lock.unlock() }
        return file == nil || stored != nil
    }

    /// `sitemap.bin` of `map`, made from inputs of `digest`.
    static func file(digest: UInt64, map: SiteMap) -> OutputFile {
        var w = CacheWriter(magic: magic, format: format, fingerprint: BuildFingerprint.current, capacity: map.reportFolder.count * 64)
        w.fixed(digest)
        w.array(map.identities) { w, id in
            w.string(id.key)
            w.string(id.folder)
            w.string(id.name)
            w.region(id.region)
            w.string(id.ownPart)
            w.int(id.node)
            w.int(id.county)
            w.array(id.reports) { $0.int($1) }
        }
        w.array(map.nodes) { w, n in
            w.string(n.key)
            w.byte(UInt8(n.level.rawValue))
            w.string(n.name)
            w.string(n.code)
            w.int(n.parent)
            w.string(n.folder)
            w.array(n.children) { $0.int($1) }
            w.array(n.identities) { $0.int($1) }
            w.int(n.own)
            w.int(n.reportCount)
            w.string(n.legacyFolder)
        }
        w.array(map.reportIdentity) { $0.int($1) }
        w.array(map.reportFolder) { $0.string($1) }
        w.array(map.sameYear) { w, group in w.array(group) { $0.int($1) } }
        return OutputFile(path: path, data: BuildCache.sealed(w))
    }

    /// The map in the file at `path`; `nil` when there is none, or it cannot be trusted.
    static func read(_ path: String) -> (digest: UInt64, map: SiteMap)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? BuildCache.unsealed(data, magic: magic, format: format, fingerprint: BuildFingerprint.current) { r in
            let digest = try r.fixed()
            var map = SiteMap()
            map.identities = try r.array { r in
                Identity(key: try r.string(), folder: try r.string(), name: try r.string(), region: try r.region(),
                         ownPart: try r.string(), node: try r.optionalInt(), county: try r.optionalInt(), reports: try r.array { try $0.int() })
            }
            map.nodes = try r.array { r in
                let key = try r.string()
                guard let level = RegionNode.Level(rawValue: Int(try r.byte())) else { throw CacheReader.Damaged() }
                var node = RegionNode(key: key, level: level, name: try r.string(), code: try r.optionalString(),
                                      parent: try r.optionalInt(), folder: try r.string())
                node.children = try r.array { try $0.int() }
                node.identities = try r.array { try $0.int() }
                node.own = try r.optionalInt()
                node.reportCount = try r.int()
                node.legacyFolder = try r.string()
                return node
            }
            map.reportIdentity = try r.array { try $0.int() }
            map.reportFolder = try r.array { try $0.string() }
            map.sameYear = try r.array { r in try r.array { try $0.int() } }
            guard map.isWhole else { throw CacheReader.Damaged() }
            return (digest, map)
        }
    }
}

extension SiteMap {
    /// Whether every index the map holds names an identity, a place or a report it has, and
    /// each report has its identity and its folder: a stored map that is not is not used.
    fileprivate var isWhole: Bool {
        let reports = reportIdentity.count
        let identity = identities.indices, node = nodes.indices, report = 0..<reports
        return reportFolder.count == reports && reportIdentity.allSatisfy(identity.contains)
            && identities.allSatisfy { id in
                id.node.map(node.contains) ?? true && id.county.map(node.contains) ?? true && id.reports.allSatisfy(report.contains)
            }
            && nodes.allSatisfy { n in
                n.parent.map(node.contains) ?? true && n.own.map(identity.contains) ?? true
                    && n.children.allSatisfy(node.contains) && n.identities.allSatisfy(identity.contains)
            }
            && sameYear.allSatisfy { $0.allSatisfy(report.contains) }
    }
}
