import Foundation
@testable import SiteKit
import Testing

/// Issue 10: `bodies.bin` is written as it is made (`CacheBodies.stage`), through a buffer of
/// bounded size, never from the whole file in memory. Bytes counted, never timed.
@Suite struct BufferedFileTests {
    @Test func writesEveryByteInOrderAndHoldsNoMoreThanItsCapacity() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("buffered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bodies.bin").path
        // Pieces below, at and above the capacity, and runs that fill it exactly.
        let sizes = [1, 15, 16, 7, 9, 40, 0, 3, 16, 17, 5]
        var expected: [UInt8] = []
        var file = try BufferedFile(creating: path, capacity: 16)
        for (k, size) in sizes.enumerated() {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: k * 31 + $0) }
            #expect(file.offset == expected.count)
            try file.append(piece)
            expected += piece
        }
        try file.close()
        #expect(file.offset == expected.count)
        #expect(file.largest <= 16)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
        // A file is never written through an existing one.
        #expect(throws: IOFailure.self) { try BufferedFile(creating: path, capacity: 16) }
    }

    @Test func glibcGivesFreedMemoryBack() {
        #expect(FreedMemory.available)
    }
}
