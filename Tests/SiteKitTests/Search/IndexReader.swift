import Foundation
@testable import SiteKit

/// Reads a built index the way search.js does (key file of the key's first scalars, parent
/// references, set files), so tests can ask it questions and compare with the texts.
struct IndexReader {
    let files: [String: Data]
    let bucketCount: Int
    let space: KeySpace

    init(_ outputs: [OutputFile]) throws {
        files = Dictionary(uniqueKeysWithValues: outputs.map { ($0.path, $0.data) })
        let manifest = try JSONSerialization.jsonObject(with: files["search/index.json"] ?? Data()) as? [String: Any]
        bucketCount = manifest?["buckets"] as? Int ?? 0
        space = KeySpace(buckets: bucketCount, letters: manifest?["letters"] as? Int ?? 0)
    }

    enum Entry: Equatable {
        case parent, inline([UInt8]), reference(String), names([String])
    }

    func bucket(_ path: String) -> [[Unicode.Scalar]: Entry] {
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

    /// The ids filed under `key` (namespace first: `x依申请公开`), `[]` when it is not there.
    func ids(_ key: String) -> [Int] {
        var scalars = Array(key.unicodeScalars)
        let entries = bucket(path(of: scalars))
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

    /// Suggestion lines under `s` + a character or two pinyin letters.
    func names(_ key: String) -> [String] {
        let scalars = Array(key.unicodeScalars)
        if case .names(let lines)? = bucket(path(of: scalars))[scalars] { return lines }
        return []
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
