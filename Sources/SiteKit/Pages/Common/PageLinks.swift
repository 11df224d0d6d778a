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
    func to(_ target: String) -> String {
        let isFolder = target.isEmpty || target.hasSuffix("/")
        let from = folder.split(separator: "/")
        var to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - (isFolder ? 0 : 1), from[common] == to[common] { common += 1 }
        to.removeFirst(common)
        var path = String(repeating: "../", count: from.count - common) + to.joined(separator: "/")
        if isFolder && !to.isEmpty { path += "/" }
        if isFolder && indexFiles { return path + "index.html" }
        return path.isEmpty ? "./" : path
    }
}
