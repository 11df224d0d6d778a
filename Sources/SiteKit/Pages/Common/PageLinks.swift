import Foundation

/// Relative links between pages. Every page links relatively (`../../`), so the site works
/// from any folder, on any host and from `file://`. A folder target ends in `/`; with
/// `SiteConfig.linksToIndexFiles` it is written `…/index.html` instead (for `file://`, where
/// a browser does not open `index.html` by itself).
struct PageLinks: Sendable {
    /// The folder of the page, relative to the site root (`a/b/2020/`, or "" for the root).
    let folder: String
    let indexFiles: Bool

    var root: String { String(repeating: "../", count: folder.split(separator: "/").count) }

    /// A link to a site path: a folder (`years/2020/`, "" for the root) or a file
    /// (`search.json`), written as the shortest relative path (`2020/` from its body's page,
    /// `../../counties/x/` from a year page).
    ///
    /// On the bytes: the coverage and list pages make a link per report or county they show,
    /// and splitting both paths into substrings for each was ~3 % of a build that takes their
    /// frames. Segments are what `split(separator: "/")` gives (empty ones skipped), which
    /// `PageLinksTests` checks against, on random paths.
    func to(_ target: String) -> String {
        let isFolder = target.isEmpty || target.hasSuffix("/")
        var from = folder, to = target
        let path = from.withUTF8 { f in to.withUTF8 { t in Self.path(from: f, to: t, isFolder: isFolder) } }
        if isFolder && indexFiles { return path + "index.html" }
        return path.isEmpty ? "./" : path
    }

    private static let slash = UInt8(ascii: "/")

    /// The non-empty segments of `path`, as byte ranges.
    private static func segments(_ path: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in 0...path.count where i == path.count || path[i] == slash {
            if i > start { out.append(start..<i) }
            start = i + 1
        }
        return out
    }

    /// The relative path from folder `f` to `t` ("" for the folder itself).
    private static func path(from f: UnsafeBufferPointer<UInt8>, to t: UnsafeBufferPointer<UInt8>, isFolder: Bool) -> String {
        let from = segments(f), to = segments(t)
        var common = 0
        while common < from.count, common < to.count - (isFolder ? 0 : 1),
              from[common].count == to[common].count,
              memcmp(f.baseAddress! + from[common].lowerBound, t.baseAddress! + to[common].lowerBound, from[common].count) == 0 {
            common += 1
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(3 * (from.count - common) + t.count + 1)
        for _ in common..<from.count { bytes += [UInt8(ascii: "."), UInt8(ascii: "."), slash] }
        for (k, r) in to[common...].enumerated() {
            if k > 0 { bytes.append(slash) }
            bytes += UnsafeBufferPointer(rebasing: t[r])
        }
        if isFolder && common < to.count { bytes.append(slash) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
