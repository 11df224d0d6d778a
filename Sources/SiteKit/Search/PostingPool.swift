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
struct PostingPool {
    static let header = 5
    /// Pages of 1 MB (smaller in tests, to cross pages often).
    let pageBits: Int
    var pageSize: Int { 1 << pageBits }

    init(pageBits: Int = 20) {
        precondition(pageBits >= 10 && pageBits <= 24)
        self.pageBits = pageBits
    }

    private var pages: [[UInt8]] = []
    /// Where the next block goes: an address (page << pageBits | offset); 0 means no page yet
    /// (address 0 is never a block: each page starts with one unused byte).
    private var end: UInt32 = 0
    /// Per list: its first block, its last block, the bytes used in the last, the last index
    /// filed and how many.
    private var head: [UInt32] = []
    private var tail: [UInt32] = []
    private var used: [UInt16] = []
    private var last: [Int32] = []
    private(set) var counts: [Int32] = []

    var listCount: Int { head.count }

    /// A new, empty list; its number.
    mutating func addList() -> Int32 {
        head.append(0)
        tail.append(0)
        used.append(0)
        last.append(-1)
        counts.append(0)
        return Int32(head.count - 1)
    }

    /// Files `doc` in `list` unless it is the last one filed there (indices come in increasing order).
    mutating func file(_ list: Int32, _ doc: Int32) {
        let l = Int(list)
        let previous = last[l]
        guard previous != doc else { return }
        precondition(doc > previous, "postings are filed in increasing order")
        last[l] = doc
        counts[l] += 1
        var v = UInt32(previous < 0 ? doc : doc - previous - 1)
        while v >= 0x80 {
            append(l, UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        append(l, UInt8(v))
    }

    private mutating func append(_ l: Int, _ byte: UInt8) {
        var block = tail[l]
        if block == 0 {
            block = allocate(log2: 2)
            head[l] = block
            tail[l] = block
            used[l] = 0
        } else if Int(used[l]) == 1 << Int(self[block + 4]) {
            let next = allocate(log2: min(8, self[block + 4] + 1))
            for i in 0..<4 { self[block + UInt32(i)] = UInt8(truncatingIfNeeded: next >> (8 * UInt32(i))) }
            block = next
            tail[l] = block
            used[l] = 0
        }
        self[block + UInt32(Self.header) + UInt32(used[l])] = byte
        used[l] += 1
    }

    private mutating func allocate(log2: UInt8) -> UInt32 {
        let size = Self.header + (1 << Int(log2))
        // A block ends before the end of its page, so `end` never spills into the next page's number.
        if end == 0 || Int(end & UInt32(pageSize - 1)) + size >= pageSize {
            precondition(pages.count < 1 << (32 - pageBits), "the posting pool is limited to 4 GB")
            var page = [UInt8]()
            page.reserveCapacity(pageSize)
            page.append(0)
            pages.append(page)
            end = UInt32(pages.count - 1) << UInt32(pageBits) | 1
        }
        let block = end
        let p = Int(block >> UInt32(pageBits))
        pages[p].append(contentsOf: repeatElement(0, count: size))
        pages[p][Int(block & UInt32(pageSize - 1)) + 4] = log2
        end += UInt32(size)
        return block
    }

    private subscript(address: UInt32) -> UInt8 {
        get { pages[Int(address >> UInt32(pageBits))][Int(address & UInt32(pageSize - 1))] }
        set { pages[Int(address >> UInt32(pageBits))][Int(address & UInt32(pageSize - 1))] = newValue }
    }

    /// The bytes of a list, block after block.
    private func forEachByte(_ list: Int32, _ body: (UInt8) -> Void) {
        let l = Int(list)
        var block = head[l]
        while block != 0 {
            let next = (0..<4).reduce(UInt32(0)) { $0 | UInt32(self[block + UInt32($1)]) << (8 * UInt32($1)) }
            let count = next == 0 ? Int(used[l]) : 1 << Int(self[block + 4])
            for i in 0..<count { body(self[block + UInt32(Self.header + i)]) }
            block = next
        }
    }

    /// The indices filed in `list`, in increasing order.
    func postings(_ list: Int32) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(Int(counts[Int(list)]))
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
        guard counts[Int(a)] == counts[Int(b)], used[Int(a)] == used[Int(b)] else { return false }
        return postings(a) == postings(b)
    }

    /// Bytes held, pages and bookkeeping (for tests and the README's figures).
    var bytesHeld: Int { pages.count * pageSize + head.count * 18 }
    var pageCount: Int { pages.count }
}
