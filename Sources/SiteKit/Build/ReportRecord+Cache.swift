import Foundation

// A record's bytes in the build cache. Every field of `ReportRecord` is written; a field added
// there without a line here does not compile (the initialisers name every field), and a
// changed layout is a new `BuildCache.format`.

extension ReportRecord {
    func write(to w: inout CacheWriter) {
        w.string(path)
        w.string(source)
        w.bool(hash != nil)
        if let hash { w.fixed(hash) }
        w.bool(problems != nil)
        if let problems { w.array(problems) { $0.diagnostic($1) } }
        w.bool(facts != nil)
        guard let f = facts else { return }
        // The diagnostics first, read with the record; then the rest, by its length, decoded
        // only when asked for (`LazyFacts`).
        w.array(f.diagnostics) { $0.diagnostic($1) }
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
        w.uint(UInt64(rest.bytes.count))
        w.append(rest.bytes)
    }

    /// Reads a record, its facts left as bytes of `file` (the cache file `r` reads) to be
    /// decoded when asked for (`LazyFacts`, counted in `count`).
    static func read(from r: inout CacheReader, file: Data, forms: [String: Form], count: DecodeCount) throws -> ReportRecord {
        let path = try r.string()
        let source = try r.string()
        let hash = try r.bool() ? try r.fixed() : nil
        let problems = try r.bool() ? try r.array { try $0.diagnostic() } : nil
        guard try r.bool() else { return ReportRecord(path: path, source: source, hash: hash, problems: problems, lazyFacts: nil) }
        let diagnostics = try r.array { try $0.diagnostic() }
        let range = try r.skip(try r.count())
        let lazy = LazyFacts(diagnostics: diagnostics, file: file, range: (file.startIndex + range.lowerBound)..<(file.startIndex + range.upperBound),
                             forms: forms, count: count)
        return ReportRecord(path: path, source: source, hash: hash, problems: problems, lazyFacts: lazy)
    }

    /// The form ids the record's facts name (checked against the reader's when the cache is
    /// read, so that decoding the facts later cannot fail).
    var formIDs: [String] { facts?.portal.tables.map(\.form.id) ?? [] }
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
