import Foundation
import ReportKit
import Testing
@testable import InputKit

/// Issue 12, part B: a file over the size limit is not read; a file broken in one way many
/// times over is listed a bounded number of times.
@Suite struct InputLimitsTests {
    @Test func aFileOverTheLimitIsOneErrorAndIsNotRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.txt")
        try Data(repeating: 0x41, count: 3 * 1024).write(to: url)
        let outcome = ReportReader().limited(toFileSize: 2 * 1024).read(fileAt: url, path: "big.txt", source: "content/big.txt")
        #expect(outcome.report == nil)
        #expect(outcome.problems == [.error("file.tooLarge", "文件有 3 KB，超过 2 KB 的上限，未读取；报告全文通常不到 1 MB，"
            + "请检查是否放错了文件；确需读取，请用 --max-file-size 或 site.yml 的 maxFileSize: 调高上限", line: nil)])
        #expect(outcome.document.bytes.isEmpty)
        // At the limit exactly, the file is read.
        let atLimit = ReportReader().limited(toFileSize: 3 * 1024).read(fileAt: url, path: "big.txt", source: "content/big.txt")
        #expect(!atLimit.problems.map(\.code).contains("file.tooLarge"))
        #expect(atLimit.document.bytes.count == 3 * 1024)
    }

    @Test func sizesArePrintedAsAFileManagerShowsThem() {
        #expect(ReportReader.megabytes(900) == "900 字节")
        #expect(ReportReader.megabytes(1024) == "1 KB")
        #expect(ReportReader.megabytes(1536) == "1.5 KB")
        #expect(ReportReader.megabytes(20 * 1024 * 1024) == "20 MB")
        #expect(ReportReader.megabytes(52 * 1024 * 1024 + 400 * 1024) == "52.4 MB")
    }

    @Test func atMostFiftyOfOneCodeAreKeptAndTheRestCounted() {
        let many = (1...60).map { (i: Int) in Diagnostic.warning("cell.empty", "空格 \(i)", line: i) }
        let other = [Diagnostic.error("table.sum", "和不对", line: 7), .info("text.encoding", "GB18030", line: nil)]
        let kept = ReportReader.capped(other + many, perCode: 50)
        #expect(kept.count == 2 + 50 + 1)
        #expect(Array(kept.prefix(52)) == other + many.prefix(50))
        #expect(kept.last == .warning("report.repeated", "另有 10 条 [cell.empty] 未逐条列出（同一种问题每个文件最多列出 50 条）", line: 51))
        // The summary is as severe as the worst left out, so an exit status does not change.
        let errors = (1...3).map { (i: Int) in Diagnostic.warning("x.y", "\(i)", line: i) } + [.error("x.y", "4", line: 4)]
        #expect(ReportReader.capped(errors, perCode: 2).last?.severity == .error)
        #expect(ReportReader.capped(other, perCode: 50) == other)
    }
}

/// Issue 12, part B: a ZIP whose directory points past its end (found by `scripts/fuzz`)
/// trapped inside ZIPFoundation and took the build down; it is one error now.
@Suite struct ZIPBoundsTests {
    @Test func aWordFileWhoseDirectoryPointsPastItsEndIsOneError() throws {
        let good = [UInt8](try WordFile.docx(body: WordFile.p("正文")))
        #expect(ZIPBounds.isSound(good))
        let end = try #require((0...(good.count - 22)).reversed().first { good[$0..<($0 + 4)] == [0x50, 0x4B, 0x05, 0x06] })
        for field in [12, 16] {  // the directory's size, then its offset
            var bad = good
            bad[end + field + 2] = 0x7F
            #expect(!ZIPBounds.isSound(bad))
            let outcome = ReportReader().read(Data(bad), path: "a.docx", source: "content/a.docx")
            #expect(outcome.report == nil)
            #expect(outcome.problems.count == 1)
            #expect(outcome.problems.first?.severity == .error)
        }
        #expect(!ZIPBounds.isSound(Array(good.prefix(good.count / 2))))
    }

    /// An end record whose comment runs past the end of the file made ZIPFoundation throw
    /// after opening the bytes, leaking them (`scripts/fuzz`, LeakSanitizer); it is refused first.
    @Test func aWordFileWhoseEndRecordRunsPastItsEndIsOneError() throws {
        let good = [UInt8](try WordFile.docx(body: WordFile.p("正文")))
        let end = try #require((0...(good.count - 22)).reversed().first { good[$0..<($0 + 4)] == [0x50, 0x4B, 0x05, 0x06] })
        var bad = good
        bad[end + 20] = 0x01   // a comment of 1 byte, and none there
        #expect(!ZIPBounds.isSound(bad))
        let outcome = ReportReader().read(Data(bad), path: "a.docx", source: "content/a.docx")
        #expect(outcome.report == nil)
        #expect(outcome.problems.map(\.code.rawValue) == ["file.damaged"])
    }
}
