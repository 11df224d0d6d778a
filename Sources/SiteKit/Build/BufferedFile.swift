import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new file written through a buffer (`stage`'s bodies file): a few large `write`s, and never
/// more than `capacity` bytes of it in memory.
struct BufferedFile {
    static let capacity = 1 << 20
    let path: String
    /// Bytes buffered at most before they are written.
    let capacity: Int
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes appended so far (written or buffered): where the next append starts.
    private(set) var offset = 0
    private var isOpen = true
    /// The most bytes the buffer held (tests: never more than `capacity`).
    private(set) var largest = 0

    /// Creates the file at `path` (never through an existing file or link).
    init(creating path: String, capacity: Int = Self.capacity) throws {
        self.path = path
        self.capacity = capacity
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw IOFailure(path: path, action: .write, number: errno) }
        buffer.reserveCapacity(capacity)
    }

    mutating func append(_ bytes: some ContiguousBytes) throws {
        try bytes.withUnsafeBytes { raw in
            if buffer.count + raw.count > capacity { try flush() }
            if raw.count >= capacity {
                try check(Disk.write(raw, to: fd))
            } else {
                buffer.append(contentsOf: raw)
            }
            offset += raw.count
            largest = max(largest, buffer.count)
        }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try check(buffer.withUnsafeBytes { Disk.write($0, to: fd) })
        buffer.removeAll(keepingCapacity: true)
    }

    private func check(_ failure: Int32) throws {
        if failure != 0 { throw IOFailure(path: path, action: .write, number: failure) }
    }

    /// Writes what is buffered and closes the file (after a failure, `abandon` closes it).
    mutating func close() throws {
        try flush()
        buffer = []
        isOpen = false
        if Glibc.close(fd) != 0 { throw IOFailure(path: path, action: .write, number: errno) }
    }

    /// Closes the file after a failure, when `close` did not (its bytes are the caller's to remove).
    mutating func abandon() {
        if isOpen { _ = Glibc.close(fd) }
        isOpen = false
    }
}
