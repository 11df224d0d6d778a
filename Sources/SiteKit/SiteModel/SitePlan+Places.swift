import Foundation

/// What a rebuild compares so that a plan of another shape (a report added, removed or moved)
/// takes again only the frames it must (`Pipeline.draw`, docs/manifest.md "Deciding what to
/// draw again"). A page that is not about the whole site takes from the plan the summaries
/// of the reports it lists and the places of those reports in the site map, and nothing
/// else but what its `Page.mapInputs` digests (a county's redirect: its county's name and
/// folder); so it keeps the last build's frame digest when it lists the same reports, by id,
/// with the same map inputs, and none of them changed its content, its summary or its place.
extension SitePlan {
    /// Per report, a digest of where it sits in the site map: everything of the map a page
    /// listing it may show — its folder, its body (key, folder, name, own part, the region and
    /// codes the body was made from), the link of its town's government, and every place of
    /// its chain (name, code, folder, older folder, whether it has its own government and where).
    /// Adding a report changes the places of the reports it moves or renames, and of the
    /// reports of the town whose government it is the first report of: no others.
    func placeDigests() -> [UInt64] {
        let nodeDigests = map.nodes.map { n -> UInt64 in
            var d = Digest()
            d.add(n.key); d.add(n.level.rawValue); d.add(n.name); d.add(n.code); d.add(n.folder); d.add(n.legacyFolder)
            d.add(n.own.map { map.identities[$0].folder })
            return d.value
        }
        let identityDigests = map.identities.map { id -> UInt64 in
            var d = Digest()
            d.add(id.key); d.add(id.folder); d.add(id.name); d.add(id.ownPart)
            let r = id.region
            for part in [r.province, r.city, r.county, r.town, r.code, r.codes.province, r.codes.city, r.codes.county, r.codes.town] {
                d.add(part)
            }
            if let node = id.node {
                for n in map.chain(node) { d.add(nodeDigests[n]) }
            }
            d.add(id.county != nil)  // its place, in the chain above; an index would move when places are added
            if !id.town.isEmpty {
                let townKey = (id.node.map { map.nodes[$0].key } ?? "") + "|" + id.town + "|"
                d.add(identityByKey[townKey].map { map.identities[$0].folder })
            }
            return d.value
        }
        return summaries.indices.map { i in
            var d = Digest()
            d.add(identityDigests[map.reportIdentity[i]])
            d.add(map.reportFolder[i])
            return d.value
        }
    }

    /// The digest of which reports a page lists and is drawn from, by id (`ids`: each report's
    /// id digested, in plan order), and of what else it reads of the map (`Page.mapInputs`);
    /// `nil` for a page about the whole site.
    func membership(of page: any Page, ids: [UInt64]) -> UInt64? {
        guard let listed = page.summaries else { return nil }
        var d = Digest()
        // Only a kind that reads the map has them: every other page's membership is its list's.
        if let inputs = page.mapInputs(in: self) { d.add(inputs) }
        d.add(page.reports.count)
        for r in page.reports { d.add(ids[r]) }
        d.add(listed.count)
        for r in listed { d.add(ids[r]) }
        return d.value
    }
}
