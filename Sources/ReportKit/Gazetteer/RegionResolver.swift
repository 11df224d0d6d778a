/// Places a report on the gazetteer from every clue its text gives.
///
/// The issuing body (else the signature, else the title) names the subject: the first chain of
/// place names in it (`兴庆区掌政镇人民政府` → 兴庆区 › 掌政镇) gives the candidates, at the level
/// the body sits (a county department stays at the county). When more than one candidate
/// remains, the other clues narrow them in order of trust — title, signature, address lines,
/// the 统计期限 and intro sentences, the opening and closing lines, the folder, website hosts,
/// telephone area codes — each used only if it keeps at least one candidate. A clue never adds
/// precision the subject does not name: it can pick one of 88 城关镇, never turn a county
/// body into a town. A place is assigned only when one candidate remains; otherwise the
/// region keeps what all candidates share and `region.ambiguous` lists them, because a wrong
/// place is much worse than an unknown one.
public struct RegionResolver: RegionResolving {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    public func resolve(_ clues: RegionClues) -> (Region, [Diagnostic]) {
        let g = gazetteer
        var candidates: [Int32] = []
        for source in [clues.body, clues.signature, clues.title] {
            guard let source, !source.isEmpty else { continue }
            if let chain = g.chains(in: Self.head(source)).first(where: { !$0.rows.isEmpty }) {
                candidates = chain.rows
                break
            }
        }
        if candidates.isEmpty {
            // Nothing in the text names a place: the folder the author filed it under may.
            candidates = ContextClues.folderRows(clues.folder, gazetteer: g)
        }
        guard !candidates.isEmpty else {
            return (.unknown, [.regionUnresolved(clues)])
        }
        // The context is read only when it is needed.
        let narrowing = candidates.count > 1 ? ContextClues(clues, gazetteer: g).narrowing : []
        for clue in narrowing where candidates.count > 1 {
            // Related: the clue names the candidate, a place above it, or a place below it.
            let clueAndAbove = Set(clue)
            let clueLineage = g.selfAndAncestors(of: clue)
            let kept = candidates.filter { g.selfOrAncestor(of: $0, isIn: clueAndAbove) || clueLineage.contains($0) }
            if !kept.isEmpty { candidates = kept }
        }
        if candidates.count == 1 {
            return (g.region(row: candidates[0]), [])
        }
        let region = g.commonAncestor(of: candidates).map(g.region(row:)) ?? .unknown
        return (region, [.regionAmbiguous(candidates.map { g.chain(code: g.code(of: $0)) }, clues)])
    }
}

extension RegionResolver {
    /// A body, title or signature longer than this is not one; only its start is read.
    static let headLength = 200

    static func head(_ text: String) -> [Unicode.Scalar] {
        Array(text.unicodeScalars.prefix(headLength))
    }
}

extension Diagnostic {
    /// The text names several places that fit equally well.
    static func regionAmbiguous(_ chains: [[Division]], _ clues: RegionClues) -> Diagnostic {
        let shown = chains.prefix(8).map { chain in
            chain.map(\.name).joined(separator: "/") + " (\(chain.last?.code ?? ""))"
        }
        let more = chains.count > shown.count ? "，另有 \(chains.count - shown.count) 处" : ""
        let name = clues.body ?? clues.signature ?? clues.title ?? ""
        return .info("region.ambiguous",
                     "地区不唯一：「\(name)」可指 \(chains.count) 处：\(shown.joined(separator: "；"))\(more)；可在 front matter 写 region: 指定",
                     line: clues.bodyLine)
    }

    /// Nothing in the text names a division.
    static func regionUnresolved(_ clues: RegionClues) -> Diagnostic {
        let name = clues.body ?? clues.signature ?? clues.title ?? ""
        let from = name.isEmpty ? "正文" : "「\(name)」及正文"
        return .warning("region.unresolved",
                        "未能从\(from)确定地区；可在 front matter 写 region: 指定",
                        line: clues.bodyLine)
    }
}
