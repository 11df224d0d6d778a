import NianbaoTestSupport
import Testing
@testable import SiteKit

@Suite struct DocSetTests {
    @Test func smallSetIsAListOfGaps() {
        // count 3 · 1 chunk · chunk 0 (delta 0) · 3 ids: 5, gap 0 (6), gap 9 (16)
        #expect(DocSet.encode([5, 6, 16]) == [3, 1, 0, 3, 5, 0, 9])
        #expect(DocSet.decode([3, 1, 0, 3, 5, 0, 9]) == [5, 6, 16])
    }

    @Test func emptySet() {
        #expect(DocSet.encode([]) == [0, 0])
        #expect(DocSet.decode([0, 0]) == [])
    }

    @Test func denseChunkIsABitmap() {
        let ids = Array(0..<4096)
        let bytes = DocSet.encode(ids)
        // count (2 bytes) · chunks · delta · mode 0 · 512 bytes of ones
        #expect(bytes.count == 2 + 1 + 1 + 1 + 512)
        #expect(bytes[3...4] == [0, 0])
        #expect(bytes.suffix(512).allSatisfy { $0 == 0xFF })
        #expect(DocSet.decode(bytes) == ids)
    }

    @Test func idsAcrossYearsRoundTrip() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let ids = Set((0..<Int.random(in: 0...800, using: &generator)).map { _ in
                Int.random(in: 100...130, using: &generator) << 20 | Int.random(in: 0..<9000, using: &generator)
            }).sorted()
            #expect(DocSet.decode(DocSet.encode(ids)) == ids)
        }
    }
}
