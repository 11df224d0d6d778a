import Foundation
import ReportKit
import Testing
@testable import InputKit

/// Issue 12, part B: what the walk of the content folder leaves out, it names, once, and a
/// link never takes it outside the folder.
@Suite struct ContentFolderTests {
    /// A content folder inside a scratch folder (with a file beside it, outside), removed after.
    final class Scratch {
        let root: URL
        let content: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-walk-\(UUID().uuidString)")
            content = root.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String = "正文\n", outside: Bool = false) throws {
            let url = (outside ? root : content).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func link(_ path: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent(path).path, withDestinationPath: target)
        }
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    @Test func whatIsLeftOutIsNamedOnce() throws {
        let s = try Scratch()
        try s.write("a.txt")
        try s.write("sub/b.md")
        try s.write(".DS_Store")
        try s.write(".git/config")
        try s.write("a.txt~")
        try s.write("~$报告.docx", "owner")
        try s.write("#b.md#")
        try s.write("照片.jpg")
        try s.write("说明")
        try s.write("报告.pdf.yml", "year: 2020\n")
        try s.write("secret.txt", outside: true)
        try s.link("outside.txt", to: "../secret.txt")
        try s.link("etc.txt", to: "/etc/passwd")
        try s.link("gone.txt", to: "nothere.txt")
        try s.link("again.txt", to: "a.txt")
        try s.link("subdir", to: "sub")
        #expect(mkfifo(s.content.appendingPathComponent("pipe.txt").path, 0o600) == 0)

        let found = try ContentFolder.discover(in: s.content)
        #expect(found.entries.map(\.relativePath) == ["a.txt", "sub/b.md"])
        let notes = found.notes.map { "\($0.relativePath) \($0.diagnostic.severity.rawValue) \($0.diagnostic.code)" }
        #expect(notes == [
            "#b.md# info file.temporary",
            ".DS_Store info file.hidden",
            ".git info file.hidden",
            "a.txt~ info file.temporary",
            "again.txt info file.link",
            "etc.txt warning file.link",
            "gone.txt warning file.link",
            "outside.txt warning file.link",
            "pipe.txt warning file.special",
            "subdir info file.link",
            "~$报告.docx info file.temporary",
            "报告.pdf.yml warning frontMatter.orphan",
            "照片.jpg warning file.notReport",
            "说明 info file.notReport",
        ])
        let message = { (path: String) in found.notes.first { $0.relativePath == path }?.diagnostic.message }
        #expect(message("etc.txt") == "符号链接指向报告文件夹之外（→ /etc/passwd），未读取；请把报告文件本身放进报告文件夹")
        #expect(message("outside.txt") == "符号链接指向报告文件夹之外（→ ../secret.txt），未读取；请把报告文件本身放进报告文件夹")
        #expect(message("gone.txt") == "符号链接指向的文件不存在（→ nothere.txt），未读取")
        #expect(message("again.txt") == "符号链接指向 a.txt，该文件已按原路径读取，不重复读取")
        #expect(message(".git") == "隐藏文件夹，其中的文件都未读取（名称以 . 开头）")
        #expect(message("照片.jpg") == "文件是图片，未读取：nianbao 不识别图片中的文字；请放入报告的文字版、Word 或 PDF 文件")
    }

    @Test func aLinkToAFileInsideIsReadUnderItsName() throws {
        let s = try Scratch()
        try s.write("archive/2020.notes", "正文\n")
        try s.link("2020.txt", to: "archive/2020.notes")
        let found = try ContentFolder.discover(in: s.content)
        #expect(found.entries.map(\.relativePath) == ["2020.txt"])
        #expect(found.notes.map(\.diagnostic) == [
            .info("file.link", "符号链接，指向报告文件夹内的 archive/2020.notes，已读取", line: nil),
            .info("file.notReport", "扩展名 .notes 不是报告文件的类型，未读取（读取 .txt .md .html .pdf .docx）", line: nil),
        ])
    }

    @Test func aNameThatIsNotUTF8IsNamedAsGBKReadsIt() throws {
        let s = try Scratch()
        // 报告.txt in GBK, as a ZIP made on Chinese Windows unpacks it.
        let name: [UInt8] = [0xB1, 0xA8, 0xB8, 0xE6] + Array(".txt".utf8)
        let path = Array(s.content.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o600) }
        }
        #expect(fd >= 0)
        close(fd)
        let found = try ContentFolder.discover(in: s.content)
        #expect(found.entries.isEmpty)
        #expect(found.notes.map(\.relativePath) == ["报告.txt"])
        #expect(found.notes.first?.diagnostic == .warning("file.nameEncoding",
            "名称不是 UTF-8 编码（按 GBK 读作「报告.txt」），未读取；请重命名，例如 convmv -f gbk -t utf-8 -r --notest 报告文件夹", line: nil))
    }
}
