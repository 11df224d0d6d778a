import Czlib

/// A report's search text (`SearchEntry.text`) as a build keeps it: deflated (zlib), about a
/// third of its UTF-8. Every report summary holds one until the index is written, so at 50,000
/// reports the texts alone were some 600 MB as strings; the index builder inflates one at a
/// time. Equal texts give equal bytes (one zlib, one level), so the summaries' equality holds.
struct PackedText: Sendable, Hashable {
    private let bytes: [UInt8]
    /// The UTF-8 length, for inflating in one call.
    private let count: Int

    init(_ text: String) {
        var utf8 = Array(text.utf8)
        count = utf8.count
        var size = compressBound(uLong(utf8.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = utf8.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                compress2(target.baseAddress, &size, source.baseAddress, uLong(source.count), 6)
            }
        }
        precondition(status == Z_OK, "zlib compress2: \(status)")
        // A copy of the deflated bytes alone: `out` was allocated for the worst case (more than
        // the text itself), and trimming it in place would keep that allocation for the build.
        bytes = Array(out[..<Int(size)])
    }

    var string: String {
        guard count > 0 else { return "" }
        var size = uLong(count)
        var out = [UInt8](repeating: 0, count: count)
        var source = bytes
        let status = source.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &size, source.baseAddress, uLong(source.count))
            }
        }
        precondition(status == Z_OK && Int(size) == count, "zlib uncompress: \(status)")
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes held, counting the allocation's spare room (for tests).
    var packedCount: Int { bytes.capacity }

    /// The text as deflated and its UTF-8 length, as the build cache keeps it: a cached report
    /// is neither inflated to write nor deflated again to read.
    init(packed bytes: [UInt8], count: Int) {
        self.bytes = bytes
        self.count = count
    }

    var packed: (bytes: [UInt8], count: Int) { (bytes, count) }

    /// Adds the text to a digest without inflating it: equal texts deflate to equal bytes.
    func add(to d: inout Digest) {
        d.add(count)
        bytes.withUnsafeBytes { d.add(bytes: $0) }
    }
}
