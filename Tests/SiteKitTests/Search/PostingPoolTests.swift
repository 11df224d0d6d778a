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
