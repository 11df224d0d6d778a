import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word's automatic numbering (`word/numbering.xml`): the `一、` `（一）` `1.` that Word prints
/// before a numbered paragraph but does not store in its text. The section headings the parser
/// looks for (`三、收到和处理政府信息公开申请情况`) are often numbered this way, so a paragraph
/// with `w:numPr` (its own, or its style's in `word/styles.xml`) gets its label put back.
///
/// Counters run per list definition (`w:abstractNum`), as Word counts; a deeper level restarts
/// when a shallower one moves on. Bullets get no label.
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    private var levels: [String: [Int: Level]] = [:]
    /// `w:num` → its `w:abstractNum`, and the levels whose start it overrides.
    private var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
    /// Paragraph style → the numbering it carries.
    private var styles: [String: (list: String, level: Int)] = [:]
    private var counters: [String: [Int: Int]] = [:]
    private var started: Set<String> = []

    init(numbering: Data?, styles: Data?) {
        if let numbering { readNumbering(numbering) }
        if let styles { readStyles(styles) }
    }

    /// The label of the next paragraph numbered with `list` (`w:numId`) at `level` (`w:ilvl`),
    /// or with the numbering of `style`; `nil` when there is none.
    mutating func label(list: String?, level: Int?, style: String?) -> String? {
        var list = list, level = level
        if list == nil, let s = style.flatMap({ styles[$0] }) { list = s.list; level = level ?? s.level }
        guard let id = list, id != "0", let (abstract, starts) = lists[id], let defs = levels[abstract] else { return nil }
        let l = level ?? 0
        guard let def = defs[l], def.format != "bullet", def.format != "none" else { return nil }
        if started.insert(id).inserted {
            for (k, start) in starts { counters[abstract, default: [:]][k] = start - 1 }
        }
        var count = counters[abstract, default: [:]]
        count[l] = (count[l] ?? (def.start - 1)) + 1
        for deeper in count.keys where deeper > l { count[deeper] = nil }
        counters[abstract] = count
        var text = def.text
        for k in (0...l).reversed() {
            let value = count[k] ?? defs[k]?.start ?? 1
            text = text.replacingOccurrences(of: "%\(k + 1)", with: Self.format(value, defs[k]?.format ?? "decimal"))
        }
        return text
    }

    /// A counter in one of Word's number formats.
    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting":
            return chinese(n, digits: Array("〇一二三四五六七八九"), ten: "十")
        case "chineseLegalSimplified":
            return chinese(n, digits: Array("零壹贰叁肆伍陆柒捌玖"), ten: "拾")
        case "ideographTraditional":
            return (1...10).contains(n) ? String(Array("甲乙丙丁戊己庚辛壬癸")[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Character(Unicode.Scalar(0x245F + n)!)) : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "lowerLetter", "upperLetter":
            let letter = Character(Unicode.Scalar(UInt8(97 + (n - 1) % 26)))
            let s = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? s.uppercased() : s
        case "lowerRoman", "upperRoman":
            let s = roman(n)
            return format == "lowerRoman" ? s.lowercased() : s
        default:
            return String(n)
        }
    }

    /// 1 一, 10 十, 12 十二, 20 二十.
    static func chinese(_ n: Int, digits: [Character], ten: Character) -> String {
        guard n > 0, n < 1000 else { return String(n) }
        let hundreds = n / 100, tens = n / 10 % 10, ones = n % 10
        var s = ""
        if hundreds > 0 { s += "\(digits[hundreds])百" }
        if tens > 0 {
            s += (tens == 1 && hundreds == 0 ? "" : String(digits[tens])) + String(ten)
        } else if hundreds > 0 && ones > 0 {
            s.append(digits[0])
        }
        if ones > 0 { s.append(digits[ones]) }
        return s
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, s = ""
        for (value, letters) in table { while n >= value { s += letters; n -= value } }
        return s
    }

    // MARK: reading the parts

    private mutating func readNumbering(_ data: Data) {
        let walker = Walker()
        let parser = XMLParser(data: data)
        parser.delegate = walker
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        levels = walker.levels
        lists = walker.lists
    }

    private mutating func readStyles(_ data: Data) {
        let walker = Walker()
        let parser = XMLParser(data: data)
        parser.delegate = walker
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        styles = walker.styles.compactMapValues { s in s.list.map { ($0, s.level ?? 0) } }
    }

    /// Reads either part; each fills what it holds.
    private final class Walker: NSObject, XMLParserDelegate {
        var levels: [String: [Int: Level]] = [:]
        var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
        var styles: [String: (list: String?, level: Int?)] = [:]
        private var abstract: String?
        private var level: Int?
        private var list: String?
        private var override: Int?
        private var style: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let value = attributes["w:val"]
            switch name {
            case "w:abstractNum": abstract = attributes["w:abstractNumId"]
            case "w:lvl":
                level = attributes["w:ilvl"].flatMap { Int($0) }
                if let a = abstract, let l = level { levels[a, default: [:]][l] = Level() }
            case "w:start":
                if let a = abstract, let l = level, let v = value.flatMap({ Int($0) }) { levels[a]?[l]?.start = v }
            case "w:numFmt":
                if let a = abstract, let l = level, let v = value { levels[a]?[l]?.format = v }
            case "w:lvlText":
                if let a = abstract, let l = level, let v = value { levels[a]?[l]?.text = v }
            case "w:num": list = attributes["w:numId"]
            case "w:abstractNumId":
                if let n = list, let v = value { lists[n] = (v, lists[n]?.starts ?? [:]) }
            case "w:lvlOverride": override = attributes["w:ilvl"].flatMap { Int($0) }
            case "w:startOverride":
                if let n = list, let l = override, let v = value.flatMap({ Int($0) }) { lists[n]?.starts[l] = v }
            case "w:style": style = attributes["w:styleId"]
            case "w:numId":
                if let s = style, let v = value { styles[s, default: (nil, nil)].list = v }
            case "w:ilvl":
                if let s = style, let v = value.flatMap({ Int($0) }) { styles[s, default: (nil, nil)].level = v }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:abstractNum": abstract = nil
            case "w:lvl": level = nil
            case "w:num": list = nil
            case "w:lvlOverride": override = nil
            case "w:style": style = nil
            default: break
            }
        }
    }
}
