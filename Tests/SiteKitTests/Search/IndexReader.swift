import Foundation
@testable import SiteKit

/// Reads a built index the way search.js does (key file of the key's first scalars, parent
/// references, set files), so tests can ask it questions and compare with the texts.
struct IndexReader {
    let files: [String: Data]
    let bucketCount: Int
    let space: KeySpace
    /// The delta segment's key files, when the manifest names one, and the ids taken out of the
    /// main shards.
    let delta: KeySpace?
    let deleted: Set<Int>

    init(_ outputs: [OutputFile]) throws {
        try self.init(Dictionary(uniqueKeysWithValues: outputs.map { ($0.path, $0.data) }))
    }

    init(_ files: [String: Data]) throws {
        self.files = files
        let manifest = try JSONSerialization.jsonObject(with: files["search/index.json"] ?? Data()) as? [String: Any]
        bucketCount = manifest?["buckets"] as? Int ?? 0
        space = KeySpace(buckets: bucketCount, letters: manifest?["letters"] as? Int ?? 0)
        if let d = manifest?["delta"] as? [String: Any] {
            var delta = KeySpace(buckets: d["buckets"] as? Int ?? 0, letters: d["letters"] as? Int ?? 0)
            delta.prefix = "search/delta/\(d["tag"] as? String ?? "")-"
            self.delta = delta
        } else {
            delta = nil
        }
        deleted = Set(manifest?["deleted"] as? [Int] ?? [])
    }

    enum Entry: Equatable {
        case parent, inline([UInt8]), reference(String), names([String])
    }

    /// Key files already read (a test asks for every key of an index).
    final class Memo: @unchecked Sendable { var buckets: [String: [[Unicode.Scalar]: Entry]] = [:] }
    let memo = Memo()

    func bucket(_ path: String) -> [[Unicode.Scalar]: Entry] {
        if let read = memo.buckets[path] { return read }
        let read = decode(path)
        memo.buckets[path] = read
        return read
    }

    func decode(_ path: String) -> [[Unicode.Scalar]: Entry] {
        guard let data = files[path] else { return [:] }
        var reader = Varint.Reader(bytes: Array(data), offset: 4)
        var out: [[Unicode.Scalar]: Entry] = [:]
        var previous: [Unicode.Scalar] = []
        for _ in 0..<(reader.read() ?? 0) {
            let shared = reader.read()!, more = reader.read()!
            var key = Array(previous.prefix(shared))
            for _ in 0..<more { key.append(Unicode.Scalar(UInt32(reader.read()!))!) }
            previous = key
            let kind = reader.take(1)!.first!
            switch kind {
            case 0: out[key] = .parent
            case 1: out[key] = .inline(Array(reader.take(reader.read()!)!))
            case 2: out[key] = .reference(SetStore.name(reader.take(4)!.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }))
            default:
                var lines: [String] = []
                for _ in 0..<reader.read()! { lines.append(String(decoding: reader.take(reader.read()!)!, as: UTF8.self)) }
                out[key] = .names(lines)
            }
        }
        return out
    }

    func path(of key: [Unicode.Scalar]) -> String { space.path(of: key) }

    /// The ids filed under `key` (namespace first: `x依申请公开`), `[]` when it is not there: as
    /// `search.js` reads them, the main shards' without the deleted ids, and the delta's.
    func ids(_ key: String) -> [Int] {
        let scalars = Array(key.unicodeScalars)
        let main = ids(scalars, in: space).filter { !deleted.contains($0) }
        guard let delta else { return main }
        return Array(Set(main).union(ids(scalars, in: delta))).sorted()
    }

    func ids(_ key: [Unicode.Scalar], in space: KeySpace) -> [Int] {
        var scalars = key
        let entries = bucket(space.path(of: scalars))
        while true {
            switch entries[scalars] {
            case nil: return []
            case .parent?: scalars.removeLast()
            case .inline(let bytes)?: return DocSet.decode(bytes) ?? [-1]
            case .reference(let name)?: return files["search/s/\(name).bin"].flatMap { DocSet.decode(Array($0)) } ?? [-1]
            case .names?: return [-1]
            }
        }
    }

    /// Suggestion lines under `s` + a character or two pinyin letters (the delta's, when it lists the key).
    func names(_ key: String) -> [String] {
        let scalars = Array(key.unicodeScalars)
        if let delta, case .names(let lines)? = bucket(delta.path(of: scalars))[scalars] { return lines }
        if case .names(let lines)? = bucket(path(of: scalars))[scalars] { return lines }
        return []
    }

    /// Every key of the index, in both segments.
    func keys() -> Set<String> {
        var out = Set<String>()
        for (path, _) in files where path.hasPrefix("search/k/") || path.hasPrefix("search/delta/") {
            for key in bucket(path).keys { out.insert(String(String.UnicodeScalarView(key))) }
        }
        return out
    }

    /// Folder of each id, from the document table.
    func folders() throws -> [Int: String] {
        var out: [Int: String] = [:]
        for (path, data) in files where path.hasPrefix("search/d/") {
            let slot = Int(path.dropFirst("search/d/".count).split(separator: "-")[0])!
            for row in try JSONSerialization.jsonObject(with: data) as! [[String: Any]] {
                out[slot << 20 | (row["i"] as! Int)] = row["u"] as? String
            }
        }
        return out
    }
}
