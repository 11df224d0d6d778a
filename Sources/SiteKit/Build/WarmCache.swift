import Foundation
import InputKit

/// The build cache kept in memory between the builds of one process (`serve`'s rebuilds),
/// so that a rebuild does not read and decode again what the last build just wrote or read
/// (`reports.bin` and `bodies.bin`: 43 MB at 10,000 reports; its records' facts once decoded
/// stay decoded).
///
/// Kept with the stamps (`FileStamp`: device, inode, size, both times) of the cache files in
/// the live site as that build left them, and used only while those files still have them:
/// a build by another process (`nianbao build` beside `serve`), a cache file replaced or
/// removed by hand, or another output folder reads the files again. Every build writes its
/// cache files new (a new inode each) or appends to them (`bodies.bin`: a new size and new
/// times), so files left as they were are the ones described.
///
/// Beside the cache, what a build made that is a pure function of what it was made from,
/// kept with those inputs and used when the next build's are the same (`WarmCache+Memo`): each
/// report's search document digest. These do not depend on the cache files. (Each report's
/// summary is kept with its record, in the cache: `KeptSummary`; the site map is the cache's,
/// `StoredSiteMap`: kept here with it, as the next build reads it.)
public final class WarmCache: @unchecked Sendable {
    private var kept: (site: String, key: [FileStamp?], cache: BuildCache)?
    var searchDigestMemo: [String: SearchDigestMemo] = [:]
    /// The content folder as the last scan found it, and the changes told since (`WarmCache+Walk`).
    var walk: (discovery: ContentFolder.Discovery, clock: StampClock)?
    var changes = ChangesTold.none
    let lock = NSLock()

    public init() {}

    /// The files the key is made of, under the site's root.
    static let files = [BuildCache.reportsPath, CacheBodies.path, BuildCache.pagesPath, StoredSiteMap.path, FileStamps.path]

    static func key(site root: String) -> [FileStamp?] { files.map { FileStamp.of(root + "/" + $0) } }

    /// The cache kept for the site at `root`, when its files are still the ones it was kept with.
    func cache(site root: String) -> BuildCache? {
        lock.lock()
        defer { lock.unlock() }
        guard let kept, kept.site == root, kept.key.allSatisfy({ $0 != nil }), kept.key == Self.key(site: root) else { return nil }
        return kept.cache
    }

    /// Keeps `cache` as what the site at `root` holds now (its files stamped now).
    func keep(_ cache: BuildCache, site root: String) {
        let key = Self.key(site: root)
        lock.lock()
        kept = (root, key, cache)
        lock.unlock()
    }

    /// Forgets what was kept (a build that failed or wrote no cache).
    func forget() {
        lock.lock()
        kept = nil
        lock.unlock()
    }
}
