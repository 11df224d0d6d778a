// Placeholder until the text branch lands.
public enum HTMLText {
    public static func lines(_ html: String) -> [SourceLine] { SourceText.lines(html) }
}
