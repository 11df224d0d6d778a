import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the report files under a content folder, and says what it left out and why.
/// Reading the files is `ReportReader`'s job.
///
/// The walk is done with `lstat` on every entry, so nothing is followed by accident: a
/// publisher's folder is untrusted, and a link to `/etc` or a FIFO named `x.txt` must not
/// become a page or hang the build. What is left out gets one diagnostic naming it — an
/// `info` for what is left out on purpose (hidden files, a second path to a file already
/// read), a `warning` for what the publisher probably meant to publish:
///
/// | entry | what happens |
/// | --- | --- |
/// | hidden file or folder (`.git`, `.DS_Store`, `._报告.pdf`) | left out, `info` (a folder once, not its files) |
/// | editor or Office temporary file (`~$报告.docx`, `报告.txt~`, `#报告.md#`) | left out, `info` |
/// | name not in UTF-8 (a ZIP unpacked from Windows: GBK names) | left out, `warning` with the name as GBK reads it |
/// | path of `PATH_MAX` bytes or more | left out, `warning` (it cannot be opened by its path) |
/// | link to a file inside the folder | read under the link's name, `info`; left out if the file is read under its own name |
/// | link to a folder inside | left out, `info`: its files are read where they are (and a loop is impossible) |
/// | link pointing outside the folder, or to nothing | left out, `warning`; never followed |
/// | FIFO, socket, device | left out, `warning` (reading a FIFO would wait forever) |
/// | image, archive, spreadsheet, other office format | left out, `warning` with what to do |
/// | `NAME.pdf.yml` beside `NAME.pdf` (front matter of a PDF or Word file) | not a report, nothing said |
/// | any other file | left out, `info` |
public enum ContentFolder {
    /// One report file found: where it is, and its path relative to the content folder.
    public struct Entry: Sendable, Hashable {
        /// The file's whole path; its `url` is made when asked for, since a rebuild opens only
        /// the few files that changed (making 10,000 `URL`s was an eighth of the walk).
        public var path: String
        public var url: URL { URL(filePath: path, directoryHint: .notDirectory) }
        /// With `/` separators (`ningxia/000.txt`).
        public var relativePath: String
        /// What the walk's `lstat` saw of the file, so that the scan need not `stat` it again
        /// (10,000 calls at 10,000 reports); `nil` for a link, which is read through (the scan
        /// stamps what it points to).
        public var stamp: FileStamp?
        /// What the walk saw of the sidecar front matter file that may sit beside it (`NAME.pdf.yml`).
        public var sidecar: Sidecar = .unknown
    }

    /// The sidecar front matter file beside a report, as the walk saw it: for a kind that
    /// reads none, or a name with no such file beside it, `none`; a regular file, its stamp;
    /// anything else by that name (a link, a folder, a path too long) is `unknown`, and whoever
    /// needs its stamp takes it.
    public enum Sidecar: Sendable, Hashable {
        case none
        case file(FileStamp)
        case unknown
    }

    /// What the walk says about one path: left out and why, or (for a link) how it was read.
    public struct Note: Sendable, Hashable {
        /// Relative to the content folder, `/` separators; a name that is not UTF-8 is shown
        /// as GB18030 reads it (or with U+FFFD).
        public var relativePath: String
        public var diagnostic: Diagnostic
    }

    /// What a walk of the content folder found: report files, and what it left out.
    public struct Discovery: Sendable {
        /// Sorted by path, so the order (and every tie broken by it) never depends on the file system.
        public var entries: [Entry]
        /// Sorted by path.
        public var notes: [Note]
        /// The content folder's real path, and what the walk's `lstat` saw of each folder it
        /// listed (`""`: the content folder itself), taken before listing it: while every
        /// folder's stamp is the same, each holds the same names (`updated(at:in:trusts:)`).
        public var base = ""
        public var folders: [String: FileStamp] = [:]
        /// Symbolic links the walk met (read through, or left out with a note that depends on
        /// what they point to).
        public var links = 0
    }

    /// The longest path, in bytes, that can be opened by name (Linux `PATH_MAX` counts the NUL).
    public static let maxPathBytes = Int(PATH_MAX) - 1

    /// Every report file under `folder`, recursively, and what was left out.
    public static func discover(in folder: URL) throws -> Discovery {
        let base = realPath(folder.standardizedFileURL.path) ?? folder.standardizedFileURL.path
        var walk = Walk(base: base)
        var root = stat()
        if stat(base, &root) == 0 { walk.folders[""] = FileStamp(root) }
        try walk.folder("")
        walk.settleLinks()
        return Discovery(entries: walk.entries.sorted { $0.relativePath < $1.relativePath },
                         notes: walk.notes.sorted { $0.relativePath < $1.relativePath }, base: base, folders: walk.folders,
                         links: walk.linksMet)
    }

    /// The canonical path of `path` (links resolved), `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Files that are often dropped into a content folder by mistake, by extension: what they
    /// are, and what to do instead.
    static let notReports: [String: String] = {
        var table: [String: String] = [:]
        for ext in ["zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz"] {
            table[ext] = "是压缩包，未读取；请解压后把报告文件放进报告文件夹"
        }
        for ext in ["jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp"] {
            table[ext] = "是图片，未读取：nianbao 不识别图片中的文字；请放入报告的文字版、Word 或 PDF 文件"
        }
        for ext in ["xls", "xlsx", "et", "csv", "ods"] {
            table[ext] = "是电子表格，未读取；请放入报告全文（文字、网页、Word 或 PDF 文件）"
        }
        for ext in ["odt", "rtf", "wpt", "dot", "dotx", "pages", "ofd", "ceb", "caj"] {
            table[ext] = "的格式 nianbao 不能读取，未读取；请另存为 .docx 或 PDF"
        }
        return table
    }()

    /// The state of one walk.
    struct Walk {
        let base: String
        var entries: [Entry] = []
        var notes: [Note] = []
        /// Links to regular files inside the folder: (the link's relative path, the target's real path).
        var links: [(path: String, target: String)] = []
        /// Sidecars seen (`a/报告.pdf.yml`), checked against the entries at the end.
        var sidecars: [String] = []
        /// Stamps of the regular files named `*.yml` (sidecars, by the name the reader opens),
        /// and the paths of other entries so named.
        var ymls: [String: FileStamp] = [:]
        var otherYmls: Set<String> = []
        /// Each folder's stamp, taken before it is listed (`Discovery.folders`), and the links met.
        var folders: [String: FileStamp] = [:]
        var linksMet = 0

        init(base: String) { self.base = base }

        func full(_ relative: String) -> String { relative.isEmpty ? base : base + "/" + relative }

        mutating func note(_ path: String, _ diagnostic: Diagnostic) {
            notes.append(Note(relativePath: path, diagnostic: diagnostic))
        }

        /// Walks the folder at `relative` (`""` for the content folder itself).
        mutating func folder(_ relative: String) throws {
            guard let dir = opendir(full(relative)) else {
                let why = String(cString: strerror(errno))
                if relative.isEmpty {
                    throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: base])
                }
                note(relative, .warning("file.unreadable", "文件夹无法打开（\(why)），其中的文件未读取；请检查文件夹权限", line: nil))
                return
            }
            var names: [[UInt8]] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
            }
            // Open while its entries are looked at: each `lstat` by name in it, not by a whole path.
            defer { closedir(dir) }
            let fd = dirfd(dir)
            names.sort(by: { $0.lexicographicallyPrecedes($1) })
            let looks = ContentFolder.looks(at: names, in: fd)
            for (name, look) in zip(names, looks) {
                try item(name, in: relative, look: look)
            }
        }

        /// One directory entry, by its raw name, and what its `lstat` in its folder said.
        mutating func item(_ raw: [UInt8], in parent: String, look: Look) throws {
            let prefix = parent.isEmpty ? "" : parent + "/"
            guard let name = String(validating: raw, as: UTF8.self) else {
                let (shown, gbk) = Self.readable(raw)
                if raw.first == UInt8(ascii: ".") {
                    note(prefix + shown, .info("file.hidden", "隐藏文件，未读取（名称以 . 开头）", line: nil))
                    return
                }
                let how = gbk ? "按 GBK 读作「\(shown)」" : "无法识别"
                note(prefix + shown, .warning("file.nameEncoding",
                    "名称不是 UTF-8 编码（\(how)），未读取；请重命名，例如 convmv -f gbk -t utf-8 -r --notest 报告文件夹", line: nil))
                return
            }
            let relative = prefix + name
            let path = full(relative)
            if name.hasPrefix(".") {
                let folder = look.error == 0 && look.info.st_mode & S_IFMT == S_IFDIR
                note(relative, .info("file.hidden", "\(folder ? "隐藏文件夹，其中的文件都未读取" : "隐藏文件，未读取")（名称以 . 开头）", line: nil))
                return
            }
            if Self.isTemporary(name) {
                note(relative, .info("file.temporary", "编辑器或 Office 的临时文件，未读取（编辑器关闭后会自动删除）", line: nil))
                return
            }
            guard path.utf8.count <= maxPathBytes else {
                if name.hasSuffix(".yml") { otherYmls.insert(relative) }
                note(relative, .warning("file.pathTooLong",
                    "路径有 \(path.utf8.count) 字节，超过系统上限 \(maxPathBytes) 字节，未读取；请缩短文件夹或文件名", line: nil))
                return
            }
            let info = look.info
            guard look.error == 0 else {
                note(relative, .warning("file.unreadable", "无法读取文件信息（\(String(cString: strerror(look.error)))），未读取", line: nil))
                return
            }
            if name.hasSuffix(".yml") {
                if info.st_mode & S_IFMT == S_IFREG { ymls[relative] = FileStamp(info) } else { otherYmls.insert(relative) }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                folders[relative] = FileStamp(info)
                try folder(relative)
            case S_IFREG:
                file(relative, stamp: FileStamp(info))
            case S_IFLNK:
                link(relative)
            default:
                note(relative, .warning("file.special", "不是普通文件（管道、套接字或设备），未读取", line: nil))
            }
        }

        /// A file an editor or Office keeps while a document is open: `~$报告.docx` (Word's
        /// lock file, which has the report's extension but is no report), `报告.txt~`, `#报告.md#`.
        static func isTemporary(_ name: String) -> Bool {
            name.hasPrefix("~$") || name.hasSuffix("~") || (name.count > 2 && name.hasPrefix("#") && name.hasSuffix("#"))
        }

        /// A regular file: a report, a sidecar, or something to mention.
        mutating func file(_ relative: String, stamp: FileStamp?) {
            let ext = ReportReader.fileExtension(relative).lowercased()
            if let kind = SourceKind.extensions[ext] {
                var entry = Entry(path: full(relative), relativePath: relative, stamp: stamp)
                // The reader opens `NAME.pdf.yml` beside a kind that uses one (`ReportReader.sidecar`):
                // seen after `NAME.pdf` (names are walked sorted), so looked up in `settleLinks`.
                if stamp != nil, !kind.usesSidecar { entry.sidecar = .none }
                entries.append(entry)
            } else if ext == "yml" || ext == "yaml", let kind = ReportReader.kind(of: String(relative.dropLast(ext.count + 1))),
                      kind.usesSidecar {
                sidecars.append(relative)
            } else if let why = notReports[ext] {
                note(relative, .warning("file.notReport", "文件\(why)", line: nil))
            } else {
                let what = ext.isEmpty ? "没有扩展名" : "扩展名 .\(ext) 不是报告文件的类型"
                note(relative, .info("file.notReport", "\(what)，未读取（读取 .txt .md .html .pdf .docx）", line: nil))
            }
        }

        /// A symbolic link: followed only to a file inside the content folder.
        mutating func link(_ relative: String) {
            linksMet += 1
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: full(relative))) ?? "?"
            guard let real = ContentFolder.realPath(full(relative)) else {
                note(relative, .warning("file.link", "符号链接指向的文件不存在（→ \(target)），未读取", line: nil))
                return
            }
            guard real.hasPrefix(base + "/") else {
                note(relative, .warning("file.link",
                    "符号链接指向报告文件夹之外（→ \(target)），未读取；请把报告文件本身放进报告文件夹", line: nil))
                return
            }
            let inside = String(real.dropFirst(base.count + 1))
            var info = stat()
            guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                note(relative, .info("file.link", "符号链接指向报告文件夹内的文件夹 \(inside)，不重复读取（其中的文件按原路径读取）", line: nil))
                return
            }
            guard SourceKind.extensions[ReportReader.fileExtension(relative).lowercased()] != nil else {
                file(relative, stamp: nil)  // not a report by its name: said as for any file
                return
            }
            links.append((relative, real))
        }

        /// Once every file is known: a link to a file read under its own name is left out (the
        /// report would be published twice); any other link inside is read under its name.
        mutating func settleLinks() {
            for i in entries.indices where entries[i].stamp != nil && entries[i].sidecar == .unknown {
                let yml = entries[i].relativePath + ".yml"
                entries[i].sidecar = ymls[yml].map { .file($0) } ?? (otherYmls.contains(yml) ? .unknown : .none)
            }
            // Each file's real path (a `readlink` per component) only when there are links to compare.
            var read = links.isEmpty ? [] : Set(entries.map { ContentFolder.realPath($0.path) ?? $0.path })
            for (relative, real) in links.sorted(by: { $0.path < $1.path }) {
                let inside = String(real.dropFirst(base.count + 1))
                if read.contains(real) {
                    note(relative, .info("file.link", "符号链接指向 \(inside)，该文件已按原路径读取，不重复读取", line: nil))
                } else {
                    read.insert(real)
                    entries.append(Entry(path: full(relative), relativePath: relative))
                    note(relative, .info("file.link", "符号链接，指向报告文件夹内的 \(inside)，已读取", line: nil))
                }
            }
            let reports = Set(entries.map(\.relativePath))
            for sidecar in sidecars {
                let report = String(sidecar[..<sidecar.lastIndex(of: ".")!])
                if !reports.contains(report) {
                    let name = report.split(separator: "/").last.map(String.init) ?? report
                    note(sidecar, .warning("frontMatter.orphan", "这是 \(name) 的 front matter 文件，但旁边没有 \(name)，未使用；请检查文件名", line: nil))
                }
            }
        }

        /// A name that is not UTF-8, as GB18030 reads it (names from Chinese Windows, often
        /// kept by a ZIP) and whether it did; otherwise with U+FFFD for each bad byte.
        static func readable(_ raw: [UInt8]) -> (String, gbk: Bool) {
            let decoded = TextDecoder.decode(raw)
            return (decoded.text, decoded.encoding == "GB18030" && !decoded.diagnostics.contains { $0.code == "text.undecodable" })
        }
    }
}
