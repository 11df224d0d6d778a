import Foundation
import Yams

/// Everything a build needs, resolved once from the command line and `site.yml` before any
/// work starts (style.md §3: validate flags once, at the edge).
public struct BuildPlan: Sendable {
    /// The folder of report files.
    public var content: URL
    /// How report paths are shown in diagnostics and `report.source` (`content`).
    public var contentLabel: String
    /// The folder the site is written to (replaced whole, atomically).
    public var output: URL
    public var config: SiteConfig

    public enum Failure: Error, CustomStringConvertible {
        case missingFolder(String, what: String)
        case badSiteFile(String, String)
        public var description: String {
            switch self {
            case .missingFolder(let p, let what): "\(what) folder \(p) does not exist"
            case .badSiteFile(let p, let why): "\(p): \(why)"
            }
        }
    }

    /// Resolves a plan. `root` is the project folder (where `site.yml`, `content/`, `themes/` live);
    /// explicit arguments win over `site.yml`, which wins over the defaults.
    public static func resolve(root: URL, content: String?, output: String?, theme: String?, baseURL: String?) throws -> BuildPlan {
        let fm = FileManager.default
        var settings: [String: Any] = [:]
        let siteFile = root.appendingPathComponent("site.yml")
        if let text = try? String(contentsOf: siteFile, encoding: .utf8) {
            do { settings = (try Yams.load(yaml: text) as? [String: Any]) ?? [:] } catch {
                throw Failure.badSiteFile(siteFile.path, "not valid YAML: \(error)")
            }
        }
        func setting(_ key: String) -> String? { settings[key].map { "\($0)" } }
        /// A path from the command line or site.yml: absolute as given, otherwise under `root`.
        /// (`URL(fileURLWithPath:relativeTo:)` would resolve against root's parent when root
        /// lacks a trailing slash.)
        func resolve(_ path: String) -> URL {
            (path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)).standardizedFileURL
        }
        let contentPath = content ?? setting("content") ?? "content"
        let contentURL = resolve(contentPath)
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: contentURL.path, isDirectory: &isDir), isDir.boolValue else {
            throw Failure.missingFolder(contentPath, what: "content")
        }
        let outputURL = resolve(output ?? setting("output") ?? "public")
        let themeName = theme ?? setting("theme") ?? "default"
        let themeURL = themeName.contains("/") ? resolve(themeName) : resolve("themes/\(themeName)")
        guard fm.fileExists(atPath: themeURL.path, isDirectory: &isDir), isDir.boolValue else {
            throw Failure.missingFolder(themeURL.path, what: "theme")
        }
        var base = baseURL ?? setting("baseURL") ?? "/"
        if !base.hasSuffix("/") { base += "/" }
        let config = SiteConfig(title: setting("title") ?? "政府信息公开工作年度报告", baseURL: base,
                                themeDirectory: themeURL, language: setting("language") ?? "zh-CN")
        let label = contentPath.hasSuffix("/") ? String(contentPath.dropLast()) : contentPath
        return BuildPlan(content: contentURL, contentLabel: label, output: outputURL, config: config)
    }
}
