import Foundation
import Mustache

/// A theme folder: its Mustache templates (`*.mustache`, registered by file name without the
/// extension, so they can include each other as partials) and its `assets/` folder, copied
/// as is to the output.
///
/// Read once at init; rendering is then pure and safe to run in parallel (`MustacheLibrary`
/// and `MustacheTemplate` are `Sendable` values).
struct Theme: Sendable {
    let directory: URL
    let library: MustacheLibrary
    /// Files under `assets/`, path relative to the theme folder (`assets/style.css`).
    let assets: [OutputFile]

    /// The templates every site needs.
    static let required = ["layout", "report", "source", "body", "year", "years", "counties", "county", "home", "search", "table",
                           "regions", "region", "redirect", "history", "crumbs"]

    init(directory: URL) throws {
        self.directory = directory
        let fm = FileManager.default
        var templates: [String: MustacheTemplate] = [:]
        let names = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(file)
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw SiteError.unreadableTemplate(path: url.path, reason: "\(error)")
            }
            do {
                templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw SiteError.template(path: url.path, line: error.context.lineNumber, column: error.context.columnNumber,
                                         reason: "\(error.error)", sourceLine: error.context.line)
            }
        }
        for name in Self.required where templates[name] == nil {
            throw SiteError.missingTemplate(path: directory.appendingPathComponent(name + ".mustache").path)
        }
        library = MustacheLibrary(templates: templates)

        var assets: [OutputFile] = []
        let assetsDir = directory.appendingPathComponent("assets")
        if let walker = fm.enumerator(atPath: assetsDir.path) {
            for case let relative as String in walker {
                let url = assetsDir.appendingPathComponent(relative)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                guard let data = fm.contents(atPath: url.path) else {
                    throw SiteError.unreadableTemplate(path: url.path, reason: "cannot read asset")
                }
                assets.append(OutputFile(path: "assets/" + relative, data: data))
            }
        }
        self.assets = assets.sorted { $0.path < $1.path }
    }

    /// Renders `object` with the template `name` (`report` → `report.mustache`).
    func render(_ name: String, _ object: Any) throws -> String {
        guard let text = library.render(object, withTemplate: name) else {
            throw SiteError.missingTemplate(path: directory.appendingPathComponent(name + ".mustache").path)
        }
        return text
    }
}

/// What can go wrong while rendering a site: only the theme (content problems are diagnostics).
/// Every case names the file, so the message can be followed to the template line.
public enum SiteError: Error, CustomStringConvertible, Equatable {
    case template(path: String, line: Int, column: Int, reason: String, sourceLine: String)
    case missingTemplate(path: String)
    case unreadableTemplate(path: String, reason: String)

    public var description: String {
        switch self {
        case let .template(path, line, column, reason, sourceLine):
            "\(path):\(line):\(column): error: template does not parse: \(reason)\n    \(sourceLine)"
        case let .missingTemplate(path):
            "\(path): error: template missing from the theme"
        case let .unreadableTemplate(path, reason):
            "\(path): error: cannot read: \(reason)"
        }
    }
}
