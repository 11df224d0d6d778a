/// Splitting decoded text into numbered lines.
public enum SourceText {
    /// Splits on `\n`, `\r\n` and `\r`; line numbers start at 1.
    public static func lines(_ text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = 1
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            result.append(SourceLine(String(line), number: number))
            number += 1
        }
        return result
    }
}
