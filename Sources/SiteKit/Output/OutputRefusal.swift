import Foundation

/// Why nianbao will not replace a folder with the site.
///
/// A build replaces its output folder whole, so a folder that holds anything else — the
/// project, the reports, the theme, the home folder, a folder nianbao never wrote — must never
/// become the output (issue 12: `--output ''`, `.`, `..`, `content` all deleted the
/// publisher's files). nianbao writes a marker file (`.nianbao-site`) into every site, and
/// replaces only a folder that carries it, is empty, or does not exist yet.
public struct OutputRefusal: DiagnosedError, Equatable {
    public enum Reason: Equatable, Sendable {
        /// The path is the empty string (an unset `$OUT`, an empty `output:`).
        case empty
        /// The output is a guarded folder (`exact`) or one of its parents: the current folder
        /// (`.`, `..`, `/`), the home folder, the project, the content, the theme. `folder` is
        /// the guarded folder as shown to the publisher.
        case holds(Guarded.Role, folder: String, exact: Bool)
        /// The output lies inside the content folder (the site would be read as reports next
        /// time) or the theme (it would be published as the theme's assets).
        case inside(Guarded.Role, folder: String)
        /// Something that is not a folder is at the path.
        case notAFolder
        /// A folder with files in it (these first names, this many in all) and no marker.
        case notASite(names: [String], count: Int)
        /// The staging folder's name is taken by a folder nianbao did not leave there.
        case stagingTaken(String)
    }

    public var reason: Reason
    /// The output as the publisher wrote it (`..`, `public`, an absolute path).
    public var shown: String
    /// The folder it leads to, every link resolved.
    public var resolved: String
    /// Where the value came from, for the diagnostic: the flag, `site.yml` and its line, or
    /// the path itself.
    public var file: String
    public var line: Int?
    /// How to give another output where the value came from (`--output public`).
    public var fix: String

    public init(_ reason: Reason, shown: String, resolved: String, file: String? = nil, line: Int? = nil,
                fix: String = "--output public") {
        self.reason = reason
        self.shown = shown
        self.resolved = resolved
        self.file = file ?? (shown.isEmpty ? "--output" : shown)
        self.line = line
        self.fix = fix
    }

    /// The marker file at the top of every site nianbao writes.
    public static let marker = ".nianbao-site"

    public var code: Diagnostic.Code { diagnostic.diagnostic.code }

    public var diagnostic: FileDiagnostic {
        // A space between a path and the Chinese that follows it, none after a full-width bracket.
        let path = shown == resolved || shown.isEmpty ? shown : "\(shown)（\(resolved)）"
        let named = "输出文件夹 \(path)" + (path.last?.isASCII == true ? " " : "")
        let replaced = "nianbao 每次构建都会整个替换输出文件夹，其中原有的文件都会被删除"
        let elsewhere = "请改用一个专用的文件夹，例如 \(fix)"
        func says(code: Diagnostic.Code, _ message: String) -> FileDiagnostic { .error(file, line: line, code: code, message) }
        switch reason {
        case .empty:
            return says(code: "output.empty", "输出文件夹是空字符串（也许是一个没有设置的变量）；nianbao 不会猜测要替换哪个文件夹，\(elsewhere)")
        case .holds(let role, let folder, let exact):
            let what = switch role {
            case .workingFolder: "当前文件夹"
            case .home: "主文件夹"
            case .project: "放 site.yml 的项目文件夹 \(folder)"
            case .content: "报告文件夹 \(folder)"
            case .theme: "主题文件夹 \(folder)"
            }
            return says(code: role.code, "\(named)\(exact ? "就是" : "包含")\(what)；\(replaced)。\(elsewhere)")
        case .inside(let role, let folder):
            let (what, why) = role == .theme ? ("主题文件夹", "生成的文件会被当作主题的一部分") : ("报告文件夹", "生成的文件会在下次构建时被当作报告读入")
            return says(code: role.code, "\(named)在\(what) \(folder) 里面，\(why)。请把输出放在\(what)之外，例如 \(fix)")
        case .notAFolder:
            return says(code: "output.notAFolder", "输出路径 \(shown) 已存在，但不是文件夹；请移走它，或改用一个专用的文件夹，例如 \(fix)")
        case .notASite(let names, let count):
            let listed = names.joined(separator: "、") + (count > names.count ? " 等" : "")
            return says(code: "output.notASite", "\(named)里已有 \(count) 个文件或文件夹（\(listed)），但它不是 nianbao 生成的站点"
                + "（没有 \(Self.marker) 标记），nianbao 不会替换它。请改用一个新的或空的文件夹；若它确是旧版 nianbao 生成的站点，确认后清空它再重新构建")
        case .stagingTaken(let folder):
            return says(code: "output.stagingTaken", "nianbao 要用 \(folder) 暂存新站点，但那里已有不是 nianbao 留下的文件；请移走它后重新运行")
        }
    }

    /// A folder whose replacement would cost the publisher something, and what it is to them.
    public struct Guarded: Sendable, Equatable {
        public enum Role: String, Sendable, Equatable {
            case workingFolder, home, project, content, theme

            /// The code of a refusal about this folder.
            var code: Diagnostic.Code { Self.codes.first { $0.role == self }!.code }

            static let codes: [(role: Role, code: Diagnostic.Code)] = [
                (role: .workingFolder, code: "output.workingFolder"), (role: .home, code: "output.home"),
                (role: .project, code: "output.project"), (role: .content, code: "output.content"), (role: .theme, code: "output.theme"),
            ]
        }
        /// Its real path (links resolved).
        public var path: String
        public var role: Role
        /// How the publisher names it (`content`, `themes/default`).
        public var shown: String

        public init(_ path: String, _ role: Role, shown: String? = nil) {
            self.path = path
            self.role = role
            self.shown = shown ?? path
        }
    }

    /// The refusal for an output at `resolved` (a real path), given the folders it must not
    /// be or hold — and, for the content and the theme, not lie inside; `nil` when it may be
    /// used. The first guarded folder that applies names the reason.
    public static func check(_ resolved: String, guarding: [Guarded]) -> Reason? {
        for g in guarding {
            if resolved == g.path || isAncestor(resolved, of: g.path) {
                return .holds(g.role, folder: g.shown, exact: resolved == g.path)
            }
            if g.role == .content || g.role == .theme, isAncestor(g.path, of: resolved) {
                return .inside(g.role, folder: g.shown)
            }
        }
        return nil
    }

    /// Whether `folder` is a strict ancestor of `path` (both standardized absolute paths).
    static func isAncestor(_ folder: String, of path: String) -> Bool {
        folder != path && path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
