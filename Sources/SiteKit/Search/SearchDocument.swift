import ReportKit

/// One report as the search index sees it: a plain value, independent of how pages are
/// planned, so whatever walks the reports (today `SiteRenderer`, later a streaming build) can
/// hand them to `SearchIndexBuilder` one at a time and drop them.
///
/// `folder` is the report's site folder (`ningxiahuizuzizhiqu/…/zhangzhengzhen/2020/`): stable
/// when other reports are added, it is what keeps a report's document id from one build to the
/// next (`SearchIDs`).
public struct SearchDocument: Sendable, Hashable {
    /// The report's folder, relative to the site root, ending in `/`; also its URL.
    public var folder: String
    public var title: String
    /// The issuing body as shown (`兴庆区掌政镇人民政府`).
    public var body: String
    public var year: Int?
    /// Region names from the province down (`宁夏回族自治区`, `银川市`, `兴庆区`, `掌政镇`).
    public var chain: [String]
    /// The 12-digit division code of each name of `chain`, "" where it is not known.
    public var codes: [String]
    /// The division code of the most precise level known.
    public var code: String?
    /// Headline figures as label and printed value (`本年新收申请`, `3`), absent ones left out.
    public var figures: [(label: String, value: String)]
    /// The raw file's name in the folder (`source.txt`), from which the browser cuts snippets.
    public var source: String
    /// Everything a reader may look for beyond the title and names: the prose and the labels
    /// of the tables, as shown on the page.
    public var text: String

    public init(folder: String, title: String, body: String, year: Int?, chain: [String], codes: [String], code: String?,
                figures: [(label: String, value: String)], source: String, text: String) {
        self.folder = folder
        self.title = title
        self.body = body
        self.year = year
        self.chain = chain
        self.codes = codes
        self.code = code
        self.figures = figures
        self.source = source
        self.text = text
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.folder == b.folder && a.title == b.title && a.body == b.body && a.year == b.year && a.chain == b.chain
            && a.codes == b.codes && a.code == b.code && a.figures.map(\.label) == b.figures.map(\.label)
            && a.figures.map(\.value) == b.figures.map(\.value) && a.source == b.source && a.text == b.text
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(folder) }

    /// All the text the `x` keys are cut from: title, body, region names, prose and labels, each
    /// apart (`SearchText.hardBreak`): no phrase runs from one into the next.
    public var indexedText: String { ([title, body] + chain + [text]).joined(separator: SearchText.hardBreak) }

    /// What the index files this report under, for `nianbao extract --dump-search-text`
    /// (scripts/bench-search draws its queries and their answers from it): the text, the
    /// pinyin keys, and each region level's name with its syllables spaced and its initials.
    public var dumped: JSONValue {
        let places = chain.map { name in
            JSONValue.array([.string(name), .string(Pinyin.syllables(name).joined(separator: " ")), .string(Pinyin.initials(name))])
        }
        return .object([("source", .string(folder)), ("title", .string(title)), ("text", .string(indexedText)),
                        ("pinyin", .array(SearchKeys.pinyin(SearchKeys.names(self)).map(JSONValue.string))),
                        ("places", .array(places))])
    }
}
