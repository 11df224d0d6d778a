import Foundation

/// What every output file was made from, written with each build to
/// `.nianbao/manifest.json` in the output folder (docs/manifest.md). Nothing reads it yet: an
/// incremental build compares a page's inputs with the last build's and draws again only
/// the pages whose inputs changed.
///
/// Hashes are written once: a report's in `reports`, a template's in `templates`, the site
/// settings' in `config`; a file's entry names them.
struct Manifest: Sendable {
    /// The manifest's own format; raised when a key changes meaning.
    static let format = 1
    /// Where it is written in the output folder. Hidden: not a page, never linked.
    static let path = ".nianbao/manifest.json"

    /// One output file's inputs.
    struct Entry: Sendable, Equatable {
        /// The page kind (`report`, `county` …; `asset`, `search-index` for files that are not pages).
        var kind: String
        /// The theme templates it is drawn with, partials included; empty for a data file.
        var templates: [String] = []
        /// Drawn with the site settings (every HTML page: title, language, links, base URL).
        var config = false
        /// Reports whose full text it is drawn from (indices into the summaries).
        var reports: [Int] = []
        /// Reports whose summary it shows.
        var summaries: [Int] = []
        /// What it depends on of every report: `summaries` (home, lists, sitemap), `reports`
        /// (the search index), or `nil`.
        var site: String?
        /// Digest of its frame: what it takes from the site plan (links, names, counts, the
        /// summaries it lists); `nil` for a file that takes nothing from it.
        var frame: String?
        /// Digest of its bytes, for a file copied as is (a theme asset).
        var data: String?
    }

    let version: String
    let config: String
    let templates: [String: String]
    let reports: [ReportSummary]
    /// Every file's entry as given, and the order they are written in: sorted by path, one per
    /// path. The entries are not moved into that order (60,000 copies of an entry's strings
    /// and lists at 10,000 reports).
    private let paths: [String]
    private let entries: [Entry]
    private let order: [Int]

    /// Every file's entry, sorted by path, one per path.
    var files: [(path: String, entry: Entry)] { order.map { (paths[$0], entries[$0]) } }

    init(version: String, config: String, templates: [String: String], reports: [ReportSummary], files: [String: Entry]) {
        self.init(version: version, config: config, templates: templates, reports: reports, entries: files.map { ($0.key, $0.value) })
    }

    /// With the files' entries in any order; of two for one path, the first. The build gives
    /// them in a few sorted runs (the pages in the plan's order, then the files made beside
    /// them), which are merged, one comparison of paths an entry: sorting 60,000 paths (at
    /// 10,000 reports) was a third of the manifest's time, and most of it again as a sort of
    /// the runs. Entries in many runs (not the build's) are sorted.
    init(version: String, config: String, templates: [String: String], reports: [ReportSummary], entries: [(String, Entry)]) {
        self.init(version: version, config: config, templates: templates, reports: reports, paths: entries.map(\.0),
                  entries: entries.map(\.1))
    }

    /// The same with each file's path in `paths` and its entry in `entries`, at the same
    /// index: apart, the paths are compared without copying a pair out with its entry.
    init(version: String, config: String, templates: [String: String], reports: [ReportSummary], paths: [String], entries: [Entry]) {
        precondition(paths.count == entries.count, "a path for each entry")
        self.version = version
        self.config = config
        self.templates = templates
        self.reports = reports
        self.paths = paths
        self.entries = entries
        var runs: [Range<Int>] = []
        var start = 0
        for i in paths.indices.dropFirst() where !(paths[i - 1] < paths[i]) {
            runs.append(start..<i)
            start = i
        }
        if !paths.isEmpty { runs.append(start..<paths.count) }
        // Each run merged into the runs before it; on a tie the earlier entry comes first.
        var order: [Int]
        if runs.count <= 16 {
            order = runs.first.map(Array.init) ?? []
            for run in runs.dropFirst() {
                var merged: [Int] = []
                merged.reserveCapacity(order.count + run.count)
                var a = 0, b = run.lowerBound
                while a < order.count, b < run.upperBound {
                    if paths[b] < paths[order[a]] {
                        merged.append(b)
                        b += 1
                    } else {
                        merged.append(order[a])
                        a += 1
                    }
                }
                merged += order[a...]
                merged += b..<run.upperBound
                order = merged
            }
        } else {
            order = paths.indices.sorted { paths[$0] < paths[$1] }
        }
        var unique: [Int] = []
        unique.reserveCapacity(order.count)
        for i in order where unique.last.map({ paths[$0] }) != paths[i] { unique.append(i) }
        self.order = unique
    }

    /// The site settings that change what is drawn. The theme folder's path does not (its
    /// templates and assets are hashed one by one), nor does a relative base URL.
    static func digest(_ config: SiteConfig) -> String {
        var d = Digest()
        d.add(config.title)
        d.add(config.absoluteBase)
        d.add(config.language)
        d.add(config.linksToIndexFiles)
        d.add(DigestEncoder.digest(config.deadlines).value)
        return d.hex
    }

    /// The manifest as JSON, one report and one file per line so two builds' manifests diff
    /// line by line; keys sorted.
    ///
    /// Written straight into one string, each report id quoted once and each list of
    /// templates once per kind: with a `JSONValue` tree per line it was 14 % of an edit-one
    /// rebuild at 10,000 reports (60,000 lines). The bytes are `JSONValue`'s
    /// (`ManifestTests.theJSONIsTheTreesSerialised`).
    var json: String { json(reusing: nil) }

    /// The same bytes, with the line of each file `unchanged` names copied from `previous` (the
    /// last build's manifest, found whole: the live site's table vouches for it) instead of
    /// written again, when it has a line for that file: a rebuild after one edit writes a few
    /// of the 60,000 lines at 10,000 reports. A file's line holds its entry with its reports
    /// named by id, so `unchanged` must say a file only when its entry and the ids of its
    /// reports are the last build's (`Pipeline.draw`: the same inputs and the same list).
    func json(reusing previous: Data?, unchanged: (String) -> Bool = { _ in false }) -> String {
        String(decoding: data(reusing: previous, unchanged: unchanged), as: UTF8.self)
    }

    /// The same as bytes, as they are written (12.8 MB at 10,000 reports: not copied into a
    /// string and back, nor the last manifest into an array).
    func data(reusing previous: Data?, unchanged: (String) -> Bool = { _ in false }) -> Data {
        data(reusing: previous, unchangedAt: { unchanged(paths[$0]) })
    }

    /// The same, with the files whose lines may be copied named by their index in the entries
    /// as given (`init(…paths:entries:)`): the build knows them by the index of the planned
    /// page, and looking 60,000 paths up in sets cost more than copying their lines.
    ///
    /// The lines copied are found with their keys compared to the path's bytes as they are (a
    /// path with nothing JSON escapes, as nearly all are; others are quoted first), and a run
    /// of lines that follow one another in the last manifest is copied as one block of bytes,
    /// the separators between them with it: an edit at 10,000 reports copies a few blocks, not
    /// 60,000 lines.
    func data(reusing previous: Data?, unchangedAt unchanged: (Int) -> Bool) -> Data {
        // Each id quoted when a line written names it (a rebuild copies nearly every line).
        var ids = [String?](repeating: nil, count: reports.count)
        func id(_ i: Int) -> String {
            if let quoted = ids[i] { return quoted }
            let quoted = JSONValue.quoted(reports[i].id)
            ids[i] = quoted
            return quoted
        }
        let idLength = reports.lazy.map { $0.id.utf8.allSatisfy(Self.isPlain) ? $0.id.utf8.count + 2 : JSONValue.quoted($0.id).utf8.count }.max() ?? 0
        var out = Data()
        // With the last manifest: its bytes hold every line copied from it (and its head, the
        // same), so its size, the reports' lines at their longest and the lines written again
        // bound the file, without a pass over the 60,000 entries copied.
        if let previous {
            let written = order.filter { !unchanged($0) }.map { (self.paths[$0], self.entries[$0]) }
            out.reserveCapacity(previous.count + reports.count * (idLength + 64) + Self.capacity(entries: written, idLength: idLength, ids: 0))
        } else {
            out.reserveCapacity(Self.capacity(entries: order.lazy.map { (self.paths[$0], self.entries[$0]) }, idLength: idLength, ids: reports.count))
        }
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        put("{\n\"format\":\(Self.format),\n\"nianbao\":" + JSONValue.quoted(version) + ",\n\"config\":" + JSONValue.quoted(config) + ",\n")
        put("\"templates\":" + JSONValue.object(templates.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).serialized())
        put(",\n\"reports\":{\n")
        // A string JSON escapes nothing of (a digest, nearly every id) is put between quotes as
        // it is: 10,000 reports' lines without a string made for each piece.
        func putQuoted(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                if utf8.allSatisfy(Self.isPlain) {
                    out.append(0x22)
                    out.append(contentsOf: utf8)
                    out.append(0x22)
                } else {
                    put(JSONValue.quoted(String(decoding: utf8, as: UTF8.self)))
                }
            }
        }
        // The scan gives the reports in the order of their ids: sorted only when they are not.
        let inOrder = reports.indices.dropFirst().allSatisfy { reports[$0 - 1].id < reports[$0].id }
        let byID = inOrder ? Array(reports.indices) : reports.indices.sorted(by: { reports[$0].id < reports[$1].id })
        for (n, i) in byID.enumerated() {
            if n > 0 { put(",\n") }
            putQuoted(reports[i].id)
            put(":{\"content\":")
            putQuoted(reports[i].content)
            put(",\"summary\":")
            putQuoted(reports[i].summary)
            put("}")
        }
        put("\n},\n\"files\":{\n")
        // The last manifest's lines, walked beside the new ones (both in path order): a line is
        // copied only when its key is the path's to the byte, so a line passed over or an order
        // that differs (a path with escaped characters) only costs the writing of a line.
        let oldLines = previous.map(Self.fileLines) ?? []
        // The old bytes' address taken once for every line (not a `Data` and its lines copied
        // out of an optional, and the bytes' address taken again, for each of 60,000 lines).
        (previous ?? Data()).withUnsafeBytes { old in
            var cursor = 0
            // The block of old bytes to copy next: lines that follow one another, with the
            // separators between them.
            var pending: Range<Int>?
            func flush() {
                guard let run = pending else { return }
                out.append(old.baseAddress!.advanced(by: run.lowerBound).assumingMemoryBound(to: UInt8.self), count: run.count)
                pending = nil
            }
            var templateLists: [String: (names: [String], json: String)] = [:]
            func list(_ indices: [Int]) -> String { "[" + indices.map(id).joined(separator: ",") + "]" }
            for (n, i) in order.enumerated() {
                if !oldLines.isEmpty, unchanged(i), let found = Self.line(of: paths[i], in: old, lines: oldLines, cursor: &cursor) {
                    // A line right after the block's last (a comma and a line break between): the block grows.
                    if let run = pending, found.lowerBound == run.upperBound + 2 {
                        pending = run.lowerBound..<found.upperBound
                    } else {
                        flush()
                        if n > 0 { put(",\n") }
                        pending = found
                    }
                    continue
                }
                flush()
                if n > 0 { put(",\n") }
                let e = entries[i]
                put(JSONValue.quoted(paths[i]) + ":{\"kind\":" + JSONValue.quoted(e.kind))
                if !e.templates.isEmpty {
                    let quoted: String
                    if let known = templateLists[e.kind], known.names == e.templates {
                        quoted = known.json
                    } else {
                        quoted = "[" + e.templates.map(JSONValue.quoted).joined(separator: ",") + "]"
                        templateLists[e.kind] = (e.templates, quoted)
                    }
                    put(",\"templates\":" + quoted)
                }
                if e.config { put(",\"config\":true") }
                if !e.reports.isEmpty { put(",\"reports\":" + list(e.reports)) }
                if !e.summaries.isEmpty { put(",\"summaries\":" + list(e.summaries)) }
                if let site = e.site { put(",\"site\":" + JSONValue.quoted(site)) }
                if let frame = e.frame { put(",\"frame\":" + JSONValue.quoted(frame)) }
                if let data = e.data { put(",\"data\":" + JSONValue.quoted(data)) }
                put("}")
            }
            flush()
        }
        put("\n}\n}\n")
        return out
    }

    /// The old line whose key is `path`, looked for from `cursor` on (old lines before it whose
    /// keys sort before the path's are passed over); `nil` when the next line's key sorts
    /// after it. A path with nothing JSON escapes is compared as its bytes with the key between
    /// its quotes (no string made); any other, quoted.
    static func line(of path: String, in raw: UnsafeRawBufferPointer, lines: [(line: Range<Int>, keyEnd: Int)],
                     cursor: inout Int) -> Range<Int>? {
        var path = path
        return path.withUTF8 { utf8 -> Range<Int>? in
            let plain = utf8.allSatisfy(isPlain)
            let wanted = plain ? nil : Array(JSONValue.quoted(String(decoding: utf8, as: UTF8.self)).utf8)
            while cursor < lines.count {
                let (line, keyEnd) = lines[cursor]
                let order = wanted.map { compare(UnsafeRawBufferPointer(rebasing: raw[line.lowerBound..<keyEnd]), $0) }
                    ?? compare(UnsafeRawBufferPointer(rebasing: raw[(line.lowerBound + 1)..<(keyEnd - 1)]), UnsafeRawBufferPointer(utf8))
                if order == 0 {
                    cursor += 1
                    return line
                }
                // A line of a file this build no longer has (or not in this order): passed over.
                guard order < 0 else { return nil }
                cursor += 1
            }
            return nil
        }
    }

    /// A little more than the file's bytes, from each entry's path and fields, the length of
    /// the longest report id quoted as written (`idLength`) and the number of reports. The file
    /// must not outgrow it: a `Data` that does grows to twice its size, the old and the new
    /// bytes alive at once (at 50,000 reports, 61 MB in a reservation of 49 MB became 147 MB
    /// for a moment, the peak of the build).
    static func capacity<Files: Sequence<(String, Entry)>>(entries files: Files, idLength: Int, ids count: Int) -> Int {
        let id = idLength + 1
        var bytes = 256 + count * (id + 50)
        for (path, e) in files {
            bytes += path.utf8.count + e.kind.utf8.count + 16
            if !e.templates.isEmpty { bytes += e.templates.reduce(16) { $0 + $1.utf8.count + 3 } }
            if e.config { bytes += 14 }
            if !e.reports.isEmpty { bytes += 12 + e.reports.count * id }
            if !e.summaries.isEmpty { bytes += 14 + e.summaries.count * id }
            bytes += (e.site.map { $0.utf8.count + 10 } ?? 0) + (e.frame.map { $0.utf8.count + 11 } ?? 0)
                + (e.data.map { $0.utf8.count + 10 } ?? 0)
        }
        // Characters escaped in JSON (rare in paths and ids) take more than one byte.
        return bytes + bytes / 16
    }

    /// Whether JSON leaves this byte of a string as it is (`JSONValue.quoted`: not a control
    /// character, a quote, a backslash, `<`, `>`, `&`, nor the lead byte of U+2028 and U+2029).
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x3E && byte != 0x26 && byte != 0xE2
    }

    /// The order of two byte strings (`memcmp`, then the shorter first): negative, 0 or positive.
    static func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { compare(a, $0) }
    }

    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = Swift.min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order != 0 ? Int(order) : a.count - b.count
    }

    /// Where each file's line is in a manifest's bytes, in order (without the comma that ends
    /// it), with where its quoted path ends; none when the bytes are not laid out as `json`
    /// writes them. A path holds no backslash (`OutputWriter.isSafe`), so its quoted form ends
    /// at the first quote not escaped; a raw line break is only ever between lines (JSON
    /// escapes it in a string).
    static func fileLines(_ data: Data) -> [(line: Range<Int>, keyEnd: Int)] {
        data.withUnsafeBytes { fileLines($0.bindMemory(to: UInt8.self)) }
    }

    /// The same over raw bytes (offsets from their start); line ends found with `memchr`.
    static func fileLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [(line: Range<Int>, keyEnd: Int)] {
        let marker = Array("\n\"files\":{\n".utf8), tail = Array("\n}\n}\n".utf8)
        guard bytes.count >= marker.count + tail.count, bytes.suffix(tail.count).elementsEqual(tail) else { return [] }
        var found: Int?
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == 0x0A, bytes[i + 1] == 0x22, bytes[i..<(i + marker.count)].elementsEqual(marker) {
                found = i
                break
            }
            i += 1
        }
        guard let found else { return [] }
        var lines: [(line: Range<Int>, keyEnd: Int)] = []
        var start = found + marker.count
        let end = bytes.count - tail.count
        guard let base = bytes.baseAddress else { return [] }
        while start < end {
            let stop = memchr(base + start, 0x0A, end - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? end
            if bytes[start] == 0x22 {
                let line = start..<(bytes[stop - 1] == 0x2C ? stop - 1 : stop)
                var close = line.lowerBound + 1
                while close < line.upperBound, bytes[close] != 0x22 || bytes[close - 1] == 0x5C { close += 1 }
                if close < line.upperBound { lines.append((line, close + 1)) }
            }
            start = stop + 1
        }
        return lines
    }
}
