import Foundation

/// Everything a build needs, resolved once from the command line and `site.yml` before any
/// work starts (flags are validated once, at the edge): the content folder, and for a
/// build the theme, loaded and checked, and an output folder nianbao may replace.
public struct BuildPlan: Sendable {
    /// The folder of report files.
    public var content: URL
    /// How report paths are shown in diagnostics and `report.source` (`content`): see `label(of:in:)`.
    public var contentLabel: String
    /// The folder the site is written to (replaced whole, atomically), every link resolved.
    public var output: URL
    public var config: SiteConfig
    /// The largest report file read, in bytes (`--max-file-size`, `maxFileSize:` in site.yml).
    public var maxFileSize = ReportReader.defaultMaxFileSize
    /// Problems found while planning that do not stop the build (a key `site.yml` does not
    /// know, a theme asset that is not published), printed with the build's diagnostics.
    public var diagnostics: [FileDiagnostic] = []

    /// `check` reads the reports only: it needs no theme and writes nothing.
    public enum Purpose: Sendable { case build, check }

    /// A report file's name in messages and in the site: `relativePath` (inside the content
    /// folder) under `contentLabel`.
    public func source(of relativePath: String) -> String {
        contentLabel.isEmpty ? relativePath : contentLabel + "/" + relativePath
    }

    /// How report files are named in messages and in the site (`report.source`, the source
    /// page): the content folder's path inside the project folder (`content`, `data/reports`;
    /// empty for the project folder itself), however it was spelled (`./content/`, an absolute
    /// path, a path through a link); a folder outside the project by its own name (`reports`).
    /// The spelling as typed would publish the machine's folders (`/home/…/content/…`) in every
    /// report.json, and a new spelling of the same folder would change every report's source:
    /// a full rebuild, and every page uploaded again.
    public static func label(of content: URL, in root: URL) -> String {
        let folder = Disk.realPath(content.path), project = Disk.realPath(root.path)
        if folder == project { return "" }
        let prefix = project == "/" ? "/" : project + "/"
        if folder.hasPrefix(prefix) { return String(folder.dropFirst(prefix.count)) }
        return (folder as NSString).lastPathComponent
    }

    /// A folder the plan needs that is not there.
    public struct Failure: DiagnosedError, Equatable {
        public var diagnostic: FileDiagnostic
    }

    /// Resolves a plan. `root` is the project folder (where `site.yml`, `content/`, `themes/`
    /// live); explicit arguments win over `site.yml`, which wins over the defaults. A theme
    /// given by name is looked for in `root/themes`, then in each of `themes` (the themes
    /// shipped with nianbao), so a project needs no copy of the default theme.
    public static func resolve(root: URL, content: String?, output: String?, theme: String?, baseURL: String?,
                               maxFileSize: String? = nil, indexLinks: Bool = false,
                               themes: [URL] = [], for purpose: Purpose = .build) throws -> BuildPlan {
        let site = try SiteFile.read(root.appendingPathComponent("site.yml"), shown: "site.yml")
        /// The flag's value, else site.yml's, else the default, with where it came from.
        func setting(_ key: String, _ flag: String, _ given: String?, default value: String) -> Setting {
            if let given { return Setting(value: given, key: key, flag: flag) }
            if let v = site?.values[key] { return Setting(value: v.text, key: key, flag: flag, file: "site.yml", line: v.line) }
            return Setting(value: value, key: key, flag: flag, isDefault: true)
        }
        /// A path from the command line or site.yml: absolute as given, otherwise under `root`.
        /// (`URL(fileURLWithPath:relativeTo:)` would resolve against root's parent when root
        /// lacks a trailing slash.)
        func resolve(_ path: String) -> URL {
            (path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)).standardizedFileURL
        }

        let contentSetting = setting("content", "--content", content, default: "content")
        let contentURL = resolve(contentSetting.value)
        var isDir: ObjCBool = false
        guard !contentSetting.value.isEmpty, FileManager.default.fileExists(atPath: contentURL.path, isDirectory: &isDir),
              isDir.boolValue else {
            let remedy = contentSetting.isDefault
                ? "请在放报告文件夹 content/ 的项目文件夹里运行，或用 --content 指定报告文件夹"
                : "请检查 \(contentSetting.origin) 的路径"
            let message = "报告文件夹 \(contentSetting.value) 不存在（在 \(root.path) 下查找）；\(remedy)"
            throw Failure(diagnostic: contentSetting.error(code: "content.missing", message))
        }
        let label = label(of: contentURL, in: root)

        let themeSetting = setting("theme", "--theme", theme, default: "default")
        let candidates = themeSetting.value.contains("/") ? [resolve(themeSetting.value)]
            : ([root.appendingPathComponent("themes")] + themes).map { $0.appendingPathComponent(themeSetting.value).standardizedFileURL }
        let themeURL = candidates.first { FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDir) && isDir.boolValue }

        var base = setting("baseURL", "--base-url", baseURL, default: "/").value
        if !base.hasSuffix("/") { base += "/" }
        var config = SiteConfig(title: site?.values["title"]?.text ?? "政府信息公开工作年度报告", baseURL: base,
                                themeDirectory: themeURL ?? candidates[0], language: site?.values["language"]?.text ?? "zh-CN")
        config.deadlines = site?.deadlines ?? .statutory
        // `--index-links` or `indexLinks: true`: a site to open from the disk (file://).
        config.linksToIndexFiles = indexLinks || ["true", "yes"].contains(site?.values["indexLinks"]?.text.lowercased() ?? "")
        let outputSetting = setting("output", "--output", output, default: "public")
        var plan = BuildPlan(content: contentURL, contentLabel: label, output: resolve(outputSetting.value), config: config,
                             diagnostics: site?.warnings ?? [])
        let sizeSetting = setting("maxFileSize", "--max-file-size", maxFileSize, default: "20MB")
        guard let size = byteCount(sizeSetting.value) else {
            throw Failure(diagnostic: sizeSetting.error(code: "site.maxFileSize",
                "文件大小上限「\(sizeSetting.value)」的写法无法识别；请写成 20MB、500KB 或字节数，例如 \(sizeSetting.origin) 50MB"))
        }
        plan.maxFileSize = size
        guard purpose == .build else { return plan }

        guard let themeURL else {
            let searched = candidates.map(\.path).joined(separator: "、")
            throw Failure(diagnostic: themeSetting.error(code: "theme.missing",
                "找不到主题 \(themeSetting.value)（查找过 \(searched)）；请用 --theme 指定主题名或主题文件夹，例如 --theme path/to/theme"))
        }
        plan.diagnostics += try Theme(directory: themeURL).warnings

        let outputPath = Disk.realPath(plan.output.path)
        plan.output = URL(fileURLWithPath: outputPath)
        let fix = outputSetting.file == nil ? "--output public" : "output: public"
        func refuse(_ reason: OutputRefusal.Reason) -> OutputRefusal {
            OutputRefusal(reason, shown: outputSetting.value, resolved: outputPath, file: outputSetting.location,
                          line: outputSetting.line, fix: fix)
        }
        if outputSetting.value.isEmpty { throw refuse(.empty) }
        var guarded: [OutputRefusal.Guarded] = [
            .init(Disk.realPath(FileManager.default.currentDirectoryPath), .workingFolder),
            .init(Disk.realPath(contentURL.path), .content, shown: label),
            .init(Disk.realPath(themeURL.path), .theme, shown: themeSetting.value.contains("/") ? themeSetting.value : themeURL.path),
        ]
        if site != nil { guarded.insert(.init(Disk.realPath(root.path), .project, shown: root.path), at: 1) }
        if let home = ProcessInfo.processInfo.environment["HOME"], home.hasPrefix("/") {
            guarded.append(.init(Disk.realPath(home), .home))
        }
        if let reason = OutputRefusal.check(outputPath, guarding: guarded) ?? OutputWriter.refusal(forFolderAt: outputPath) {
            throw refuse(reason)
        }
        return plan
    }

    /// A size as publishers write it: `20MB`, `20 MB`, `500KB`, `1.5GB`, `20971520` (bytes);
    /// 1 MB = 1,048,576 bytes. `nil` for anything else, or for zero.
    public static func byteCount(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("GB", 1_073_741_824), ("MB", 1_048_576), ("KB", 1024), ("G", 1_073_741_824),
                                         ("M", 1_048_576), ("K", 1024), ("B", 1)]
        let (number, scale) = units.first { t.hasSuffix($0.0) }.map { (String(t.dropLast($0.0.count)), $0.1) } ?? (t, 1)
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0,
              value * scale < Double(Int.max / 2) else { return nil }
        return Int(value * scale)
    }

    /// A value from a flag, from `site.yml`, or the default, and where to say it came from.
    struct Setting {
        var value: String
        var key: String
        var flag: String
        var file: String?
        var line: Int?
        var isDefault = false

        /// Where a problem with the value is reported: `site.yml` (with the line), the flag, or
        /// for a default the value itself.
        var location: String { file ?? (isDefault ? value : flag) }
        /// The value's origin, in words (`--content`, `site.yml 中的 content:`).
        var origin: String { file.map { "\($0) 中的 \(key):" } ?? flag }

        func error(code: Diagnostic.Code, _ message: String) -> FileDiagnostic {
            .error(location, line: line, code: code, message)
        }
    }
}
