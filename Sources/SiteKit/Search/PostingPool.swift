import Foundation

/// The posting lists of many keys (which reports each key occurs in, as increasing indices of
/// `SearchIndexBuilder.entries`), all in one pool of bytes: each list is a chain of blocks of
/// delta varints, so a report costs its keys about a byte each and a key a few bytes of
/// bookkeeping, where an `[Int32]` per key cost 4 bytes a posting, the array's growth slack and a
/// 32-byte header (at 1,000 reports the arrays were the largest thing the build held).
///
/// The pool is cut into pages of `pageSize` bytes that never move (no copy of the whole pool as
/// it grows); a block never crosses a page. A block is 4 bytes (little-endian: the next block's
/// address, 0 at the end of the chain) · 1 byte (log2 of its capacity) · the capacity in bytes.
/// The first block of a list holds 4 bytes, each next one twice as many, up to 256.
///
/// A list that holds many of the documents (a template's phrase is in every report) costs a
/// byte a posting that way: at 50,000 reports some 200 MB, most of the index's peak. Given the
/// number of documents (`documents`), a list that reaches a thirty-second of them becomes a
/// bitmap of one bit a document (its blocks left dead in the pool): 6 KB for a list of every
/// report of 50,000 rather than 50 KB. It reads back the same (`postings`).
///
/// Filing is the index's innermost loop (a report files each of its keys, some 10,000): the
/// pages are raw memory (`Pages`, copied only when a copied pool is changed) and a list's
/// bookkeeping is one value (`List`), so a posting costs no array access checks beyond one.
struct PostingPool {
    static let header = 5
    /// Pages of 1 MB (smaller in tests, to cross pages often).
    let pageBits: Int
    var pageSize: Int { 1 << pageBits }

    /// `documents`: how many documents will be filed (indices below it), when known: lists
    /// that hold many of them become bitmaps; `nil` keeps every list a chain of blocks.
    init(pageBits: Int = 20, documents: Int? = nil) {
        precondition(pageBits >= 10 && pageBits <= 24)
        self.pageBits = pageBits
        pages = Pages(pageSize: 1 << pageBits)
        if let documents, documents > 0 {
            words = (documents + 63) / 64
            bitmapFrom = Int32(clamping: max(8, documents / 32))
        }
    }

    /// Owns the pages (frees them), shared by copies of a pool until one files again.
    final class Pages {
        let pageSize: Int
        var bases: [UnsafeMutablePointer<UInt8>] = []

        /// The bitmaps of the lists that became one, `words` words each.
        var bitmaps: [UnsafeMutablePointer<UInt64>] = []
        var words = 0

        init(pageSize: Int) { self.pageSize = pageSize }

        func copy() -> Pages {
            let c = Pages(pageSize: pageSize)
            for base in bases {
                let page = UnsafeMutablePointer<UInt8>.allocate(capacity: pageSize)
                page.update(from: base, count: pageSize)
                c.bases.append(page)
            }
            c.words = words
            for bitmap in bitmaps {
                let copy = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
                copy.update(from: bitmap, count: words)
                c.bitmaps.append(copy)
            }
            return c
        }

        deinit {
            for base in bases { base.deallocate() }
            for bitmap in bitmaps { bitmap.deallocate() }
        }
    }

    /// Per list: its first block, its last block, the bytes used in the last, the last index
    /// filed and how many. A bitmap's list keeps the bitmap's number in `tail`.
    struct List {
        var head: UInt32 = 0
        var tail: UInt32 = 0
        var used: UInt16 = 0
        var isBitmap = false
        var last: Int32 = -1
        var count: Int32 = 0
    }

    private var pages: Pages
    /// `pages.bases`, kept here too: a class's array is checked for exclusive access at each
    /// use, a struct's is not (the checks were a tenth of filing).
    private var bases: [UnsafeMutablePointer<UInt8>] = []
    /// Where the next block goes: an address (page << pageBits | offset); 0 means no page yet
    /// (address 0 is never a block: each page starts with one unused byte).
    private var end: UInt32 = 0
    private var lists: [List] = []
    /// `pages.bitmaps`, kept here too (as `bases`); each `words` words. `bitmapFrom`: the count
    /// at which a list becomes a bitmap (`Int32.max`: never).
    private var bitmaps: [UnsafeMutablePointer<UInt64>] = []
    private var words = 0
    private var bitmapFrom = Int32.max

    var listCount: Int { lists.count }
    /// How many indices each list holds.
    var counts: [Int32] { lists.map(\.count) }

    /// A new, empty list; its number.
    mutating func addList() -> Int32 {
        lists.append(List())
        return Int32(lists.count - 1)
    }

    /// Files `doc` in `list` unless it is the last one filed there (indices come in increasing order).
    mutating func file(_ list: Int32, _ doc: Int32) {
        let l = Int(list)
        var entry = lists[l]
        let previous = entry.last
        guard previous != doc else { return }
        precondition(doc > previous, "postings are filed in increasing order")
        if !isKnownUniquelyReferenced(&pages) {
            pages = pages.copy()
            bases = pages.bases
            bitmaps = pages.bitmaps
        }
        entry.last = doc
        entry.count += 1
        if entry.isBitmap {
            precondition(Int(doc) < words * 64, "a document beyond the number the pool was made for")
            bitmaps[Int(entry.tail)][Int(doc) >> 6] |= 1 << UInt64(doc & 63)
            lists[l] = entry
            return
        }
        var v = UInt32(previous < 0 ? doc : doc - previous - 1)
        while v >= 0x80 {
            append(&entry, UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        append(&entry, UInt8(v))
        lists[l] = entry
        if entry.count >= bitmapFrom, Int(doc) < words * 64 { makeBitmap(l) }
    }

    /// Turns list `l` into a bitmap of its postings (its blocks stay in the pool, unused).
    private mutating func makeBitmap(_ l: Int) {
        let docs = postings(Int32(l))
        let bitmap = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        bitmap.initialize(repeating: 0, count: words)
        for d in docs { bitmap[Int(d) >> 6] |= 1 << UInt64(d & 63) }
        if pages.words == 0 { pages.words = words }
        pages.bitmaps.append(bitmap)
        bitmaps.append(bitmap)
        lists[l].isBitmap = true
        lists[l].head = 0
        lists[l].tail = UInt32(bitmaps.count - 1)
        lists[l].used = 0
    }

    private mutating func append(_ entry: inout List, _ byte: UInt8) {
        var block = entry.tail
        if block == 0 {
            block = allocate(log2: 2)
            entry.head = block
            entry.tail = block
            entry.used = 0
        } else if Int(entry.used) == 1 << Int(pointer(block + 4).pointee) {
            let next = allocate(log2: min(8, pointer(block + 4).pointee + 1))
            let p = pointer(block)
            for i in 0..<4 { p[i] = UInt8(truncatingIfNeeded: next >> (8 * UInt32(i))) }
            block = next
            entry.tail = block
            entry.used = 0
        }
        pointer(block + UInt32(Self.header) + UInt32(entry.used)).pointee = byte
        entry.used += 1
    }

    private mutating func allocate(log2: UInt8) -> UInt32 {
        let size = Self.header + (1 << Int(log2))
        // A block ends before the end of its page, so `end` never spills into the next page's number.
        if end == 0 || Int(end & UInt32(pageSize - 1)) + size >= pageSize {
            precondition(bases.count < 1 << (32 - pageBits), "the posting pool is limited to 4 GB")
            let page = UnsafeMutablePointer<UInt8>.allocate(capacity: pageSize)
            page.initialize(repeating: 0, count: pageSize)
            pages.bases.append(page)
            bases.append(page)
            end = UInt32(bases.count - 1) << UInt32(pageBits) | 1
        }
        let block = end
        pointer(block + 4).pointee = log2
        end += UInt32(size)
        return block
    }

    /// The byte at `address` (a page number and an offset).
    private func pointer(_ address: UInt32) -> UnsafeMutablePointer<UInt8> {
        bases[Int(address >> UInt32(pageBits))] + Int(address & UInt32(pageSize - 1))
    }

    /// The bytes of a list, block after block.
    private func forEachByte(_ list: Int32, _ body: (UInt8) -> Void) {
        let entry = lists[Int(list)]
        var block = entry.head
        while block != 0 {
            let p = pointer(block)
            let next = UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
            let count = next == 0 ? Int(entry.used) : 1 << Int(p[4])
            for i in 0..<count { body(p[Self.header + i]) }
            block = next
        }
    }

    /// The indices filed in `list`, in increasing order.
    func postings(_ list: Int32) -> [Int32] {
        var out: [Int32] = []
        let entry = lists[Int(list)]
        out.reserveCapacity(Int(entry.count))
        if entry.isBitmap {
            let bitmap = bitmaps[Int(entry.tail)]
            for w in 0..<words {
                var bits = bitmap[w]
                while bits != 0 {
                    out.append(Int32(w << 6 | bits.trailingZeroBitCount))
                    bits &= bits - 1
                }
            }
            return out
        }
        var value: UInt32 = 0
        var shift: UInt32 = 0
        var previous: Int32 = -1
        forEachByte(list) { b in
            value |= UInt32(b & 0x7F) << shift
            if b < 0x80 {
                previous = previous < 0 ? Int32(value) : previous + Int32(value) + 1
                out.append(previous)
                value = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        return out
    }

    /// Whether two lists hold the same indices (the same bytes, since both are deltas from the start).
    func same(_ a: Int32, _ b: Int32) -> Bool {
        let x = lists[Int(a)], y = lists[Int(b)]
        guard x.count == y.count else { return false }
        if x.isBitmap, y.isBitmap { return memcmp(bitmaps[Int(x.tail)], bitmaps[Int(y.tail)], words * 8) == 0 }
        guard x.isBitmap || y.isBitmap || x.used == y.used else { return false }
        return postings(a) == postings(b)
    }

    /// Bytes held, pages, bitmaps and bookkeeping (for tests and the README's figures).
    var bytesHeld: Int { bases.count * pageSize + bitmaps.count * words * 8 + lists.count * MemoryLayout<List>.stride }
    /// Lists that became bitmaps.
    var bitmapCount: Int { bitmaps.count }
    var pageCount: Int { bases.count }
}
