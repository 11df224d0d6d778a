import Foundation

/// Cuts seed reports into the small inputs a fast fuzz run needs (`scripts/fuzz` runs it as
/// `nianbao-fuzz --cut-seeds OUT MAX FILE…`). A whole report takes the parser tens of
/// milliseconds under AddressSanitizer; its opening page, or one section with its table
/// alone, a few. Each piece starts with the byte that makes `FuzzMain` read it as its file's
/// kind, so a seed is fuzzed as the kind it is.
///
/// A text, markdown or HTML seed gives its opening (up to `max` bytes, cut at a line end) and
/// one piece from each section heading (`一、`…`八、`, a `表` line, an HTML `<table`) to the
/// next, each cut the same way; a PDF or Word seed is kept whole (ZIP and PDF do not survive
/// a cut), for runs with a larger `-max_len`.
enum SeedCutter {
    static let headings = ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "表"].map { Array($0.utf8) }

    static func pieces(of bytes: [UInt8], fileExtension ext: String, max: Int) -> [[UInt8]] {
        guard let kind = FuzzMain.extensions.firstIndex(of: ext.lowercased()) else { return [] }
        let tag = [UInt8(kind)]
        if ext == "pdf" || ext == "docx" { return [tag + bytes] }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        var starts = [0]
        var offset = 0
        for line in lines {
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x7C || $0 == 0x23 || $0 == 0x2A }   // space, tab, | # *
            if offset > 0, headings.contains(where: { trimmed.starts(with: $0) }) || line.starts(with: Array("<table".utf8)) {
                starts.append(offset)
            }
            offset += line.count + 1
        }
        return starts.map { start in
            var end = min(bytes.count, start + max - 1)
            if end < bytes.count, let newline = bytes[start..<end].lastIndex(of: 0x0A) { end = newline + 1 }
            return tag + bytes[start..<end]
        }
    }

    /// `--cut-seeds OUT MAX FILE…`: writes the pieces of every file into OUT, named after it.
    static func run(_ arguments: [String]) throws {
        guard arguments.count >= 2, let max = Int(arguments[1]) else { throw CocoaError(.fileReadUnknown) }
        let out = URL(fileURLWithPath: arguments[0])
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var written = 0
        for path in arguments.dropFirst(2) {
            let url = URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            for (i, piece) in pieces(of: [UInt8](data), fileExtension: url.pathExtension, max: max).enumerated() {
                try Data(piece).write(to: out.appendingPathComponent("\(url.lastPathComponent)-\(i)"))
                written += 1
            }
        }
        print("cut \(arguments.count - 2) seeds into \(written) pieces of at most \(max) bytes")
    }
}
