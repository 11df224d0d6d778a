// GB18030 through glibc's iconv, the one place ReportKit calls C. Foundation on Linux has no
// GB18030 string encoding, and GB18030 is a superset of GBK and GB2312, which is what
// Chinese government sites actually publish when they do not publish UTF-8.
//
// iconv stops at every problem; each stop is handled so that the loop always moves forward:
// E2BIG flushes the output buffer, EILSEQ (a bad sequence) emits U+FFFD and skips one byte,
// EINVAL (a sequence cut off at the end) emits U+FFFD and ends.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TextDecoder {
    enum GB18030 {
        /// The decoded text (`nil` only when iconv has no GB18030 converter), how many bad
        /// sequences were replaced by U+FFFD, and the byte offset of the first.
        static func decode(_ bytes: [UInt8]) -> (text: String?, errorCount: Int, firstError: Int?) {
            let cd = iconv_open("UTF-8", "GB18030")
            guard let cd, cd != iconv_t(bitPattern: -1) else { return (nil, 0, nil) }
            defer { iconv_close(cd) }

            let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 2)
            var errors = 0
            var firstError: Int?
            let outCapacity = 1 << 16
            var out = [UInt8](repeating: 0, count: outCapacity)
            var input = bytes

            input.withUnsafeMutableBufferPointer { inBuffer in
                out.withUnsafeMutableBufferPointer { outBuffer in
                    guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                    let inStart = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                    let outStart = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var inPtr: UnsafeMutablePointer<CChar>? = inStart
                    var inLeft = inBuffer.count

                    func flush(_ outPtr: UnsafeMutablePointer<CChar>?) {
                        guard let outPtr else { return }
                        let produced = outStart.distance(to: outPtr)
                        if produced > 0 { result.append(contentsOf: UnsafeBufferPointer(start: outBase, count: produced)) }
                    }

                    while inLeft > 0 {
                        var outPtr: UnsafeMutablePointer<CChar>? = outStart
                        var outLeft = outCapacity
                        let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                        let failure = errno
                        flush(outPtr)
                        if rc != -1 { break }
                        let produced = outCapacity - outLeft
                        if failure == E2BIG && produced > 0 { continue }
                        // A bad or cut-off sequence (or anything unexpected): one U+FFFD, one byte on.
                        let offset = inStart.distance(to: inPtr ?? inStart)
                        if firstError == nil { firstError = offset }
                        errors += 1
                        result.append(contentsOf: replacement)
                        if failure == EINVAL || inLeft == 0 { break }
                        inPtr = inPtr.map { $0 + 1 }
                        inLeft -= 1
                    }
                }
            }
            return (String(decoding: result, as: UTF8.self), errors, firstError)
        }
    }
}
