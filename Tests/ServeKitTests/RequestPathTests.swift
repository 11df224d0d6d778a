import Foundation
import NianbaoTestSupport
import Testing
@testable import ServeKit

/// Request paths are untrusted: every way of naming a file outside the served folder, or
/// nianbao's own files in it, is refused before the file system is asked.
@Suite struct RequestPathTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var raw: String
        var expected: RequestPath?
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "root", raw: "/", expected: RequestPath(names: [], isFolder: true)),
        Case(id: "file", raw: "/index.html", expected: RequestPath(names: ["index.html"], isFolder: false)),
        Case(id: "folder", raw: "/years/2020/", expected: RequestPath(names: ["years", "2020"], isFolder: true)),
        Case(id: "folder without slash", raw: "/years", expected: RequestPath(names: ["years"], isFolder: false)),
        Case(id: "percent-encoded Chinese", raw: "/2020/%E6%8E%8C%E6%94%BF%E9%95%87/",
             expected: RequestPath(names: ["2020", "掌政镇"], isFolder: true)),
        Case(id: "raw Chinese", raw: "/掌政镇/index.html", expected: RequestPath(names: ["掌政镇", "index.html"], isFolder: false)),
        Case(id: "query cut", raw: "/search/?q=%E6%8E%8C", expected: RequestPath(names: ["search"], isFolder: true)),
        Case(id: "fragment cut", raw: "/a.html#t3", expected: RequestPath(names: ["a.html"], isFolder: false)),
        Case(id: "slashes merged", raw: "//a//b.html", expected: RequestPath(names: ["a", "b.html"], isFolder: false)),
        Case(id: "space", raw: "/a%20b.html", expected: RequestPath(names: ["a b.html"], isFolder: false)),
        Case(id: "plus stays", raw: "/a+b", expected: RequestPath(names: ["a+b"], isFolder: false)),
        Case(id: "dot inside a name", raw: "/a..b/c.d", expected: RequestPath(names: ["a..b", "c.d"], isFolder: false)),
        Case(id: "empty", raw: "", expected: nil),
        Case(id: "relative", raw: "index.html", expected: nil),
        Case(id: "absolute URL", raw: "http://x/", expected: nil),
        Case(id: "dot dot", raw: "/..", expected: nil),
        Case(id: "dot dot inside", raw: "/a/../../etc/passwd", expected: nil),
        Case(id: "dot", raw: "/./index.html", expected: nil),
        Case(id: "encoded dot dot", raw: "/%2e%2e/etc/passwd", expected: nil),
        Case(id: "encoded dot dot, mixed case", raw: "/%2E%2e/x", expected: nil),
        Case(id: "half-encoded dot dot", raw: "/.%2e/x", expected: nil),
        Case(id: "double-encoded dot dot is a plain name", raw: "/%252e%252e/x",
             expected: RequestPath(names: ["%2e%2e", "x"], isFolder: false)),
        Case(id: "cache folder", raw: "/.nianbao/cache/records", expected: nil),
        Case(id: "marker", raw: "/.nianbao-site", expected: nil),
        Case(id: "git", raw: "/.git/config", expected: nil),
        Case(id: "encoded leading dot", raw: "/%2Enianbao/cache", expected: nil),
        Case(id: "NUL", raw: "/a%00b", expected: nil),
        Case(id: "line feed", raw: "/a%0Ab", expected: nil),
        Case(id: "DEL", raw: "/a%7Fb", expected: nil),
        Case(id: "encoded slash", raw: "/a%2Fb", expected: nil),
        Case(id: "encoded slash dot dot", raw: "/..%2F..%2Fetc", expected: nil),
        Case(id: "backslash", raw: "/a\\b", expected: nil),
        Case(id: "encoded backslash", raw: "/..%5C..%5Cetc", expected: nil),
        Case(id: "bad escape", raw: "/%zz", expected: nil),
        Case(id: "cut escape", raw: "/a%4", expected: nil),
        Case(id: "not UTF-8", raw: "/%FF%FE", expected: nil),
        Case(id: "overlong UTF-8 dot", raw: "/%C0%AE%C0%AE/x", expected: nil),
        Case(id: "name too long", raw: "/" + String(repeating: "a", count: 256), expected: nil),
        Case(id: "name at the limit", raw: "/" + String(repeating: "a", count: 255),
             expected: RequestPath(names: [String(repeating: "a", count: 255)], isFolder: false)),
        Case(id: "too many names", raw: String(repeating: "/a", count: 65), expected: nil),
        Case(id: "too long", raw: "/" + String(repeating: "a/", count: 2048), expected: nil),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) {
        #expect(RequestPath(c.raw) == c.expected)
    }

    @Test func encodesNamesForARedirect() {
        #expect(RequestPath(names: ["2020", "掌政镇"], isFolder: true).encoded == "/2020/%E6%8E%8C%E6%94%BF%E9%95%87/")
        #expect(RequestPath(names: ["a b", "c?d#e"], isFolder: false).encoded == "/a%20b/c%3Fd%23e")
        #expect(RequestPath(names: [], isFolder: true).encoded == "/")
    }

    /// Whatever names a path holds, its encoded form parses back to the same names.
    @Test func encodedPathsParseBack() {
        let seed: UInt64 = 20261206
        var rng = SeededGenerator(seed: seed)
        let alphabet = Array("ab.%/?#\\ 掌政镇-_~+\u{1}")
        for _ in 0..<2000 {
            let names = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                "x" + String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            let clean = names.filter { !$0.unicodeScalars.contains { $0.value < 0x20 || $0 == "/" || $0 == "\\" } }
            guard clean == names else { continue }
            let path = RequestPath(names: names, isFolder: Bool.random(using: &rng))
            #expect(RequestPath(path.encoded) == path, "seed \(seed): \(names)")
        }
    }
}
