/// Escaping for the few places where SiteKit builds HTML itself (attribute lists of table
/// cells, the numbered lines of `source.html`) and for the error banner of `nianbao serve`;
/// everything else goes through Mustache's `{{…}}`.
public enum HTML {
    /// Escapes `& < > " '` — safe in text and in double- or single-quoted attributes.
    public static func escape(_ text: String) -> String {
        var text = text
        // Most strings (ids, numbers, most CJK text) need nothing: the same string back.
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            guard bytes.contains(where: isSpecial) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes, to: &out)
            return out
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// Appends `bytes` (UTF-8) escaped: runs without `& < > " '` are copied whole. The five
    /// are ASCII, so no character is split; this replaced appending scalar by scalar, a tenth
    /// of drawing a `source.html` of a web page's report (markup in every line).
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0
        for i in 0..<bytes.count where isSpecial(bytes[i]) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            switch bytes[i] {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            default: out.append(contentsOf: "&#39;".utf8)
            }
            start = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    @inline(__always) static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
