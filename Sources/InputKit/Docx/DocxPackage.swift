import Foundation
import ZIPFoundation

/// The ZIP package of a `.docx` (through ZIPFoundation, which reads a ZIP held in memory
/// without touching the disk): `word/document.xml`, and the numbering and styles that say
/// which paragraphs Word numbers.
enum DocxPackage {
    /// The most bytes `document.xml` may unpack to: a real report's is well under 5 MB, and a
    /// ZIP bomb stops here.
    static let maxXMLBytes = 64 * 1024 * 1024

    enum Problem: Error, Equatable {
        case notZip
        case noDocument
        case tooLarge
        case damaged

        var diagnostic: Diagnostic {
            switch self {
            case .notZip, .damaged:
                .error("file.damaged", "Word 文件（.docx）已损坏，无法打开；请在 Word 或 WPS 中重新保存，或另存为 PDF", line: nil)
            case .noDocument:
                .error("file.notWord", "不是 Word 文件（压缩包中没有 word/document.xml）；请放入 Word（.docx）或 PDF 文件", line: nil)
            case .tooLarge:
                .error("file.tooLarge", "Word 文件正文解压后超过 \(maxXMLBytes / 1024 / 1024) MB，未读取；请检查文件，或另存为 PDF", line: nil)
            }
        }
    }

    /// The parts read: the body, and the numbering definitions and styles when there are any.
    struct Parts {
        var document: Data
        var numbering: Data?
        var styles: Data?
    }

    static func parts(_ data: Data) -> Result<Parts, Problem> {
        let archive: Archive
        guard ZIPBounds.isSound([UInt8](data)) else { return .failure(.notZip) }
        do { archive = try Archive(data: data, accessMode: .read) } catch { return .failure(.notZip) }
        guard let entry = archive["word/document.xml"] else { return .failure(.noDocument) }
        return extract(entry, from: archive).map { document in
            // Numbering and styles only add labels: a damaged one is left out, not an error.
            let optional = { (path: String) in archive[path].flatMap { try? extract($0, from: archive).get() } }
            return Parts(document: document, numbering: optional("word/numbering.xml"), styles: optional("word/styles.xml"))
        }
    }

    static func extract(_ entry: Entry, from archive: Archive) -> Result<Data, Problem> {
        guard entry.uncompressedSize <= UInt64(maxXMLBytes) else { return .failure(.tooLarge) }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The size in the header can lie; the bytes unpacked cannot.
                guard xml.count + chunk.count <= maxXMLBytes else { throw Problem.tooLarge }
                xml.append(chunk)
            }
        } catch let p as Problem {
            return .failure(p)
        } catch {
            return .failure(.damaged)
        }
        return .success(xml)
    }
}
