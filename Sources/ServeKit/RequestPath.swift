import Foundation

/// A request's path, checked before it comes near the file system: the names of the folders
/// and the file it asks for under the served folder, each percent-decoded.
///
/// Refused (`nil`), so that no request can name a file outside the served folder or one of
/// nianbao's own files in it: a path that does not start with `/`; a `%` not followed by two
/// hex digits; a name that is not UTF-8 once decoded; a name holding `/` or `\` (also as
/// `%2F`, `%5C`), NUL or another control character; any name starting with `.` — `.` and `..`
/// (also as `%2e%2e`), and the site's `.nianbao/` cache and `.nianbao-site` marker; a path
/// longer than 4,096 bytes or 64 names, or a name longer than 255 bytes.
///
///     /2020/%E6%8E%8C%E6%94%BF%E9%95%87/  →  ["2020", "掌政镇"], folder
///     /search/index.json?q=1              →  ["search", "index.json"]
///     /a/../../etc/passwd                 →  nil
///
/// Empty names (`//`) are dropped, as static hosts merge slashes. A query (`?…`) or fragment
/// (`#…`) is cut off first.
public struct RequestPath: Hashable, Sendable {
    public var names: [String]
    /// Whether the path ended with `/` (a folder, whose `index.html` is served).
    public var isFolder: Bool

    public init(names: [String], isFolder: Bool) {
        self.names = names
        self.isFolder = isFolder
    }

    public static let maxBytes = 4096
    public static let maxNames = 64
    public static let maxNameBytes = 255

    public init?(_ raw: String) {
        var bytes = Array(raw.utf8)
        if let cut = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { bytes.removeSubrange(cut...) }
        guard bytes.first == UInt8(ascii: "/"), bytes.count <= Self.maxBytes else { return nil }
        var names: [String] = []
        for part in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard let decoded = Self.percentDecoded(part), decoded.count <= Self.maxNameBytes,
                  decoded.first != UInt8(ascii: "."),
                  !decoded.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }),
                  let name = String(validating: decoded, as: UTF8.self) else { return nil }
            names.append(name)
        }
        guard names.count <= Self.maxNames else { return nil }
        self.names = names
        self.isFolder = names.isEmpty || bytes.last == UInt8(ascii: "/")
    }

    /// The path as a link: `/` and each name percent-encoded (everything but unreserved ASCII),
    /// with a final `/` for a folder. Used for the redirect of `/dir` to `/dir/`.
    public var encoded: String {
        var out = "/" + names.map(Self.percentEncoded).joined(separator: "/")
        if isFolder && !names.isEmpty { out += "/" }
        return out
    }

    /// `%XX` sequences decoded; `nil` for a `%` without two hex digits after it.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else { return nil }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func percentEncoded(_ name: String) -> String {
        var out = ""
        for b in name.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
