/// A PDF as published: read through poppler (`PDFFile`) into its text with positions, tables
/// rebuilt from their ruling lines (`PDFTable`), prose joined into paragraphs, page numbers
/// and running heads left out (`PDFPageLayout`), and the pages laid out as one rendition
/// (`PDFRendition`) — not from `pdftotext`'s reading order, which prints table 三 column by
/// column with the labels after the numbers.
///
/// A PDF with no text layer (a scan) is an error naming what to do instead, never an empty
/// report; scanned pages inside a PDF with text are named in a warning.
public struct PDFReader: FormatReader {
    /// Pages read at most; a longer file is read that far, with a warning.
    public static let maxPages = 1000
    /// Pixels per point when a page is rendered to find its rules: a 0.5 pt rule is one pixel
    /// (at 1 px/pt the thin grey rules of WPS tables fade into the paper).
    static let scale = 2.0

    public init() {}

    public func decode(_ bytes: [UInt8]) -> Result<DecodedText, FormatFailure> {
        let read = PDFFile.with(bytes) { file -> Result<DecodedText, FormatFailure> in
            let count = min(file.pageCount, Self.maxPages)
            var pages: [PDFPageContent] = []
            var rules: [[PDFRule]] = []
            for i in 0..<count {
                let page = file.page(i)
                pages.append(page)
                if PDFPageLayout.mayHoldTable(page), let bitmap = file.inkBitmap(i, scale: Self.scale) {
                    rules.append(PDFRules.find(in: bitmap, glyphs: page.glyphs))
                } else {
                    rules.append([])
                }
            }
            return Self.rendition(pages, rules: rules, total: file.pageCount)
        }
        switch read {
        case .success(let result): return result
        case .failure(.encrypted):
            return .failure(FormatFailure(.error("file.encrypted", "PDF 已加密，需要密码才能打开，无法读取；请放入未加密的 PDF，或另存为 Word（.docx）", line: nil)))
        case .failure(.damaged(let why)):
            return .failure(FormatFailure(.error("file.damaged", "PDF 文件已损坏，无法打开（\(why)）；请重新下载或重新导出 PDF", line: nil)))
        }
    }

    /// The rendition of pages already read, with the problems found on the way.
    static func rendition(_ pages: [PDFPageContent], rules: [[PDFRule]], total: Int) -> Result<DecodedText, FormatFailure> {
        let scanned = pages.filter { $0.glyphs.isEmpty && $0.images > 0 }.map(\.number)
        guard pages.contains(where: { !$0.glyphs.isEmpty }) else {
            let what = scanned.isEmpty ? "PDF 中没有文字" : "PDF 是扫描件，无法读取文字"
            return .failure(FormatFailure(.error("file.scanned",
                "\(what)（没有文字层）；请放入可复制文字的 PDF 或 Word 文件，或把报告文字另存为 .txt 放入", line: nil)))
        }
        let glyphs = pages.reduce(0) { $0 + $1.glyphs.count }
        let unreadable = pages.reduce(0) { $0 + $1.glyphs.filter(\.isUnreadable).count }
        if unreadable * 2 > glyphs {
            return .failure(FormatFailure(.error("file.noText",
                "PDF 中的文字无法提取（字体没有文字编码，复制出来是乱码），无法读取文字；请放入 Word 文件，或重新导出 PDF（嵌入字体、不要“打印为 PDF”）", line: nil)))
        }
        let grouped = pages.map { ($0, PDFTextLine.group($0.glyphs)) }
        let furniture = PDFFurniture(grouped)
        let layouts = zip(pages, rules).map { page, rules in
            PDFPageLayout(page, rules: rules, furniture: { furniture.isFurniture($0, on: page) })
        }
        var diagnostics: [Diagnostic] = []
        if !scanned.isEmpty {
            diagnostics.append(.warning("file.scannedPages", "\(Self.pageList(scanned))是扫描件，无法读取文字，其中的内容未读取", line: nil))
        }
        if total > pages.count {
            diagnostics.append(.warning("file.tooManyPages", "PDF 共 \(total) 页，只读取了前 \(pages.count) 页", line: nil))
        }
        return .success(DecodedText(text: PDFRendition.text(layouts), encoding: "PDF", diagnostics: diagnostics))
    }

    /// `第 3 页`, `第 3、4 页`, `第 3–9 等 7 页`.
    static func pageList(_ pages: [Int]) -> String {
        if pages.count <= 5 { return "第 " + pages.map(String.init).joined(separator: "、") + " 页" }
        return "第 \(pages[0])、\(pages[1])、\(pages[2]) 等 \(pages.count) 页"
    }

    public func lines(of text: String) -> [SourceLine] { SourceText.lines(text) }

    public var grid: Bool { true }
}
