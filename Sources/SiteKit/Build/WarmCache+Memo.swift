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

/// A report's search document digest and where the plan put it when it was made.
typealias SearchDigestMemo = (folder: String, name: String, digest: UInt64)
