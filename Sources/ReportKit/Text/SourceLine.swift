/// One line of a report after decoding and normalisation, with the 1-based number of the
/// line it came from in the source as published. Normalisation (full-width forms → ASCII,
/// HTML cells → tab-separated rows, re-joined broken lines) keeps the first original number,
/// so every value the recognisers read can point back to where a reader can check it.
public struct SourceLine: Hashable, Sendable {
    public var text: String
    public var number: Int

    public init(_ text: String, number: Int) {
        self.text = text
        self.number = number
    }
}
