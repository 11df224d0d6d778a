import Foundation
import ReportKit

/// Builds the search index from `SearchDocument`s, one at a time: each report is cut into
/// keys as it is added and only its postings and its row of the document table are kept, so a
/// streaming build holds a compact summary per report, never the texts. The layout of the
/// files is described in docs/search-index.md; `search.js` reads them.
///
/// Document ids are `slot << 20 | local`: the slot is the year (year − 1900, 0 when unknown) and
/// the local number is the report's rank among that year's reports, kept from the previous
/// build (`SearchIDs`) so that adding a report never renumbers another. Sorting ids from high
/// to low is therefore newest year first, and no query needs the document table to rank.
public struct SearchIndexBuilder {
    /// Substrings up to this many scalars are keys of their own: a query run that long or shorter
    /// is answered exactly by one key.
    public static let gramLength = 6
    /// Reports per page of the document table.
    public static let pageSize = 16
    /// Sets encoded in more bytes than this go to a file of their own, shared by every key that
    /// has the same reports (most keys of a common phrase); smaller ones sit inside the key file.
    /// At 40 bytes, 10,000 reports gave 15,000 set files of 60 bytes (p50): 4 KB each on disk.
    /// At 512, 900 files are left and the key files grow by a third.
    static let inlineLimit = 512

    struct Entry {
        let folder: String
        let title: String
        let body: String
        let year: Int?
        let chain: [String]
        let codes: [String]
        let code: String?
        let figures: [(label: String, value: String)]
        let source: String
    }

    /// A substring of up to six scalars packed in 128 bits (21 bits each, three a word), for
    /// the hot loop. A word scalar is never 0, so the length is the number of slots in use.
    struct Gram: Hashable {
        var hi: UInt64 = 0
        var lo: UInt64 = 0

        var count: Int {
            var n = 0
            while n < 6 && (n < 3 ? hi >> (21 * UInt64(n)) : lo >> (21 * UInt64(n - 3))) & 0x1FFFFF != 0 { n += 1 }
            return n
        }

        /// This gram with `s` added at the end (at most six scalars).
        func appending(_ s: Unicode.Scalar) -> Gram {
            var g = self
            let n = count
            if n < 3 { g.hi |= UInt64(s.value) << (21 * UInt64(n)) } else { g.lo |= UInt64(s.value) << (21 * UInt64(n - 3)) }
            return g
        }

        /// The gram one scalar shorter.
        var parent: Gram {
            var g = self
            let n = count - 1
            if n < 3 { g.hi &= ~(0x1FFFFF << (21 * UInt64(n))) } else { g.lo &= ~(0x1FFFFF << (21 * UInt64(n - 3))) }
            return g
        }

        var scalars: [Unicode.Scalar] {
            (0..<count).map { i in
                let v = i < 3 ? (hi >> (21 * UInt64(i))) & 0x1FFFFF : (lo >> (21 * UInt64(i - 3))) & 0x1FFFFF
                return Unicode.Scalar(UInt32(v))!
            }
        }
    }

    /// Grams with the reports they occur in, as indices into `entries`, each report once: a
    /// gram's number is its list in `postings`.
    struct GramTable {
        var ids: [Gram: Int32] = [:]
        var grams: [Gram] = []
        var postings = PostingPool()
        /// Per gram, the last call of `ids(of:)` that listed it (`stamp`): each once a run
        /// without a set made and hashed for every run.
        var listed: [UInt32] = []
        var stamp: UInt32 = 0

        mutating func id(_ gram: Gram) -> Int32 {
            if let id = ids[gram] { return id }
            let id = postings.addList()
            ids[gram] = id
            grams.append(gram)
            listed.append(0)
            return id
        }

        mutating func file(_ id: Int32, in doc: Int32) {
            postings.file(id, doc)
        }

        /// Every substring of `run` up to `gramLength` scalars, each once.
        mutating func ids(of run: SearchText.Run) -> [Int32] {
            var out: [Int32] = []
            stamp &+= 1
            if stamp == 0 {
                // Wrapped: no gram may look listed by this call.
                for i in listed.indices { listed[i] = 0 }
                stamp = 1
            }
            for start in run.indices {
                var gram = Gram()
                for s in run[start..<min(run.count, start + SearchIndexBuilder.gramLength)] {
                    gram = gram.appending(s)
                    let id = id(gram)
                    if listed[Int(id)] != stamp {
                        listed[Int(id)] = stamp
                        out.append(id)
                    }
                }
            }
            return out
        }
    }

    let previous: SearchIDs
    /// About this many keys a key file (a power of two of files): under 10 KB a file.
    let keysPerBucket: Int
    var entries: [Entry] = []
    /// `x` keys: substrings of the whole text; the grams of a run are found once per distinct
    /// run, while the cache holds fewer than `runCacheLimit` runs (then it starts again: a
    /// template's runs come back at once, a report's own numbers and names never would).
    var text = GramTable()
    var runGrams: [SearchText.Run: [Int32]] = [:]
    static let runCacheLimit = 50_000
    /// `t` keys: substrings of the title.
    var title = GramTable()
    /// `n`, `p`, `r` keys.
    var keyed: [String: [Int32]] = [:]
    var suggestions: [String: Set<String>] = [:]
    /// The `n` and `p` keys of each name, and the suggestion line and keys of each place (by
    /// its chain), made once: a site has a few names and places, each in many reports.
    var nameKeys: [String: [String]] = [:]
    var suggestionKeys: [[String]: (line: String, keys: [String])] = [:]
    /// The index in `entries` of each report in the order the site lists them, when they were
    /// added in another (`made(for:)` adds them in id order); `nil`: the order they were added.
    /// The region files name a place after the first report of it in the site's order.
    var siteOrder: [Int]?

    /// `documents`: how many reports will be added, when known (`made(for:)`): the posting
    /// lists that hold many of them are kept as bitmaps (`PostingPool`).
    public init(previous: SearchIDs = SearchIDs(), keysPerBucket: Int = 512, documents: Int? = nil) {
        self.previous = previous
        self.keysPerBucket = keysPerBucket
        text.postings = PostingPool(documents: documents)
        title.postings = PostingPool(documents: documents)
    }

    public mutating func add(_ doc: SearchDocument) {
        let index = Int32(entries.count)
        entries.append(Entry(folder: doc.folder, title: doc.title, body: doc.body, year: doc.year, chain: doc.chain,
                             codes: doc.codes, code: doc.code, figures: doc.figures, source: doc.source))
        for run in SearchText.runs(doc.indexedText) {
            let ids: [Int32]
            if let known = runGrams[run] {
                ids = known
            } else {
                ids = text.ids(of: run)
                if runGrams.count >= Self.runCacheLimit { runGrams.removeAll() }
                runGrams[run] = ids
            }
            for id in ids { text.file(id, in: index) }
        }
        for run in SearchText.runs(doc.title) {
            for id in title.ids(of: run) { title.file(id, in: index) }
        }
        func file(_ key: String) {
            if keyed[key]?.last != index { keyed[key, default: []].append(index) }
        }
        for name in SearchKeys.names(doc) {
            if nameKeys[name] == nil {
                nameKeys[name] = ["n" + SearchText.runs(name).map { SearchText.string($0) }.joined()]
                    + SearchKeys.pinyin([name]).map { "p" + $0 }
            }
            for key in nameKeys[name]! { file(key) }
        }
        for key in SearchKeys.regionKeys(doc.codes) { file("r" + key) }
        // Suggestions: towns and counties (and the body itself when it has no place).
        for level in doc.chain.indices where level >= 2 || doc.chain.count <= 2 {
            let chain = Array(doc.chain[...level])
            if suggestionKeys[chain] == nil { suggestionKeys[chain] = Self.suggestion(chain) }
            let (line, keys) = suggestionKeys[chain]!
            for key in keys { suggestions[key, default: []].insert(line) }
        }
    }

    /// The suggestion lines of a report's region chain, with their keys (`suggestion` of each
    /// place the chain lists): a function of the chain alone, so a removal can take a key's
    /// lines over every report again from the chains.
    static func suggestionLines(_ chain: [String]) -> [(key: String, line: String)] {
        var out: [(key: String, line: String)] = []
        for level in chain.indices where level >= 2 || chain.count <= 2 {
            let (line, keys) = suggestion(Array(chain[...level]))
            for key in keys { out.append((key, line)) }
        }
        return out
    }

    /// The suggestion line of the last place of `chain` and the keys it is listed under.
    static func suggestion(_ chain: [String]) -> (line: String, keys: [String]) {
        let name = chain[chain.count - 1]
        let py = Pinyin.syllables(name).joined()
        let line = name + "\t" + chain.joined(separator: " › ") + "\t" + py
        // By the characters of the name without its suffix (镇 would list every town).
        let stem = SearchKeys.shortName(name) ?? name
        var keys = Set(stem.unicodeScalars).filter { SearchText.isWord($0) && !$0.isASCII }.map { "s" + String($0) }
        if py.count >= 2 { keys.append("s" + String(py.prefix(2))) }
        return (line, keys)
    }
}
