/// What the text tells about where a report's body sits, gathered by the parser and handed
/// to a resolver. The parser knows the structure (which line is the title, which the
/// signature); the resolver knows the map. It may mine `lines` for more clues (addresses,
/// website hosts, phone area codes, the 统计期限 paragraph).
public struct RegionClues: Hashable, Sendable {
    /// The issuing body as the report names it (`兴庆区掌政镇人民政府`).
    public var body: String?
    /// The title line(s).
    public var title: String?
    /// The body named under the signature, when there is one.
    public var signature: String?
    /// The folder the file sits in, relative to the content folder (`ningxia/yinchuan`), or "".
    public var folder: String
    /// The whole normalised text.
    public var lines: [SourceLine]
    /// The line where the body is named, for diagnostics.
    public var bodyLine: Int?

    public init(body: String?, title: String?, signature: String?, folder: String, lines: [SourceLine], bodyLine: Int?) {
        self.body = body
        self.title = title
        self.signature = signature
        self.folder = folder
        self.lines = lines
        self.bodyLine = bodyLine
    }
}

/// Places a report on the map of divisions. Rule: a place is assigned only when one
/// candidate remains; otherwise the region keeps what is certain and a diagnostic lists the
/// candidates.
public protocol RegionResolving: Sendable {
    func resolve(_ clues: RegionClues) -> (Region, [Diagnostic])
}
