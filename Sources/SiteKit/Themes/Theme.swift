import Foundation
import Mustache

/// A theme folder: its Mustache templates (`*.mustache`, registered by file name without the
/// extension, so they can include each other as partials) and its `assets/` folder, copied
/// as is to the output.
///
/// Read and checked once at init, so a broken theme stops the build before any report is
/// read, with the template and line: a template that does not parse, a section left open
/// (reported where it opens), a partial that does not exist, partials that include each
/// other in a cycle (which would recurse without end while rendering) or sections nested
/// deeper than `maxDepth`. Rendering is then pure, bounded, and safe to run in parallel
/// (`MustacheLibrary` and `MustacheTemplate` are `Sendable` values).
///
/// A symbolic link in the theme is followed only to a file inside the theme: one pointing
/// elsewhere (`assets/x -> /etc/passwd`) is not published, and `warnings` names it.
struct Theme: Sendable {
    let directory: URL
    let library: MustacheLibrary
    /// The same templates taken over for rendering without swift-mustache's reflection
    /// (`TemplateProgram`); `nil` when a template uses a tag it does not take over.
    var program: TemplateProgram?
    /// Files under `assets/`, path relative to the theme folder (`assets/style.css`).
    let assets: [OutputFile]
    /// What was left out, and a missing `assets/` folder.
    let warnings: [FileDiagnostic]

    /// The templates every site needs.
    static let required = ["layout", "report", "source", "body", "year", "years", "counties", "county", "home", "search", "table",
                           "regions", "region", "redirect", "history", "crumbs"]
    /// How deeply sections may nest in one template.
    static let maxDepth = 32

    init(directory: URL) throws {
        self.directory = directory
        let root = Disk.realPath(directory.path)
        var warnings: [FileDiagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var partials: [String: [TemplateTags.Partial]] = [:]
        let names: [String]
        do { names = try Disk.entries(directory.path) } catch let failure as IOFailure {
            throw SiteError.unreadableTemplate(path: directory.path, reason: failure.diagnostic.diagnostic.message)
        }
        for file in names where file.hasSuffix(".mustache") {
            let path = directory.appendingPathComponent(file).path
            guard let data = try Self.read(path, inside: root, warnings: &warnings) else { continue }
            let name = String(file.dropLast(".mustache".count))
            let text = String(decoding: data, as: UTF8.self)
            do {
                partials[name] = try TemplateTags.scan(text, maxDepth: Self.maxDepth).partials
            } catch {
                throw SiteError.invalid(path: path, line: error.line, code: error.code, message: error.message)
            }
            do {
                templates[name] = try TemplateEscaping.template(text)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits in front of line 1: take it out of the column and the line shown.
                let onFirst = error.context.lineNumber == 1
                let shift = onFirst ? TemplateEscaping.pragma.count : 0
                let line = onFirst && error.context.line.hasPrefix(TemplateEscaping.pragma)
                    ? String(error.context.line.dropFirst(shift)) : error.context.line
                throw SiteError.template(path: path, line: error.context.lineNumber, column: max(1, error.context.columnNumber - shift),
                                         reason: "\(error.error)", sourceLine: line)
            }
        }
        for name in Self.required where templates[name] == nil {
            throw SiteError.missingTemplate(path: directory.appendingPathComponent(name + ".mustache").path)
        }
        try Self.checkPartials(partials, in: directory)
        library = MustacheLibrary(templates: templates)
        program = TemplateProgram.compile(templates)

        let assetsDir = directory.appendingPathComponent("assets").path
        var assets: [OutputFile] = []
        if Disk.kind(Disk.realPath(assetsDir)) == .directory {
            try Self.collect(assetsDir, as: "assets", inside: root, into: &assets, warnings: &warnings)
        } else {
            warnings.append(.warning(assetsDir, code: "theme.noAssets", "主题没有 assets/ 文件夹，页面引用的样式表和脚本将不存在；请从 themes/default 复制 assets/"))
        }
        self.assets = assets.sorted { $0.path < $1.path }
        self.warnings = warnings
    }

    /// Renders `object` with the template `name` (`report` → `report.mustache`).
    func render(_ name: String, _ object: Any) throws -> String {
        guard let text = program?.render(object, withTemplate: name) ?? library.render(object, withTemplate: name) else {
            throw SiteError.missingTemplate(path: directory.appendingPathComponent(name + ".mustache").path)
        }
        return text
    }

    /// Every partial exists, and no chain of partials leads back to where it started: with
    /// no cycle, rendering goes at most as deep as there are templates.
    static func checkPartials(_ partials: [String: [TemplateTags.Partial]], in directory: URL) throws {
        func path(_ name: String) -> String { directory.appendingPathComponent(name + ".mustache").path }
        for name in partials.keys.sorted() {
            for p in partials[name]! where partials[p.name] == nil {
                throw SiteError.invalid(path: path(name), line: p.line, code: "theme.missingPartial",
                                        message: "引用的模板 \(p.name) 不存在（主题里没有 \(p.name).mustache）；请补上该文件，或改正模板名")
            }
        }
        var done: Set<String> = []
        /// Depth-first from `name`; `chain` is the path taken to get here.
        func visit(_ name: String, _ chain: [String]) throws {
            guard !done.contains(name) else { return }
            for p in partials[name] ?? [] {
                if let start = chain.firstIndex(of: p.name) ?? (p.name == name ? chain.count : nil) {
                    let cycle = (chain[start...] + [name, p.name]).joined(separator: " → ")
                    throw SiteError.invalid(path: path(name), line: p.line, code: "theme.partialCycle",
                                            message: "模板互相引用成环（\(cycle)），渲染时会无限展开；请去掉其中一处 {{> \(p.name)}}")
                }
                try visit(p.name, chain + [name])
            }
            done.insert(name)
        }
        for name in partials.keys.sorted() { try visit(name, []) }
    }

    /// The bytes of the file at `path`, following a symbolic link only to a file inside the
    /// theme (`root`, a real path); `nil`, with a warning, for anything else.
    static func read(_ path: String, inside root: String, warnings: inout [FileDiagnostic]) throws -> Data? {
        var real = path
        switch Disk.kind(path) {
        case .file: break
        case .directory: return nil
        case .symlink:
            real = Disk.realPath(path)
            guard OutputRefusal.isAncestor(root, of: real) else {
                warnings.append(.warning(path, code: "theme.linkOutside", "是指向主题之外（\(real)）的符号链接，未发布；请把文件本身放进主题"))
                return nil
            }
            guard case .file = Disk.kind(real) else {
                warnings.append(.warning(path, code: "theme.linkOutside", "是指向文件夹或不存在的文件的符号链接，未发布；请把文件本身放进主题"))
                return nil
            }
        case .other, nil:
            return nil
        }
        guard let data = FileManager.default.contents(atPath: real) else {
            let failure = IOFailure(path: path, action: .read, number: errno)
            throw SiteError.unreadableTemplate(path: path, reason: failure.diagnostic.diagnostic.message)
        }
        return data
    }

    /// Adds the files under `folder` (named `prefix/…` in the site), not entering linked folders.
    static func collect(_ folder: String, as prefix: String, inside root: String,
                        into assets: inout [OutputFile], warnings: inout [FileDiagnostic]) throws {
        let names: [String]
        do { names = try Disk.entries(folder) } catch let failure as IOFailure {
            throw SiteError.unreadableTemplate(path: folder, reason: failure.diagnostic.diagnostic.message)
        }
        for name in names {
            let path = folder + "/" + name
            if Disk.kind(path) == .directory {
                try collect(path, as: prefix + "/" + name, inside: root, into: &assets, warnings: &warnings)
            } else if let data = try read(path, inside: root, warnings: &warnings) {
                assets.append(OutputFile(path: prefix + "/" + name, data: data))
            }
        }
    }
}

/// What can go wrong while loading a theme (content problems are diagnostics). Every case
/// names the file, and the line where there is one.
public enum SiteError: DiagnosedError, Equatable {
    case template(path: String, line: Int, column: Int, reason: String, sourceLine: String)
    case missingTemplate(path: String)
    case unreadableTemplate(path: String, reason: String)
    /// A problem nianbao's own check found (a missing partial, a cycle, an unclosed section …).
    case invalid(path: String, line: Int, code: Diagnostic.Code, message: String)

    public var diagnostic: FileDiagnostic {
        switch self {
        case let .template(path, line, column, reason, sourceLine):
            let shown = sourceLine.trimmingCharacters(in: .whitespaces)
            return .error(path, line: line, code: "theme.template", "模板无法解析（\(reason)，第 \(column) 列：\(shown)）；请对照 themes/default 修改")
        case let .missingTemplate(path):
            return .error(path, code: "theme.missingTemplate", "主题缺少这个模板；请从 themes/default 复制一份再修改")
        case let .unreadableTemplate(path, reason):
            return .error(path, code: "theme.io", reason)
        case let .invalid(path, line, code, message):
            return .error(path, line: line, code: code, message)
        }
    }
}
