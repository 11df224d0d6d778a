import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built site on disk, and which of its files a checked `RequestPath` names.
///
/// The folder is looked up afresh for every request (`realpath`), because a build swaps a new
/// folder in under the same name. A name that resolves, through a symbolic link, to anything
/// outside the folder is not found, as is anything but a regular file or a folder.
public struct ServedFolder: Sendable {
    public var path: String

    public init(path: String) { self.path = path }

    public enum Location: Equatable, Sendable {
        /// A regular file, by its resolved path.
        case file(String)
        /// A folder asked for without its final `/`: the browser is sent to `/dir/`, so that
        /// the page's relative links resolve inside the folder.
        case redirect(String)
        case notFound
    }

    public func locate(_ request: RequestPath) -> Location {
        guard let root = Self.realPath(path) else { return .notFound }
        let joined = ([root] + request.names).joined(separator: "/")
        guard let resolved = Self.realPath(joined), Self.isInside(resolved, root: root) else { return .notFound }
        switch Self.kind(resolved) {
        case .folder:
            if !request.isFolder { return .redirect(RequestPath(names: request.names, isFolder: true).encoded) }
            guard let index = Self.realPath(resolved + "/index.html"), Self.isInside(index, root: root),
                  Self.kind(index) == .file else { return .notFound }
            return .file(index)
        case .file:
            return request.isFolder ? .notFound : .file(resolved)
        case .other:
            return .notFound
        }
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    enum Kind { case file, folder, other }

    static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .other }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
