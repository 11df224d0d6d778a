/// The `Content-Type` of a served file, by its extension.
///
/// Text that nianbao writes (pages, styles, scripts, CSV, JSON, XML, SVG) is UTF-8 and says
/// so. A report's own file published beside its page (`source.txt`, `source.md`,
/// `source.html.txt`) is served as `text/plain` without a charset: it keeps the bytes it was
/// given, which may be GB18030 or UTF-16, and the browser tells which. Anything unknown is
/// `application/octet-stream`, and the server adds `X-Content-Type-Options: nosniff`.
public enum MIMEType {
    public static let types: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "txt": "text/plain",
        "md": "text/plain",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "pdf": "application/pdf",
        "zip": "application/zip",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]

    public static let fallback = "application/octet-stream"

    /// The type of the file at `path` (a name or a path; only the last extension counts,
    /// in any case): `report.JSON` → `application/json; charset=utf-8`.
    public static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        return types[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    /// Whether a response of this type is a page that gets the live-reload script.
    public static func isHTML(_ type: String) -> Bool { type.hasPrefix("text/html") }
}
