/// The old binary Word format (`.doc`) and WPS's (`.wps`), both OLE compound files: not read.
/// Their layout is a private binary structure, and every Word or WPS version saves `.docx`
/// and PDF, so the message says to do that. (Converting them with LibreOffice at build time
/// would make the site depend on a large program being installed, and on its version.)
public struct LegacyWordReader: FormatReader {
    public init() {}

    public func decode(_ bytes: [UInt8]) -> Result<DecodedText, FormatFailure> {
        .failure(FormatFailure(.error("file.legacyWord",
            "旧版 Word（.doc）或 WPS（.wps）文件无法直接读取；请在 Word 或 WPS 中“另存为” .docx 或 PDF 后放入", line: nil)))
    }

    public func lines(of text: String) -> [SourceLine] { SourceText.lines(text) }

    public var grid: Bool { true }
}
