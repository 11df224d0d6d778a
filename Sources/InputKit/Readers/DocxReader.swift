import Foundation

/// A Word document (`.docx`): the ZIP package opened with ZIPFoundation (`DocxPackage`), its
/// `word/document.xml` read into paragraphs and tables (`DocxBody`), tables laid out on the
/// grid the HTML reader builds (`gridSpan` as a cell and empty cells after it, `vMerge` as an
/// empty cell below the merged one).
public struct DocxReader: FormatReader {
    public init() {}

    public func decode(_ bytes: [UInt8]) -> Result<DecodedText, FormatFailure> {
        let parts: DocxPackage.Parts
        switch DocxPackage.parts(Data(bytes)) {
        case .success(let p): parts = p
        case .failure(let problem): return .failure(FormatFailure(problem.diagnostic))
        }
        switch DocxBody.lines(parts.document, numbering: DocxNumbering(numbering: parts.numbering, styles: parts.styles)) {
        case .success(let lines):
            return .success(DecodedText(text: lines.joined(separator: "\n") + "\n", encoding: "DOCX"))
        case .failure(let problem):
            return .failure(FormatFailure(problem.diagnostic))
        }
    }

    public func lines(of text: String) -> [SourceLine] { SourceText.lines(text) }

    public var grid: Bool { true }
}
