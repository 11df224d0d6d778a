/// A division's name without its suffix, the way reports and people write it: 宁夏回族自治区 →
/// 宁夏, 银川市 → 银川, 兴庆区 → 兴庆, 掌政镇 → 掌政, 隆德县 → 隆德. The gazetteer keeps a short name
/// only where no sibling shares it, and never one shorter than two characters (城区 → 城 would
/// match everywhere). Works on scalars: `String.hasSuffix` on 45,000 names cost most of the
/// load time.
enum ShortName {
    typealias Scalars = [Unicode.Scalar]

    /// Suffixes by level (indexed by `Level.rawValue`), longest first so 自治县 wins over 县.
    static let suffixes: [[Scalars]] = [
        ["特别行政区", "自治区", "省", "市"],
        ["自治州", "地区", "市", "盟"],
        ["自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗"],
        ["街道办事处", "民族乡", "办事处", "街道", "苏木", "地区", "镇", "乡"],
    ].map { $0.map { Array($0.unicodeScalars) } }

    /// Ethnic qualifiers before 自治区/自治州/自治县/自治旗/民族乡 (宁夏回族自治区, 恩施土家族苗族自治州).
    static let peoples: [Scalars] = [
        "维吾尔", "蒙古族", "土家族", "哈尼族", "傈僳族", "拉祜族", "东乡族", "纳西族", "景颇族",
        "柯尔克孜", "达斡尔族", "仫佬族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族",
        "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "朝鲜族", "布依族",
        "哈萨克", "回族", "壮族", "藏族", "彝族", "苗族", "侗族", "瑶族", "白族", "傣族", "黎族",
        "佤族", "畲族", "水族", "土族", "羌族", "怒族", "京族", "满族", "蒙古", "各族",
    ].map { Array($0.unicodeScalars) }

    /// Names that are functional zones or groupings keep their full form only.
    static let noShortForm: [Scalars] = ["开发区", "新区", "管理区", "园区", "示范区", "实验区", "试验区", "农场", "林场"]
        .map { Array($0.unicodeScalars) }

    static func hasSuffix(_ name: Scalars, _ suffix: Scalars) -> Bool {
        name.count >= suffix.count && name[(name.count - suffix.count)...].elementsEqual(suffix)
    }

    /// The length, in scalars, of the short name at the start of `name`, or `nil` if it has none.
    static func length(of name: Scalars, level: Division.Level) -> Int? {
        if noShortForm.contains(where: { hasSuffix(name, $0) }) { return nil }
        guard let suffix = suffixes[level.rawValue].first(where: { hasSuffix(name, $0) }) else { return nil }
        var n = name.count - suffix.count
        if suffix.count >= 3 && (suffix[0] == "自" || suffix[0] == "民") {
            var changed = true
            while changed {
                changed = false
                for p in peoples where n - p.count >= 2 && name[(n - p.count)..<n].elementsEqual(p) {
                    n -= p.count
                    changed = true
                    break
                }
            }
        }
        return n >= 2 ? n : nil
    }

    static func of(_ name: String, level: Division.Level) -> String? {
        let scalars = Array(name.unicodeScalars)
        return length(of: scalars, level: level).map { Gazetteer.string(scalars[..<$0]) }
    }
}
