import Foundation

/// Folders a test makes under the temporary directory, each named with `prefix` and a UUID,
/// removed when this goes: a suite holds one (`let temp = TempFolders("nianbao-out")`), and
/// Swift Testing makes a suite's instance for each test, so each test's folders go when it ends.
public final class TempFolders: @unchecked Sendable {
    private let prefix: String
    private var made: [URL] = []
    private let lock = NSLock()

    public init(_ prefix: String) { self.prefix = prefix }

    deinit { for url in made { try? FileManager.default.removeItem(at: url) } }

    /// A new folder's address, not made yet (for a copy to be put there), removed with the others.
    public func name() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        lock.withLock { made.append(url) }
        return url
    }

    /// A new, empty folder.
    public func folder() throws -> URL {
        let url = name()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
