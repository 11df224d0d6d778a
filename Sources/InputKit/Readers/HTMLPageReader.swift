/// A web page saved from a government site: decoded like text, then its report body found
/// and laid out as lines, every `<table>` as one tab-separated line per row (`HTMLText`).
public struct HTMLPageReader: FormatReader {
    public init() {}

    public func decode(_ bytes: [UInt8]) -> Result<DecodedText, FormatFailure> { PlainTextReader.decodeText(bytes) }

    public func lines(of text: String) -> [SourceLine] { HTMLText.lines(text) }

    public var grid: Bool { true }
}
