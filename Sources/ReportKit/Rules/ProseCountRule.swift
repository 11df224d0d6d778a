import Foundation

/// Checks: counts the prose states (共收到政府信息公开申请N件, 上年结转N件, 结转下年度N件,
/// 行政复议N件/起, 行政诉讼N件/起, legacy 主动公开政府信息N条) against the tables.
/// Reports: `applications.prose` / `review.prose` / `legacy.prose` on the prose line.
///
/// Careful about false alarms: prose may honestly count something else — new plus carried
/// over, the results total, one group of litigation — so any of those readings is accepted,
/// and a count is taken only when the number follows its keyword within one clause.
public struct ProseCountRule: ReportRule {
    public var name: String { "prose" }
    public init() {}

    struct Probe: Sendable {
        let code: Diagnostic.Code
        let keywords: [String]
        let requires: [String]
        let units: Set<Unicode.Scalar>
        let what: String
        let accepted: @Sendable (Report) -> [Decimal]
    }

    static func total(_ r: Report, _ row: String) -> Decimal? { r.tables.applications?.value(row, "total") }
    static func reviewTotal(_ r: Report, _ row: String) -> Decimal? { r.tables.review?.value(row, "total") }

    static let probes: [Probe] = [
        Probe(code: "applications.prose", keywords: ["申请"], requires: ["收到", "受理"], units: ["件", "条", "个"], what: "收到申请",
              accepted: { r in
                  guard let n = total(r, "newReceived") else { return [] }
                  var list = [n]
                  if let c = total(r, "carriedOver") { list.append(n + c) }
                  if let t = total(r, "resultsTotal") { list.append(t) }
                  return list
              }),
        Probe(code: "applications.prose", keywords: ["上年结转"], requires: [], units: ["件", "条", "个"], what: "上年结转",
              accepted: { r in total(r, "carriedOver").map { [$0] } ?? [] }),
        Probe(code: "applications.prose", keywords: ["结转下年度", "结转至下年度", "结转到下年度", "结转下一年度"], requires: [], units: ["件", "条", "个"], what: "结转下年度",
              accepted: { r in total(r, "carriedForward").map { [$0] } ?? [] }),
        Probe(code: "review.prose", keywords: ["行政复议"], requires: [], units: ["件", "起"], what: "行政复议",
              accepted: { r in reviewTotal(r, "review").map { [$0] } ?? [] }),
        Probe(code: "review.prose", keywords: ["行政诉讼"], requires: [], units: ["件", "起"], what: "行政诉讼",
              accepted: { r in
                  guard let a = reviewTotal(r, "litigationDirect"), let b = reviewTotal(r, "litigationAfterReview") else { return [] }
                  return [a, b, a + b]
              }),
        Probe(code: "legacy.prose", keywords: ["主动公开政府信息", "主动公开信息"], requires: [], units: ["条"], what: "主动公开政府信息",
              // One platform's share (政府网站公开584条) is honest prose too: any row of the form counts.
              accepted: { r in
                  guard let legacy = r.tables.legacy, let total = legacy.activeTotal else { return [] }
                  // A cumulative figure (历年累计) is honest prose too: both parts of every
                  // run-together cell are accepted.
                  var accepted = [total] + legacy.rows.compactMap(\.value)
                  for row in legacy.rows {
                      if let text = row.text { accepted += LegacyTableRecognizer.splits(text).flatMap { [$0.0, $0.1] } }
                  }
                  return accepted
              }),
    ]

    static let clauseBreaks: Set<Unicode.Scalar> = ["，", "。", "；", ",", ";", ":", "：", "、", "(", ")", "（", "）", "其", "和", "及", "与", "共"]

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let active = Self.probes.map { $0.accepted(report) }
        guard active.contains(where: { !$0.isEmpty }) else { return [] }
        let keywords = Self.probes.indices.filter { !active[$0].isEmpty }.flatMap { Self.probes[$0].keywords }
        var flagged = Set<String>()
        // A table row (tab) is no prose, and a count needs a digit and a keyword.
        for line in lines where !UTF8Text.hasTab(line.text) && UTF8Text.hasDigit(line.text) {
            let compact = Normalizer.compact(line.text)
            guard keywords.contains(where: { UTF8Text.contains(compact, $0) }) else { continue }
            let text = Array(compact.unicodeScalars)
            guard UTF8Text.length(compact) >= 6 else { continue }
            for (p, probe) in Self.probes.enumerated() where !active[p].isEmpty {
                for n in Self.counts(in: text, probe: probe) where !active[p].contains(n) {
                    // Legacy prose lists shares (县直各单位主动公开政府信息303条): only a count
                    // above the table's total cannot be a part of it.
                    if probe.code == "legacy.prose", let total = active[p].first, n <= total { continue }
                    guard flagged.insert("\(p)@\(line.number)").inserted else { continue }
                    out.append(.warning(probe.code, "正文称\(probe.what) \(n)，与表格 \(active[p][0]) 不符", line: line.number))
                }
            }
        }
        return out
    }

    /// Numbers stated for the probe's keyword in one line of prose (its scalars, whitespace removed).
    static func counts(in text: [Unicode.Scalar], probe: Probe) -> [Decimal] {
        var result: [Decimal] = []
        @inline(__always) func digit(_ s: Unicode.Scalar) -> Bool { s.value &- 0x30 < 10 }
        for keyword in probe.keywords {
            let k = Array(keyword.unicodeScalars)
            var i = 0
            while i + k.count <= text.count {
                guard text[i] == k[0], text[i..<(i + k.count)].elementsEqual(k) else { i += 1; continue }
                if !probe.requires.isEmpty {
                    let before = text[max(0, i - 14)..<i]
                    let clause = before.split(whereSeparator: { clauseBreaks.contains($0) && $0 != "共" }).last.map(Array.init) ?? []
                    guard probe.requires.contains(where: { word in
                        let w = Array(word.unicodeScalars)
                        return clause.count >= w.count && (0...(clause.count - w.count)).contains { clause[$0..<($0 + w.count)].elementsEqual(w) }
                    }) else { i += k.count; continue }
                }
                var j = i + k.count
                var gap = 0
                while j < text.count, !digit(text[j]), !clauseBreaks.contains(text[j]) || text[j] == "共", gap < 8 { j += 1; gap += 1 }
                var value = 0
                var digits = 0
                while j < text.count, digit(text[j]) { value = value &* 10 &+ Int(text[j].value - 0x30); digits += 1; j += 1 }
                if digits > 0, digits <= 7, j < text.count, probe.units.contains(text[j]) {
                    result.append(Decimal(value))
                }
                i += k.count
            }
        }
        return result
    }
}
