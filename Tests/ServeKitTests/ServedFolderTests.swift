import Foundation
import NianbaoTestSupport
import Testing
@testable import ServeKit

/// A served folder with the traps a request might try: a secret beside it, links leading out
/// of it, nianbao's own dot-files inside it.
///
///     outer/secret.txt
///     outer/site/index.html, a/index.html, a/b.html, a/empty/ (no index.html)
///     outer/site/.nianbao/cache, .nianbao-site
///     outer/site/out → ../secret.txt, up → .., in → a/b.html
final class ServedSite: @unchecked Sendable {
    let outer: URL
    let site: URL

    init() throws {
        outer = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-served-\(UUID().uuidString)")
        site = outer.appendingPathComponent("site")
        let fm = FileManager.default
        for dir in ["site/a/empty", "site/.nianbao"] {
            try fm.createDirectory(at: outer.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        let files = ["secret.txt": "secret", "site/index.html": "<html><body><p>home</p></body></html>",
                     "site/a/index.html": "<p>a</p>", "site/a/b.html": "<p>b</p>", "site/style.css": "p{}",
                     "site/.nianbao/cache": "cache", "site/.nianbao-site": ""]
        for (path, text) in files { try Data(text.utf8).write(to: outer.appendingPathComponent(path)) }
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("out").path, withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("in").path, withDestinationPath: "a/b.html")
    }

    deinit { try? FileManager.default.removeItem(at: outer) }

    var real: String { ServedFolder.realPath(site.path)! }
    var folder: ServedFolder { ServedFolder(path: site.path) }
}

@Suite struct ServedFolderTests {
    @Test func findsFilesFoldersAndRedirects() throws {
        let s = try ServedSite()
        func locate(_ raw: String) -> ServedFolder.Location { RequestPath(raw).map(s.folder.locate) ?? .notFound }
        #expect(locate("/") == .file(s.real + "/index.html"))
        #expect(locate("/a/") == .file(s.real + "/a/index.html"))
        #expect(locate("/a") == .redirect("/a/"))
        #expect(locate("/a/b.html") == .file(s.real + "/a/b.html"))
        #expect(locate("/a/b.html/") == .notFound)
        #expect(locate("/a/empty/") == .notFound)
        #expect(locate("/missing.html") == .notFound)
        #expect(locate("/in") == .file(s.real + "/a/b.html"))
        #expect(locate("/out") == .notFound)
        #expect(locate("/up/secret.txt") == .notFound)
        #expect(locate("/up/") == .notFound)
        #expect(ServedFolder(path: s.outer.appendingPathComponent("gone").path).locate(RequestPath("/")!) == .notFound)
    }

    /// Every path of up to three names from a set of tricky ones (exhaustively), and 20,000
    /// seeded random paths of up to six: none reaches a file outside the folder, a dot-file, or
    /// anything but the site's own files; a redirect stays on this server.
    @Test func noRequestPathLeavesTheFolder() throws {
        let s = try ServedSite()
        let allowed = Set(["index.html", "a/index.html", "a/b.html", "style.css"].map { s.real + "/" + $0 })
        let parts = ["", ".", "..", "%2e%2e", "%2E.", ".%2e", "a", "b.html", "empty", "out", "up", "in", "secret.txt",
                     "site", "%2F", "%5C", "\\", ".nianbao", "%2Enianbao", ".nianbao-site", "cache", "index.html", "%00",
                     "..%2f", "%252e%252e", "%C0%AE", "?", "#", "%3F"]
        func check(_ raw: String) {
            guard let request = RequestPath(raw) else { return }
            switch s.folder.locate(request) {
            case .file(let path):
                #expect(allowed.contains(path), "\(raw) → \(path)")
            case .redirect(let location):
                #expect(location.hasPrefix("/") && !location.hasPrefix("//") && RequestPath(location) != nil, "\(raw) → \(location)")
            case .notFound:
                break
            }
        }
        var count = 0
        for a in parts {
            check("/" + a)
            for b in parts {
                check("/" + a + "/" + b)
                for c in parts {
                    check("/" + a + "/" + b + "/" + c)
                    check("/" + a + "/" + b + "/" + c + "/")
                    count += 2
                }
            }
        }
        #expect(count == 2 * parts.count * parts.count * parts.count)
        var rng = SeededGenerator(seed: 1313)
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...6, using: &rng)
            check("/" + (0..<n).map { _ in parts.randomElement(using: &rng)! }.joined(separator: "/"))
        }
    }
}
