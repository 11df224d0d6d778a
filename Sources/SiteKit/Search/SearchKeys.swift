import ReportKit

/// The keys a report is filed under, by namespace (the first scalar of every key):
///
/// - `x` every substring of 1 to `SearchIndexBuilder.gramLength` scalars of every run of the
///   title, body, region names, prose and table labels: a query run up to that length is one
///   key, so its reports are exactly the reports that contain it;
/// - `t` the same over the title alone (ranking: title matches come before text matches);
/// - `n` the body's and each region's name, whole and without its suffix (掌政镇, 掌政): the
///   first rank;
/// - `p` the pinyin of those names, joined and as initials (`zhangzhengzhen`, `zhangzheng`,
///   `zzz`, `zz`); a query typed with spaces is looked up without them;
/// - `r` the code of each region level, trimmed (`r64`, `r6401`, `r640104`, `r640104100`): the
///   region filter;
/// - `s` place names by each of their characters and by the first two letters of their pinyin,
///   for the suggestions shown when nothing matches.
enum SearchKeys {
    static let suffixes = ["自治区", "自治州", "自治县", "自治旗", "特别行政区", "街道办事处", "办事处", "街道", "地区",
                           "人民政府", "省", "市", "区", "县", "旗", "盟", "镇", "乡"]

    /// `掌政镇` → `掌政`, `宁夏回族自治区` → `宁夏回族` (then `宁夏` is not attempted: the
    /// gazetteer's stricter short names are for resolving, this is for matching what people type).
    static func shortName(_ name: String) -> String? {
        for suffix in suffixes where name.hasSuffix(suffix) {
            let short = String(name.dropLast(suffix.count))
            return short.count >= 2 ? short : nil
        }
        return nil
    }

    /// The names a report is found by first: its body and every region level, whole and short.
    static func names(_ doc: SearchDocument) -> [String] {
        var names: [String] = []
        for name in [doc.body] + doc.chain where !name.isEmpty {
            names.append(name)
            if let short = shortName(name) { names.append(short) }
        }
        return names
    }

    /// Joined syllables and initials of each name (`zhangzhengzhen`, `zzz`), ASCII only.
    static func pinyin(_ names: [String]) -> [String] {
        var keys: [String] = []
        for name in names {
            let syllables = Pinyin.syllables(name)
            // A character the table lacks comes out as `u` + hex: no one types that.
            guard !syllables.isEmpty, !syllables.contains(where: { $0.hasPrefix("u") && $0.count > 2 }) else { continue }
            keys.append(syllables.joined())
            keys.append(Pinyin.initials(name))
        }
        return keys
    }

    /// `640104100000` → `64`, `6401`, `640104`, `640104100`: the prefixes that name a level.
    static func regionKeys(_ codes: [String]) -> [String] {
        codes.filter { $0.count == 12 }.map { code in
            var c = Substring(code)
            while c.count > 2 && c.hasSuffix("000") && c.count > 6 { c = c.dropLast(3) }
            while c.count > 2 && c.hasSuffix("00") && c.count <= 6 { c = c.dropLast(2) }
            return String(c)
        }
    }
}
