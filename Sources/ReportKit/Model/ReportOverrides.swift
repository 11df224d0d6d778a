/// Fields a publisher sets in a report's front matter (YAML between `---` lines at the top
/// of the file) to fix what the text cannot tell. Passed into the parse (`ParseInput`), so a
/// set field replaces the extracted one *before* the checks it settles are made (a report
/// whose year comes from front matter never gets `report.noYear`; one whose region is given
/// is never sent to the resolver). Each override is noted as an `info` diagnostic so a
/// reader can see it.
public struct ReportOverrides: Hashable, Sendable {
    public var body: String?
    public var region: Region?
    public var year: Int?
    public var published: String?
    public var format: Format?
    /// The line of the front matter block (1), for the diagnostics.
    public var line: Int

    public init(body: String? = nil, region: Region? = nil, year: Int? = nil, published: String? = nil, format: Format? = nil, line: Int = 1) {
        self.body = body
        self.region = region
        self.year = year
        self.published = published
        self.format = format
        self.line = line
    }

    public var isEmpty: Bool { body == nil && region == nil && year == nil && published == nil && format == nil }

    /// The `frontMatter.override` note for one field: what the text said and what was set.
    func note(_ field: String, old: String?, new: String) -> Diagnostic {
        .info("frontMatter.override", "front matter 将 \(field) 设为「\(new)」（正文读出的是「\(old ?? "无")」）", line: line)
    }
}
