import Foundation

/// What `serve`'s builds reuse of the last build because it is a function of inputs that did
/// not change: the work a rebuild after one report's edit did again for all 10,000.
extension WarmCache {
    /// Each report's search document digest (`SearchIndexBuilder.documentDigests`), the last
    /// build's for a report with the same content digest (`ReportSummary.content`: its search
    /// entry and raw file's name are functions of it) in the same folder under the same name;
    /// worked out for the others. `made` counts those. The memo keeps this build's only.
    func searchDigests(for plan: SitePlan) -> (digests: [UInt64], made: Int) {
        let last = lock.withLock { searchDigestMemo }
        var made = 0
        var next: [String: SearchDigestMemo] = [:]
        next.reserveCapacity(plan.summaries.count)
        let digests = plan.summaries.indices.map { i -> UInt64 in
            let summary = plan.summaries[i]
            let folder = plan.map.reportFolder[i], name = plan.identity(ofReport: i).name
            if let known = last[summary.content], known.folder == folder, known.name == name {
                next[summary.content] = known
                return known.digest
            }
            made += 1
            let digest = SearchIndexBuilder.documentDigest(folder: folder, name: name, rawName: summary.rawName, entry: summary.search)
            next[summary.content] = (folder, name, digest)
            return digest
        }
        lock.withLock { searchDigestMemo = next }
        return (digests, made)
    }
}

extension WarmCache {
    /// The last build's summaries, by the record's path (`summary(of:across:in:)`).
    func lastSummaries() -> [String: SummaryMemo] { lock.withLock { summaryMemo } }

    /// The last build's summary of `record` with `across`, when it was made of a record of the
    /// same file (path, source and hash: the same facts) with the same diagnostics across
    /// reports: a summary is a function of these alone (`ReportSummary.init(_:facts:across:)`).
    static func summary(of record: ReportRecord, across: [Diagnostic], in last: [String: SummaryMemo]) -> ReportSummary? {
        guard let known = last[record.path], known.hash == record.hash, known.source == record.source, known.across == across else {
            return nil
        }
        return known.summary
    }

    /// Keeps this build's summaries (`summaries[i]`, made of `records[i]` with `across[i]`) for the next.
    func keep(summaries: [ReportSummary], of records: [ReportRecord], across: [[Diagnostic]]) {
        var next: [String: SummaryMemo] = [:]
        next.reserveCapacity(records.count)
        for i in records.indices { next[records[i].path] = (records[i].hash, records[i].source, across[i], summaries[i]) }
        lock.withLock { summaryMemo = next }
    }
}

/// A report's summary and what it was made of; its search document digest and where the plan
/// put it when it was made.
typealias SummaryMemo = (hash: UInt64?, source: String, across: [Diagnostic], summary: ReportSummary)
typealias SearchDigestMemo = (folder: String, name: String, digest: UInt64)
