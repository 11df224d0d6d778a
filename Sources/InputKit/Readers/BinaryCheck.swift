/// Tells a text file from a binary one saved under a text extension (`/bin/ls` as `x.txt`,
/// a Word file renamed `.txt`), so it is refused with a message instead of published as a
/// page of garbage.
///
/// Why NUL bytes and control characters: no text encoding nianbao reads puts a NUL in
/// Chinese or ASCII text except UTF-16, which is recognised first; and real reports hold only
/// tabs, line and page breaks (and the odd escape) among the C0 controls.
enum BinaryCheck {
    /// The share of the first bytes looked at.
    static let sample = 8192

    static func failure(_ bytes: [UInt8]) -> FormatFailure? {
        let head = bytes.prefix(sample)
        guard !head.isEmpty else { return nil }
        if looksLikeUTF16(head, all: bytes) { return nil }
        var nul = 0
        var control = 0
        for b in head {
            if b == 0 { nul += 1 } else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
        }
        guard nul > 0 || control * 20 > head.count else { return nil }
        return FormatFailure(.error("file.binary",
                                    "不是文本文件（含有\(nul > 0 ? "空字节" : "大量控制字符")），未生成页面；请放入报告的文字、网页、Word 或 PDF 文件",
                                    line: nil))
    }

    /// UTF-16, which has NUL bytes by nature: a BOM, or what `TextDecoder` takes for UTF-16
    /// without one.
    static func looksLikeUTF16(_ head: ArraySlice<UInt8>, all bytes: [UInt8]) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        return TextDecoder.utf16ByteOrder(bytes) != nil
    }
}
