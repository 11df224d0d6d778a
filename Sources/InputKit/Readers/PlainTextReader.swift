/// Text and markdown files: the encoding is read from the bytes (`TextDecoder`), lines are
/// the file's lines. A file that is not text at all is refused rather than published.
public struct PlainTextReader: FormatReader {
    public init() {}

    public func decode(_ bytes: [UInt8]) -> Result<DecodedText, FormatFailure> { Self.decodeText(bytes) }

    /// Text of any kind (text, markdown, HTML): refused when the bytes are not text
    /// (`BinaryCheck`) or not in an encoding of Chinese text (`EncodingCheck`).
    static func decodeText(_ bytes: [UInt8]) -> Result<DecodedText, FormatFailure> {
        if let failure = BinaryCheck.failure(bytes) { return .failure(failure) }
        let decoded = TextDecoder.decode(bytes)
        if let failure = EncodingCheck.failure(decoded, bytes: bytes) { return .failure(failure) }
        return .success(decoded)
    }

    public func lines(of text: String) -> [SourceLine] { SourceText.lines(text) }

    public var grid: Bool { false }
}
