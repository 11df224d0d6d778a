import Foundation

/// Tables for the clues that do not name a place in Chinese: pinyin keys (folder names such as
/// `ningxia/yinchuan`, website hosts such as `www.xqq.gov.cn`) and telephone area codes.
///
/// Hosts are never listed one by one: a host label is read as the pinyin or the initials of a
/// division's full or short name, which is all the gazetteer can tell. Area codes come from
/// the Chinese geocoding data of Google's libphonenumber (Apache-2.0, see Resources/README.md),
/// at prefecture level. Both are built lazily, once, apart from the gazetteer itself, since
/// most reports never need them.
final class PlaceKeys: Sendable {
    static let shared = PlaceKeys(gazetteer: .shared, areaCodes: ResourceFile.data("area-codes") ?? Data())

    /// Lower-case ASCII key → rows (province, prefecture or county level only).
    let pinyin: [String: [Int32]]
    /// Area code with its leading 0 (`0951`) → prefecture (or municipality) rows.
    let areaCodes: [String: [Int32]]

    init(gazetteer g: Gazetteer, areaCodes data: Data) {
        var keys: [String: [Int32]] = [:]
        keys.reserveCapacity(16_000)
        var scalars: [Unicode.Scalar] = []
        func add(_ key: String, _ row: Int32) {
            if keys[key]?.last != row { keys[key, default: []].append(row) }
        }
        let table = Pinyin.table
        var syllables: [String] = []
        for row in 0..<Int32(g.count) where g.levels[Int(row)] < .township && !g.placeholders[Int(row)] {
            let name = g.names[Int(row)]
            let level = g.levels[Int(row)]
            scalars.removeAll(keepingCapacity: true)
            scalars.append(contentsOf: name.unicodeScalars)
            // One syllable per character from the table (names of this level are all Han);
            // the few names read otherwise come whole from the exceptions.
            syllables.removeAll(keepingCapacity: true)
            if let whole = table.names[NameKey.of(scalars)] {
                syllables += whole
            } else {
                for s in scalars {
                    guard let syllable = table.characters[s] else { break }
                    syllables.append(syllable)
                }
            }
            guard syllables.count == scalars.count else { continue }
            var forms = [syllables[...]]
            // The short name is a prefix of the name: its first n syllables.
            if let n = ShortName.length(of: scalars, level: level), g.shortIndex[NameKey.of(scalars[..<n])]?.contains(row) ?? false {
                forms.append(syllables[..<n])
            }
            for form in forms {
                add(form.joined(), row)
                if form.count >= 3 || level == .province { add(String(form.compactMap(\.first)), row) }
            }
        }
        pinyin = keys

        var codes: [String: [Int32]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: "\t")
            guard f.count == 2 else { continue }
            codes[String(f[0])] = f[1].split(separator: ",").compactMap { g.row(code: String($0)) }
        }
        areaCodes = codes
    }
}
