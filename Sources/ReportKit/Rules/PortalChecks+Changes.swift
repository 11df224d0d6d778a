// The checks across years again after a few reports changed, without comparing every series
// of the portal again (an edit of one report of 10,000 compared some 10,000 pairs of years).
//
// A report's diagnostics come only from the reports of its own series (same body; see
// `PortalChecks`), in their order, and a series whose reports are all the last check's — none
// added, removed or changed — gives them exactly what it gave them then. So the series a
// change touches (a changed report's now and before, an added report's, a removed one's) are
// checked again, by themselves, and every other report keeps what the last check gave it.

extension PortalChecks {
    /// What `check(entries)` gives, when the last check gave every entry not in `changed`
    /// (indices of entries added or changed since) what `kept` says (by index), and `gone`
    /// are the entries the last check had that are not in `entries` as they were (removed,
    /// or changed: their entries before). `entries` keep the last check's order among those
    /// it had (a build's reports come in path order).
    public static func check(_ entries: [Entry], changed: [Int], gone: [Entry], kept: (Int) -> [Diagnostic]) -> [Int: [Diagnostic]] {
        var touched = Set<String>()
        for i in changed { if let series = entries[i].series { touched.insert(series) } }
        for entry in gone { if let series = entry.series { touched.insert(series) } }
        var again: [Int] = []
        var found: [Int: [Diagnostic]] = [:]
        for (i, entry) in entries.enumerated() {
            // In no series (no year or no body), as `check` leaves it: nothing.
            guard entry.year != nil, let series = entry.series else { continue }
            if touched.contains(series) {
                again.append(i)
            } else {
                let last = kept(i)
                if !last.isEmpty { found[i] = last }
            }
        }
        for (k, diagnostics) in check(again.map { entries[$0] }) { found[again[k]] = diagnostics }
        return found
    }
}
