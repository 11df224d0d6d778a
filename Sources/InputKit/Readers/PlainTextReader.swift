/// Text and markdown files: the encoding is read from the bytes (`TextDecoder`), lines are
/// the file's lines. A file that is not text at all is refused rather than published.
public struct PlainTextReader: FormatReader {
    public init() {}

    public func decode(_ bytes: [UInt8]) -> Result<DecodedText, FormatFailure> {
        if let failure = BinaryCheck.failure(bytes) { return .failure(failure) }
        return .success(TextDecoder.decode(bytes))
    }

    public func lines(of text: String) -> [SourceLine] { SourceText.lines(text) }

    public var grid: Bool { false }
}
