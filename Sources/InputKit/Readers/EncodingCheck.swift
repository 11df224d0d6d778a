/// Tells text in an encoding a Chinese report is never saved in (Latin-1 or Windows-1252
/// from a Western PC, Big5) from a Chinese report with a few damaged bytes, after decoding.
///
/// `TextDecoder` never gives up: whatever the bytes, it returns the reading that loses the
/// fewest, so a Latin-1 file came out as a page of `�` and GBK rarities under
/// `unknown-year/`. An honest error beats a garbage page, and the remedy (save as UTF-8) is
/// easy. Two signs, each far from what real reports show:
///
/// - more than one in ten non-ASCII characters is undecodable (`�`): a damaged report has a
///   handful among thousands of good ones;
/// - read as GB18030, fewer than half of the two-byte characters are in GB2312, the everyday
///   set (both bytes 0xA1–0xFE) that holds every common character and punctuation mark of a
///   government report: Latin-1's accented letters pair with the ASCII letter after them
///   into rare GBK characters (`é` `t` → 閠), and Big5's second bytes are mostly below 0xA1.
enum EncodingCheck {
    static func failure(_ decoded: DecodedText, bytes: [UInt8]) -> FormatFailure? {
        var nonASCII = 0, bad = 0
        for scalar in decoded.text.unicodeScalars where !scalar.isASCII {
            nonASCII += 1
            if scalar == "\u{FFFD}" { bad += 1 }
        }
        if bad > 0 && bad * 10 > nonASCII {
            let line = decoded.diagnostics.first { $0.code == "text.undecodable" }?.line
            return refusal("有 \(bad) 处字节不能按 UTF-8、UTF-16 或 GB18030 读成文字", line: line)
        }
        if decoded.encoding == "GB18030", let rare = rareGBKShare(bytes), rare.rare * 2 > rare.pairs {
            let line = 1 + bytes[..<rare.first].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return refusal("按 GBK 读出的 \(rare.pairs) 个汉字中有 \(rare.rare) 个是生僻字，不像中文报告", line: line)
        }
        return nil
    }

    static func refusal(_ why: String, line: Int?) -> FormatFailure {
        FormatFailure(.error("text.unknownEncoding",
                             "文字编码无法识别（\(why)；可能是西文 Latin-1 或繁体 Big5 编码），未生成页面；"
                                + "请用 UTF-8 编码另存报告全文（记事本：另存为 → 编码 UTF-8）",
                             line: line))
    }

    /// The two-byte GB18030 characters of `bytes`, those outside GB2312, and the offset of the
    /// first of them; `nil` when there is none outside.
    static func rareGBKShare(_ bytes: [UInt8]) -> (pairs: Int, rare: Int, first: Int)? {
        var pairs = 0, rare = 0
        var first: Int?
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            guard lead >= 0x81, lead != 0xFF, i + 1 < bytes.count else { i += 1; continue }
            let trail = bytes[i + 1]
            if (0x30...0x39).contains(trail) { i += 4; continue }  // a four-byte sequence: not GBK
            pairs += 1
            if !((0xA1...0xF7).contains(lead) && (0xA1...0xFE).contains(trail)) {
                rare += 1
                if first == nil { first = i }
            }
            i += 2
        }
        return first.map { (pairs, rare, $0) }
    }
}
