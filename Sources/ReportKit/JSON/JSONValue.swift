import Foundation

/// A JSON value with ordered object keys, and its writer.
///
/// Why not `JSONEncoder`: report.json and `extract` promise a fixed key order (the order of
/// report-json.md), which `JSONEncoder` only gives alphabetically; a diff between two builds
/// must show only what changed.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Decimal)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into h: inout Hasher) { h.combine(serialized()) }

    /// Serialises with two-space indentation (`pretty`) or compactly.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: bytes(prettyLevels: pretty ? .max : 0), as: UTF8.self)
    }

    /// The UTF-8 of `serialized(pretty:)`, written straight into bytes: a build writes a
    /// report.json and a checks.json for every report, and appending to a `String` piece by
    /// piece cost a tenth of a full build's CPU (its capacity and ASCII checks on each append).
    ///
    /// `prettyLevels`: how many levels of nesting are broken into indented lines; deeper
    /// values are written compactly, each on the line of its container's entry (0: all on one
    /// line; `.max`: `serialized(pretty: true)`). checks.json breaks two: one check a line.
    public func bytes(prettyLevels: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, prettyLevels: prettyLevels, indent: 0)
        return out
    }

    func write(to out: inout [UInt8], prettyLevels: Int, indent: Int) {
        let pretty = indent < prettyLevels
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let b): Self.append(b ? "true" : "false", to: &out)
        case .int(let i): Self.append(i, to: &out)
        case .number(let d): Self.append(d.isNaN ? "null" : "\(d)", to: &out)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { Self.append("[]", to: &out); return }
            out.append(0x5B)  // [
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }  // ,
                if pretty { Self.newline(indent + 1, &out) }
                item.write(to: &out, prettyLevels: prettyLevels, indent: indent + 1)
            }
            if pretty { Self.newline(indent, &out) }
            out.append(0x5D)  // ]
        case .object(let members):
            if members.isEmpty { Self.append("{}", to: &out); return }
            out.append(0x7B)  // {
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { Self.newline(indent + 1, &out) }
                JSONValue.writeString(key, to: &out)
                out.append(0x3A)  // :
                if pretty { out.append(0x20) }
                value.write(to: &out, prettyLevels: prettyLevels, indent: indent + 1)
            }
            if pretty { Self.newline(indent, &out) }
            out.append(0x7D)  // }
        }
    }

    /// A line break and `level` indentations, appended in place (no string made for them).
    @inline(__always) static func newline(_ level: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    @inline(__always) static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// The decimal digits of `i`, as `String(i)` prints them, without making the string.
    static func append(_ i: Int, to out: inout [UInt8]) {
        if i < 0 { out.append(0x2D) }
        var magnitude = i.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Escapes per RFC 8259, plus `<`, `>` and `&` so the output is safe inside an HTML `<script>`.
    /// `s` as a JSON string (`writeString`).
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        writeString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // Most strings (paths, ids, digests, most Chinese text) have nothing to escape:
            // copied whole. 0xE2 leads U+2028 and U+2029 (and other marks, which take the slow
            // path).
            if utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 && $0 != 0xE2 }) {
                out.append(contentsOf: utf8)
                return
            }
            for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
                switch scalar {
                case "\"": append("\\\"", to: &out)
                case "\\": append("\\\\", to: &out)
                case "\n": append("\\n", to: &out)
                case "\r": append("\\r", to: &out)
                case "\t": append("\\t", to: &out)
                case "<": append("\\u003c", to: &out)
                case ">": append("\\u003e", to: &out)
                case "&": append("\\u0026", to: &out)
                case "\u{2028}": append("\\u2028", to: &out)
                case "\u{2029}": append("\\u2029", to: &out)
                default:
                    if scalar.value < 0x20 {
                        append(String(format: "\\u%04x", scalar.value), to: &out)
                    } else {
                        out.append(contentsOf: UTF8.encode(scalar)!)
                    }
                }
            }
        }
        out.append(0x22)
    }
}

extension JSONValue {
    public init(_ s: String?) { self = s.map(JSONValue.string) ?? .null }
    public init(_ d: Decimal?) { self = d.map(JSONValue.number) ?? .null }
    public init(_ i: Int?) { self = i.map(JSONValue.int) ?? .null }
}
