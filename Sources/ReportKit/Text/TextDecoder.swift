// Placeholder until the text branch lands (UTF-8 only).
public struct DecodedText: Sendable { public var text: String; public var encoding: String; public var diagnostics: [Diagnostic] }
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", diagnostics: [])
    }
}
