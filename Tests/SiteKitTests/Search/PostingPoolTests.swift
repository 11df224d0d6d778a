import NianbaoTestSupport
import Testing
@testable import SiteKit

@Suite struct PostingPoolTests {
    /// Random lists filed in increasing order of documents, with repeats, over pages of 1 KB
    /// (blocks of 9 to 261 bytes fill a page exactly now and then): every list reads back as
    /// filed, each document once.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func listsReadBackAsFiled(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var pool = PostingPool(pageBits: 10)
        var expected: [[Int32]] = []
        for _ in 0..<300 { _ = pool.addList(); expected.append([]) }
        for doc in Int32(0)..<Int32(3000) {
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                // Some lists get a document in every step, most a few in all; gaps up to thousands
                // (varints of one to three bytes).
                let list = Int.random(in: 0..<(Bool.random(using: &rng) ? 5 : 300), using: &rng)
                pool.file(Int32(list), doc)
                if expected[list].last != doc { expected[list].append(doc) }
            }
        }
        for (list, docs) in expected.enumerated() {
            #expect(pool.postings(Int32(list)) == docs, "list \(list), seed \(seed)")
            #expect(pool.counts[list] == Int32(docs.count))
        }
        #expect(pool.pageCount > 10)
    }

    @Test func sameListsAreSame() {
        var pool = PostingPool(pageBits: 10)
        let a = pool.addList(), b = pool.addList(), c = pool.addList(), d = pool.addList()
        for doc in [3, 70, 900, 200_000] as [Int32] {
            pool.file(a, doc)
            pool.file(b, doc)
            pool.file(c, doc == 900 ? 901 : doc)
        }
        #expect(pool.same(a, b))
        #expect(!pool.same(a, c))
        #expect(!pool.same(a, d))
        #expect(pool.postings(d) == [])
        #expect(pool.postings(a) == [3, 70, 900, 200_000])
    }
}

extension PostingPoolTests {
    /// A copy is a value: filing in one leaves the other as it was (the pages are shared until then).
    @Test func copiesAreValues() {
        var pool = PostingPool(pageBits: 10)
        let a = pool.addList()
        for doc in Int32(0)..<Int32(2_000) { pool.file(a, doc * 300) }
        var copy = pool
        copy.file(a, 700_000)
        pool.file(a, 800_000)
        #expect(copy.postings(a) == (0..<2_000).map { $0 * 300 } + [700_000])
        #expect(pool.postings(a) == (0..<2_000).map { $0 * 300 } + [800_000])
        #expect(pool.pageCount > 1)
    }
}

extension PostingPoolTests {
    /// Given the number of documents, a list that holds a thirty-second of them becomes a
    /// bitmap and reads back as filed; the others stay chains. The same random lists as
    /// `listsReadBackAsFiled`, with and without the count: the same postings, list by list.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func bitmapsReadBackAsFiled(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var chains = PostingPool(pageBits: 10)
        // Of 6,000 documents (3,000 filed): the five busy lists pass 187, the others stay under.
        var mixed = PostingPool(pageBits: 10, documents: 6000)
        for _ in 0..<300 {
            _ = chains.addList()
            _ = mixed.addList()
        }
        for doc in Int32(0)..<Int32(3000) {
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                let list = Int32(Int.random(in: 0..<(Bool.random(using: &rng) ? 5 : 300), using: &rng))
                chains.file(list, doc)
                mixed.file(list, doc)
            }
        }
        #expect(mixed.bitmapCount == 5)
        for list in Int32(0)..<300 {
            #expect(mixed.postings(list) == chains.postings(list), "list \(list), seed \(seed)")
            #expect(mixed.counts[Int(list)] == chains.counts[Int(list)])
        }
    }

    /// A list of every document of 50,000 costs a bit each (and the few blocks it had before it
    /// became a bitmap), where a chain costs a byte each.
    @Test func aListOfEveryDocumentIsABitEach() {
        var chains = PostingPool(pageBits: 16)
        var mixed = PostingPool(pageBits: 16, documents: 50_000)
        let a = chains.addList(), b = mixed.addList()
        for doc in Int32(0)..<Int32(50_000) {
            chains.file(a, doc)
            mixed.file(b, doc)
        }
        #expect(mixed.postings(b) == Array(0..<50_000))
        #expect(chains.bytesHeld >= 50_000)
        #expect(mixed.bytesHeld <= 50_000 / 8 + 2 * (1 << 16))
        #expect(mixed.bitmapCount == 1)
    }

    /// Two bitmaps, a bitmap and a chain, compare by their postings.
    @Test func sameBitmapsAreSame() {
        var pool = PostingPool(pageBits: 10, documents: 64)
        let a = pool.addList(), b = pool.addList(), c = pool.addList()
        for doc in Int32(0)..<Int32(40) {
            pool.file(a, doc)
            pool.file(b, doc)
            if doc != 20 { pool.file(c, doc) }
        }
        let d = pool.addList()
        for doc in Int32(41)..<Int32(44) { pool.file(d, doc) }
        #expect(pool.bitmapCount == 3)
        #expect(pool.same(a, b))
        #expect(!pool.same(a, c))
        #expect(!pool.same(a, d))
        var copy = pool
        copy.file(a, 50)
        #expect(pool.postings(a) == Array(0..<40))
        #expect(copy.postings(a) == Array(0..<40) + [50])
        #expect(!copy.same(a, b))
    }
}
