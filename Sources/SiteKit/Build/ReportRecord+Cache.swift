import Foundation

// A record's bytes in the build cache. Every field of `ReportRecord` is written; a field added
// there without a line here does not compile (the initialisers name every field), and a
// changed layout is a new `BuildCache.format`.

extension ReportRecord {
    /// The record's head (`reports.bin`): all but its facts, which are at `place` in the
    /// bodies file (`CacheBodies`), its summary (`KeptSummary`) at `summary`; `place` is `nil`
    /// only for a record with no facts, `summary` for one with no summary made.
    func writeHead(to w: inout CacheWriter, place: CacheBodies.Place?, summary: CacheBodies.Place?) {
        w.string(path)
        w.string(source)
        w.bool(hash != nil)
        if let hash { w.fixed(hash) }
        w.bool(problems != nil)
        if let problems { w.array(problems) { $0.diagnostic($1) } }
        w.bool(place != nil)
        guard let place else { return }
        // The diagnostics with the head, read by every build; the rest from the bodies,
        // decoded only when asked for (`LazyFacts`).
        w.array(diagnostics) { $0.diagnostic($1) }
        w.place(place)
        w.bool(summary != nil)
        if let summary { w.place(summary) }
    }

    /// Where the record's facts are in `bodies` when they are there already.
    func place(in bodies: CacheBodies?) -> CacheBodies.Place? {
        guard let bodies, let stored = lazyFacts?.stored, stored.bodies === bodies else { return nil }
        return stored.place
    }

    /// Where the record's summary is in `bodies` when it is there already.
    func summaryPlace(in bodies: CacheBodies?) -> CacheBodies.Place? {
        guard let bodies, let stored = lazySummary?.stored, stored.bodies === bodies else { return nil }
        return stored.place
    }

    /// The summary's bytes as they are written to the bodies file.
    var summaryBody: [UInt8]? {
        guard let kept = lazySummary?.value else { return nil }
        var w = CacheWriter(capacity: 2048)
        w.keptSummary(kept)
        return w.bytes
    }

    /// The facts as they are written to the bodies file (all but the diagnostics).
    var body: [UInt8]? {
        guard let f = facts else { return nil }
        var rest = CacheWriter(capacity: 2048)
        rest.string(f.title)
        rest.string(f.body)
        rest.region(f.region)
        rest.int(f.year)
        rest.string(f.kind.rawValue)
        rest.string(f.encoding)
        rest.array(f.figures) { $0.decimal($1) }
        rest.portal(f.portal)
        rest.search(f.search)
        rest.string(f.published)
        rest.fixed(f.bytesDigest)
        rest.coverage(f.coverage)
        rest.dataRow(f.data)
        return rest.bytes
    }

    /// Reads a record's head, its facts left in `bodies` to be decoded when asked for
    /// (`LazyFacts`, counted in `count`); the places of the facts are gathered in `places`.
    static func readHead(from r: inout CacheReader, forms: [String: Form], count: Counter, bodies: CacheBodies,
                         places: inout [CacheBodies.Place]) throws -> ReportRecord {
        let path = try r.string()
        let source = try r.string()
        let hash = try r.bool() ? try r.fixed() : nil
        let problems = try r.bool() ? try r.array { try $0.diagnostic() } : nil
        guard try r.bool() else { return ReportRecord(path: path, source: source, hash: hash, problems: problems, lazyFacts: nil) }
        let diagnostics = try r.array { try $0.diagnostic() }
        let at = try r.place()
        places.append(at)
        let lazy = LazyFacts(diagnostics: diagnostics, bodies: bodies, place: at, forms: forms, count: count)
        var summary: LazySummary?
        if try r.bool() {
            let place = try r.place()
            places.append(place)
            summary = LazySummary(source: source, bodies: bodies, place: place)
        }
        return ReportRecord(path: path, source: source, hash: hash, problems: problems, lazyFacts: lazy, lazySummary: summary)
    }

    /// The same record with its facts and summary at `places` of `bodies` (and decoded, when
    /// they are): what the next build of this process reads (`WarmCache`).
    func stored(in bodies: CacheBodies, at places: (facts: CacheBodies.Place?, summary: CacheBodies.Place?)?, forms: [String: Form],
                count: Counter) -> ReportRecord {
        guard let place = places?.facts, let lazyFacts else { return self }
        let lazy = LazyFacts(diagnostics: lazyFacts.diagnostics, bodies: bodies, place: place, forms: forms, count: count,
                             decoded: lazyFacts.ifDecoded)
        let summary = places?.summary.flatMap { place in lazySummary?.stored(in: bodies, at: place) }
        return ReportRecord(path: path, source: source, hash: hash, problems: problems, lazyFacts: lazy, lazySummary: summary)
    }

    /// The form ids the record's facts name (checked against the reader's when the cache is
    /// read, so that decoding the facts later cannot fail).
    var formIDs: [String] { facts?.portal.tables.map(\.form.id) ?? [] }

    /// Whether the facts are in memory (decoding them reads nothing).
    var factsDecoded: Bool { lazyFacts.map { $0.ifDecoded != nil } ?? true }

    /// Whether the summary is in memory, when there is one.
    var summaryDecoded: Bool { lazySummary.map { $0.ifDecoded != nil } ?? true }
}

extension CacheReader {
    /// A report's facts but its diagnostics, as `ReportRecord.write` put them; `forms` are the
    /// forms the reader parses with, by id.
    mutating func facts(diagnostics: [Diagnostic], forms: [String: Form]) throws -> ReportRecord.Facts {
        let title = try optionalString()
        let body = try optionalString()
        let region = try region()
        let year = try optionalInt()
        guard let kind = SourceKind(rawValue: try string()) else { throw Damaged() }
        let encoding = try string()
        let figures = try array { try $0.optionalDecimal() }
        let portal = try portal(forms: forms)
        let search = try search()
        let published = try optionalString()
        let bytesDigest = try fixed()
        let coverage = try coverage(published: published)
        let data = try dataRow()
        return ReportRecord.Facts(title: title, body: body, region: region, year: year, kind: kind, encoding: encoding,
                                  diagnostics: diagnostics, figures: figures, portal: portal, search: search,
                                  published: published, bytesDigest: bytesDigest, coverage: coverage, data: data)
    }
}

extension CacheWriter {
    mutating func place(_ place: CacheBodies.Place) {
        uint(UInt64(place.offset))
        uint(UInt64(place.length))
        fixed(place.digest)
    }

    mutating func diagnostic(_ d: Diagnostic) {
        byte(d.severity == .error ? 2 : d.severity == .warning ? 1 : 0)
        string(d.code.rawValue)
        string(d.message)
        int(d.line)
        bool(d.subject != nil)
        if let s = d.subject {
            string(s.table.rawValue)
            string(s.row)
            string(s.column)
        }
    }

    mutating func region(_ r: Region) {
        for s in [r.province, r.city, r.county, r.town, r.code, r.codes.province, r.codes.city, r.codes.county, r.codes.town] {
            string(s)
        }
    }

    mutating func portal(_ e: PortalChecks.Entry) {
        string(e.source)
        int(e.year)
        string(e.series)
        array(e.tables) { w, t in
            w.string(t.form.id)
            w.array(t.cells) { w, c in
                w.string(c.row)
                w.string(c.column)
                w.decimal(c.value)
            }
            w.array(t.lines.sorted { $0.key < $1.key }) { w, l in
                w.string(l.key)
                w.int(l.value)
            }
        }
    }
}

extension CacheReader {
    mutating func place() throws -> CacheBodies.Place {
        let offset = try uint(), length = try uint()
        guard offset < UInt64(Int.max / 2), length < UInt64(Int.max / 2) else { throw Damaged() }
        return CacheBodies.Place(offset: Int(offset), length: Int(length), digest: try fixed())
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity: Diagnostic.Severity
        switch try byte() {
        case 2: severity = .error
        case 1: severity = .warning
        case 0: severity = .info
        default: throw Damaged()
        }
        let code = try string()
        let message = try string()
        let line = try optionalInt()
        var subject: Diagnostic.Subject?
        if try bool() {
            guard let table = TableKind(rawValue: try string()) else { throw Damaged() }
            subject = Diagnostic.Subject(table: table, row: try optionalString(), column: try optionalString())
        }
        return Diagnostic(severity, Diagnostic.Code(code), message, line: line, subject: subject)
    }

    mutating func region() throws -> Region {
        var s: [String?] = []
        for _ in 0..<9 { s.append(try optionalString()) }
        return Region(province: s[0], city: s[1], county: s[2], town: s[3], code: s[4],
                      codes: Region.Codes(province: s[5], city: s[6], county: s[7], town: s[8]))
    }

    mutating func portal(forms: [String: Form]) throws -> PortalChecks.Entry {
        let source = try string()
        let year = try optionalInt()
        let series = try optionalString()
        let tables = try array { r -> PortalChecks.Table in
            guard let form = forms[try r.string()] else { throw Damaged() }
            let cells = try r.array { r in PortalChecks.Cell(row: try r.string(), column: try r.string(), value: try r.decimal()) }
            let lines = try r.array { r in (try r.string(), try r.int()) }
            return PortalChecks.Table(form: form, cells: cells, lines: Dictionary(lines, uniquingKeysWith: { a, _ in a }))
        }
        return PortalChecks.Entry(source: source, year: year, series: series, tables: tables)
    }
}
