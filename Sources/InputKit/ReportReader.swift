import Foundation
import Dispatch

/// The one reading path: a file's bytes in, a `Report` (or a clear reason why not) out.
///
/// 1. the kind, from the extension and the bytes (`SourceKind`);
/// 2. its `FormatReader` decodes the bytes into text (or refuses: not text, scanned PDF …);
/// 3. front matter is split off (its lines blanked, so line numbers still match the file);
/// 4. a file with nothing left is an error, not an empty page (`file.empty`);
/// 5. the reader lays the text out as lines, and `ReportParser` parses them with the
///    front matter's overrides applied inside the parse.
///
/// `build`, `check`, `extract`, the benchmark and the golden tests all read through here.
public struct ReportReader: Sendable {
    public var parser: ReportParser
    /// Turns a front matter `region:` value (a code or a slash path) into a region.
    public var regionLookup: @Sendable (String) -> Region?

    /// The largest file read, in bytes: a larger one is one error (`file.tooLarge`) and is not
    /// read at all. A report's full text is well under 1 MB and a 300-page PDF a few MB, so
    /// a file over the limit is a file put there by mistake (a video, a disk image, a log);
    /// reading it would take the build's memory and time for a garbage page. Set by
    /// `--max-file-size` and `maxFileSize:` in `site.yml`.
    public var maxFileSize: Int = ReportReader.defaultMaxFileSize
    public static let defaultMaxFileSize = 20 * 1024 * 1024
    /// At most this many diagnostics of one code are kept per file; the rest are counted in
    /// one `report.repeated` diagnostic. A page with 500,000 notes helps no one, nor do 379 MB
    /// of printed warnings: past a few dozen, the file is broken in one way and the remedy is one.
    public static let diagnosticsPerCode = 50

    public init(parser: ReportParser = ReportParser(), regionLookup: @escaping @Sendable (String) -> Region? = { _ in nil }) {
        self.parser = parser
        self.regionLookup = regionLookup
    }

    /// The reader the tools use: the parser with the division gazetteer, and front matter
    /// `region:` resolved through it.
    public static var standard: ReportReader {
        var reader = ReportReader(parser: ReportParser(resolver: LazyGazetteerResolver()),
                                  regionLookup: { Gazetteer.shared.region(fromOverride: $0) })
        reader.reading = { LazyGazetteerResolver.startLoading }
        return reader
    }

    /// Called as each file's bytes are read, before they are decoded (`standard`: starts the
    /// gazetteer's load, once, beside the first file's decoding and parse).
    var reading: (@Sendable () -> Void)?

    /// What reading one file gave: the document (always, for its raw bytes and text), and
    /// either a report or the problems that kept it from being one.
    public struct Outcome: Sendable {
        public var document: SourceDocument
        /// `nil` when the file could not be read as a report (`problems` says why).
        public var report: Report?
        /// Errors that stopped the file from becoming a report; empty when `report` is set
        /// (its own diagnostics are in `report.diagnostics`).
        public var problems: [Diagnostic]

        /// The report with its document, when there is one.
        public var parsed: ParsedDocument? { report.map { ParsedDocument(document: document, report: $0) } }
        /// Every diagnostic about the file.
        public var diagnostics: [Diagnostic] { report?.diagnostics ?? problems }
    }

    /// The steps before parsing, for tools that show what the parser will read
    /// (`extract --dump-lines`): the document, and the parse input or the problems.
    public struct Prepared: Sendable {
        public var document: SourceDocument
        public var input: ParseInput?
        /// Diagnostics of decoding and front matter (kept on the report), or the errors that
        /// stop the file (when `input` is `nil`).
        public var diagnostics: [Diagnostic]
    }

    /// Reads the file at `url`. `path` is relative to the content folder (`ningxia/000.txt`);
    /// `source` is how the report names itself (`content/ningxia/000.txt`).
    public func read(fileAt url: URL, path: String, source: String) -> Outcome {
        func fail(_ d: Diagnostic) -> Outcome {
            let document = SourceDocument(path: path, kind: Self.kind(of: path) ?? .text, bytes: Data(), text: "", encoding: "")
            return Outcome(document: document, report: nil, problems: [d])
        }
        do {
            // A file over the limit is not read at all; one that grows while it is read costs at
            // most one byte more than the limit.
            if let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size > maxFileSize {
                return fail(tooLarge(size))
            }
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
            if data.count > maxFileSize { return fail(tooLarge(data.count)) }
            return read(data, path: path, source: source, sidecar: Self.sidecar(of: url))
        } catch {
            let why = FileManager.default.fileExists(atPath: url.path) ? "无法读取文件（\(Self.reason(error))），请检查文件权限" : "文件不存在"
            return fail(.error("file.unreadable", why, line: nil))
        }
    }

    /// The front matter file beside a PDF or Word file (`报告.pdf.yml` beside `报告.pdf`): its
    /// text, or `nil` when there is none (or it cannot be read). Read up to one byte past the
    /// front matter limit, which `YAMLGuard` then reports.
    public static func sidecar(of url: URL) -> String? {
        let yml = URL(fileURLWithPath: url.path + ".yml")
        guard let kind = kind(of: url.path), kind.usesSidecar, let handle = try? FileHandle(forReadingFrom: yml) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: YAMLGuard.maxBytes + 1) else { return nil }
        return TextDecoder.decode([UInt8](data)).text
    }

    /// Reads a file's bytes. `sidecar` is the text of the front matter file beside a PDF or
    /// Word file (`NAME.pdf.yml`), which cannot hold front matter itself.
    public func read(_ data: Data, path: String, source: String, sidecar: String? = nil) -> Outcome {
        reading?()
        let prepared = prepare(data, path: path, source: source, sidecar: sidecar)
        guard let input = prepared.input else {
            return Outcome(document: prepared.document, report: nil, problems: prepared.diagnostics)
        }
        var report = parser.parse(input)
        report.diagnostics = Self.capped(prepared.diagnostics + report.diagnostics, perCode: Self.diagnosticsPerCode)
        return Outcome(document: prepared.document, report: report, problems: [])
    }

    /// Steps 1–4 and the lines of step 5.
    public func prepare(_ data: Data, path: String, source: String, sidecar: String? = nil) -> Prepared {
        guard data.count <= maxFileSize else {
            let document = SourceDocument(path: path, kind: Self.kind(of: path) ?? .text, bytes: Data(), text: "", encoding: "")
            return Prepared(document: document, input: nil, diagnostics: [tooLarge(data.count)])
        }
        let bytes = [UInt8](data)
        let kind = SourceKind.of(fileExtension: Self.fileExtension(path), bytes: bytes) ?? .text
        let reader = kind.reader
        func stop(_ d: Diagnostic, text: String = "", encoding: String = "") -> Prepared {
            Prepared(document: SourceDocument(path: path, kind: kind, bytes: data, text: text, encoding: encoding), input: nil, diagnostics: [d])
        }
        let decoded: DecodedText
        switch reader.decode(bytes) {
        case .failure(let f): return stop(f.diagnostic)
        case .success(let d): decoded = d
        }
        let front = kind.usesSidecar ? Self.sidecarFrontMatter(sidecar, of: path, text: decoded.text) : FrontMatter.split(decoded.text)
        if front.remainingText.allSatisfy(\.isWhitespace) {
            let what = front.fields.isEmpty && front.diagnostics.isEmpty ? "文件是空的" : "文件除 front matter 外没有正文"
            return stop(.error("file.empty", "\(what)，未生成页面；请放入报告全文", line: nil), text: decoded.text, encoding: decoded.encoding)
        }
        var (overrides, problems) = front.overrides(resolveRegion: regionLookup)
        if kind.usesSidecar { problems = problems.map { Self.aboutSidecar($0, of: path, line: nil) } }
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let input = ParseInput(lines: reader.lines(of: front.remainingText), source: source,
                               folder: Self.folderClue(source: source, path: path, folder: folder),
                               grid: reader.grid, overrides: overrides)
        return Prepared(document: SourceDocument(path: path, kind: kind, bytes: data, text: decoded.text, encoding: decoded.encoding),
                        input: input, diagnostics: decoded.diagnostics + front.diagnostics + problems)
    }

    /// Front matter from the sidecar of a PDF or Word file, with the file's own text as the
    /// remaining text. Problems name the sidecar and its line (the report's line numbers are
    /// those of the rendition).
    static func sidecarFrontMatter(_ sidecar: String?, of path: String, text: String) -> FrontMatter {
        guard let sidecar else { return FrontMatter(fields: [:], remainingText: text, diagnostics: []) }
        let block = FrontMatter.split("---\n" + sidecar + (sidecar.hasSuffix("\n") ? "" : "\n") + "---\n")
        let diagnostics = block.diagnostics.map { aboutSidecar($0, of: path, line: $0.line.map { $0 - 1 }) }
        return FrontMatter(fields: block.fields, remainingText: text, diagnostics: diagnostics)
    }

    /// A front matter problem moved to the sidecar: named in the message, with its line there.
    static func aboutSidecar(_ d: Diagnostic, of path: String, line: Int?) -> Diagnostic {
        var d = d
        let name = (path.split(separator: "/").last.map(String.init) ?? path) + ".yml"
        d.message = name + (line.map { " 第 \($0) 行" } ?? "") + "：" + d.message
        d.line = nil
        return d
    }

    /// The folder clue for the region resolver: the folders of the shown path (they include the
    /// content folder's own name, which publishers use too: `ningxia/content/…`).
    static func folderClue(source: String, path: String, folder: String) -> String {
        let shown = source.split(separator: "/").dropLast().joined(separator: "/")
        return shown.isEmpty ? folder : shown
    }

    static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].utf8.contains(UInt8(ascii: "/")) else { return "" }
        return String(path[path.index(after: dot)...])
    }

    static func kind(of path: String) -> SourceKind? { SourceKind.extensions[fileExtension(path).lowercased()] }

    /// A Foundation error in a few words, not its dump.
    static func reason(_ error: Error) -> String {
        let e = error as NSError
        if let posix = e.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(posix.code)).map({ String(cString: $0) }) {
            return message
        }
        return e.localizedDescription
    }
}

/// The gazetteer's resolver, the gazetteer loaded when the first report is parsed rather than
/// when the reader is made: a rebuild that parses nothing (every report from the cache) does
/// not pay for loading it.
struct LazyGazetteerResolver: RegionResolving {
    /// The load begun on another thread, the first time it is asked for: the ~30 ms it takes
    /// then run beside the first report's decoding and its parse up to the region, which
    /// waits for it (`static let`: once). A build that reads no file never asks.
    static let startLoading: Void = DispatchQueue.global(qos: .userInitiated).async { _ = Gazetteer.shared }

    func resolve(_ clues: RegionClues) -> (Region, [Diagnostic]) { RegionResolver(gazetteer: .shared).resolve(clues) }
}
