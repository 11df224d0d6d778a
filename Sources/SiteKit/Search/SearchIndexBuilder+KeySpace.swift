/// Which key file holds a key: two spaces of files, each a power of two of files by FNV-1a of the
/// key's first four scalars after the namespace (`SearchIndexBuilder.bucket`).
///
/// - `search/k/<b>.bin`: every key but the letter keys;
/// - `search/k/a<b>.bin`: the *letter keys* — text and title keys (`x`, `t`) whose first four
///   scalars are ASCII letters (`xzhen`, `tgov`).
///
/// A spaced pinyin query (`cheng wu xian zhang lou zhen`) reads the text and title keys of each
/// syllable: in one space with the rest, that was one file per syllable, each as heavy as the
/// popular pinyin prefixes make it (`zhan`, `xian`: 900 pinyin keys of names in one file at
/// 100,000 reports) plus 512 keys' inline sets. Reports print few words in letters (web and
/// e-mail addresses), so their keys fill a file or a few, light ones, and a query of several
/// words reads one. A key and its parent (when it has five or more scalars) share their first
/// four, so they are still in one file. Name and pinyin keys stay in the first space: a spaced
/// query's joined pinyin key is one file there, as an unspaced one.
struct KeySpace: Equatable {
    /// Files of the first space (`search/k/<b>.bin`).
    let buckets: Int
    /// Files of the letter space (`search/k/a<b>.bin`); 0 when there is no letter key.
    let letters: Int
    /// The letter keys it was sized for (kept in `SearchState`, for the next addition).
    var letterKeys = 0
    /// Where the files go: `search/k/` for the main shards, `search/delta/<tag>-` for the
    /// delta segment (`SearchIndexBuilder+Segment.swift`).
    var prefix = "search/k/"

    /// The first space is sized over every key, as before there were two (so taking the letter
    /// keys out never halves it); the letter space over the letter keys.
    init(keys: Int, letterKeys: Int, perBucket: Int, previous: SearchIDs) {
        buckets = SearchIndexBuilder.bucketCount(keys: keys, perBucket: perBucket, previous: previous.buckets)
        self.letterKeys = letterKeys
        letters = letterKeys == 0 ? 0
            : SearchIndexBuilder.bucketCount(keys: letterKeys, perBucket: perBucket, previous: previous.letterBuckets)
    }

    init(buckets: Int, letters: Int) {
        self.buckets = buckets
        self.letters = letters
    }

    /// Files in both spaces: the first space's are numbered `0..<buckets`, then the letter
    /// space's `buckets..<buckets + letters`.
    var count: Int { buckets + letters }

    /// The file of `key` (namespace first), numbered as in `count`.
    func file(_ key: [Unicode.Scalar]) -> Int {
        Self.isLetterKey(key) && letters > 0
            ? buckets + SearchIndexBuilder.bucket(key, count: letters)
            : SearchIndexBuilder.bucket(key, count: buckets)
    }

    /// The same files (`letterKeys` is what the spaces were sized for, not where keys go).
    static func == (a: KeySpace, b: KeySpace) -> Bool { a.buckets == b.buckets && a.letters == b.letters }

    /// `file([namespace] + gram.scalars)`, without making the key.
    func file(_ namespace: Unicode.Scalar, _ gram: SearchIndexBuilder.Gram) -> Int {
        Self.isLetterKey(namespace, gram) && letters > 0
            ? buckets + SearchIndexBuilder.bucket(gram, count: letters)
            : SearchIndexBuilder.bucket(gram, count: buckets)
    }

    func path(_ file: Int) -> String {
        file < buckets ? "\(prefix)\(file).bin" : "\(prefix)a\(file - buckets).bin"
    }

    func path(of key: [Unicode.Scalar]) -> String { path(file(key)) }

    static let letterNamespaces: Set<Unicode.Scalar> = ["x", "t"]

    /// `x` or `t`, then up to four scalars that are all ASCII letters (`search.js`: `isLetterKey`).
    static func isLetterKey(_ key: [Unicode.Scalar]) -> Bool {
        guard let namespace = key.first, letterNamespaces.contains(namespace), key.count > 1 else { return false }
        return key.dropFirst().prefix(SearchIndexBuilder.bucketPrefix).allSatisfy { ("a"..."z").contains($0) }
    }

    static func isLetterKey(_ namespace: Unicode.Scalar, _ gram: SearchIndexBuilder.Gram) -> Bool {
        guard letterNamespaces.contains(namespace) else { return false }
        for i in 0..<min(gram.count, SearchIndexBuilder.bucketPrefix) {
            guard let s = Unicode.Scalar(UInt32(gram.scalar(i))), ("a"..."z").contains(s) else { return false }
        }
        return gram.count > 0
    }
}

extension SearchIndexBuilder {
    /// The files of this build's keys: the letter keys counted without making their scalars.
    func keySpace() -> KeySpace {
        var keys = keyed.count + suggestions.count
        var letterKeys = keyed.keys.filter { KeySpace.isLetterKey(Array($0.unicodeScalars)) }.count
        for (namespace, table) in [("x", text), ("t", title)] as [(Unicode.Scalar, GramTable)] {
            keys += table.grams.count
            letterKeys += table.grams.lazy.filter { KeySpace.isLetterKey(namespace, $0) }.count
        }
        return KeySpace(keys: keys, letterKeys: letterKeys, perBucket: keysPerBucket, previous: previous)
    }
}

extension SearchIndexBuilder {
    /// `bucket([namespace] + gram.scalars, count:)`: the same FNV-1a over the UTF-8 of its first
    /// four scalars, encoded here.
    static func bucket(_ gram: Gram, count: Int) -> Int {
        var h: UInt32 = 0x811C9DC5
        func mix(_ byte: UInt32) { h = (h ^ byte) &* 0x0100_0193 }
        for i in 0..<bucketPrefix {
            let v = UInt32(gram.scalar(i))
            if v == 0 { break }
            if v < 0x80 {
                mix(v)
            } else if v < 0x800 {
                mix(0xC0 | v >> 6)
                mix(0x80 | v & 0x3F)
            } else if v < 0x10000 {
                mix(0xE0 | v >> 12)
                mix(0x80 | v >> 6 & 0x3F)
                mix(0x80 | v & 0x3F)
            } else {
                mix(0xF0 | v >> 18)
                mix(0x80 | v >> 12 & 0x3F)
                mix(0x80 | v >> 6 & 0x3F)
                mix(0x80 | v & 0x3F)
            }
        }
        return Int(h % UInt32(count))
    }
}

extension SearchIndexBuilder.Gram {
    /// Its `i`-th scalar's value (0 past its end).
    func scalar(_ i: Int) -> UInt64 {
        i < 3 ? (hi >> (21 * UInt64(i))) & 0x1FFFFF : (lo >> (21 * UInt64(i - 3))) & 0x1FFFFF
    }
}
