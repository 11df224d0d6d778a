import Foundation

/// CSV as RFC 4180 writes it and Excel opens it: UTF-8 with a byte-order mark (without it
/// Excel in a Chinese locale reads the file as GBK), CRLF line ends, a field quoted when it
/// holds a comma, a quote or a line break.
enum CSV {
    static let byteOrderMark = "\u{FEFF}"

    /// The file: the mark, then each line (already joined fields) ending in CRLF.
    static func file(_ lines: [String]) -> Data {
        var out = byteOrderMark
        out.reserveCapacity(lines.reduce(byteOrderMark.utf8.count) { $0 + $1.utf8.count + 2 })
        for line in lines {
            out += line
            out += "\r\n"
        }
        return Data(out.utf8)
    }

    /// One text field. Content is untrusted: text that a spreadsheet would run as a formula
    /// (starting `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP
    /// advises; numbers are written by `DataRow` and never pass here.
    static func field(_ s: String) -> String {
        var s = s
        if let first = s.utf8.first, formulaStarts.contains(first) { s = "'" + s }
        guard s.utf8.contains(where: quoted.contains) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The first characters a spreadsheet reads as a formula (the field gets a leading `'`),
    /// and the characters that make a field quoted; all ASCII, so compared as bytes.
    static let formulaStarts = Array("=+-@\t\r".utf8)
    static let quoted = Array(",\"\n\r".utf8)

    /// One line of text fields.
    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

    /// `field(s)` appended to `line`: as it is, without a string made for it, when it needs
    /// neither the leading `'` nor quotes (nearly every field: the open data's rows are remade
    /// for each CSV that lists a report, 10,000 of them in the portal's).
    static func append(_ s: String, to line: inout String) {
        let plain = !(s.utf8.first.map(formulaStarts.contains) ?? false) && !s.utf8.contains(where: quoted.contains)
        if plain { line += s } else { line += field(s) }
    }

    /// Splits a file made by `file` back into rows of fields (for tests and checks of the
    /// published data: quotes, doubled quotes and line breaks inside quotes).
    static func parse(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix(byteOrderMark) { text.removeFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
