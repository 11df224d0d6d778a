@testable import ReportKit
import Testing

@Suite struct RowIndexTests {
    @Test func keepsRowsInTheOrderAddedWithoutRepeats() {
        var index = RowIndex(capacity: 2)
        index.add(7, for: 1)
        index.add(3, for: 1)
        index.add(7, for: 1)
        index.add(9, for: 1)
        index.add(0, for: 2)
        index.add(0, for: 2)
        #expect(index[1] == [7, 3, 9])
        #expect(index[2] == [0])
        #expect(index[3] == nil)
        #expect(index.contains(2) && !index.contains(3))
        #expect(index.count == 2)
    }

    /// Grown from 16 slots to 8,192 on the way: every key still finds its rows, as a dictionary
    /// of the same adds says (keys chosen to share slots: multiples of a power of two).
    @Test func answersAsADictionaryAfterGrowing() {
        var index = RowIndex()
        var reference: [UInt64: [Int32]] = [:]
        for i in 0..<3_000 {
            let key = UInt64(i % 1_000) << 40
            let row = Int32(i % 1_300)
            index.add(row, for: key)
            if !(reference[key]?.contains(row) ?? false) { reference[key, default: []].append(row) }
        }
        #expect(index.count == 1_000)
        #expect(reference.allSatisfy { index[$0.key] == $0.value })
        #expect(!index.contains(1_000 << 40) && !index.contains(0x1234))
    }
}
