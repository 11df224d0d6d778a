import Foundation

// The JSON contract of report-json.md: keys in its order, cells as numbers or null (never 0
// for a missing value), a table the report lacks as null.

extension Report {
    /// The object `extract` prints and `report.json` holds.
    public var json: JSONValue {
        .object([
            ("source", .string(source)),
            ("body", JSONValue(body)),
            ("region", region.json),
            ("year", JSONValue(year)),
            ("format", .string(format.rawValue)),
            ("published", JSONValue(published)),
        ] + TableKind.allCases.map { kind in (kind.rawValue, tables[kind]?.json ?? .null) } + [
            ("diagnostics", .array(diagnostics.map(\.json))),
        ])
    }
}

extension ReportTable {
    public var json: JSONValue {
        switch self {
        case .stat(let t): t.json
        case .legacy(let t): t.json
        }
    }
}

extension Region {
    public var json: JSONValue {
        .object([
            ("province", JSONValue(province)), ("city", JSONValue(city)), ("county", JSONValue(county)),
            ("town", JSONValue(town)), ("code", JSONValue(code)),
            ("codes", .object([
                ("province", JSONValue(codes.province)), ("city", JSONValue(codes.city)),
                ("county", JSONValue(codes.county)), ("town", JSONValue(codes.town)),
            ])),
        ])
    }
}

extension StatTable {
    /// Rows keyed by form key; each row an object of its block's columns. Heading-only rows
    /// (`results`, `denied` …) carry no values and are left out.
    public var json: JSONValue {
        let form = self.form
        return .object(rows.compactMap { row in
            guard form.row(row.key)?.valued ?? true else { return nil }
            return (row.key, .object(row.cells.map { ($0.column, JSONValue($0.value)) }))
        })
    }
}

extension LegacyTable {
    public var json: JSONValue {
        var members: [(String, JSONValue)] = rows.map { row in
            (row.label, .object([("unit", JSONValue(row.unit)), ("value", JSONValue(row.value))]))
        }
        members += [
            ("activeTotal", JSONValue(activeTotal)),
            ("applicationsReceived", JSONValue(applicationsReceived)),
            ("reviewCount", JSONValue(reviewCount)),
            ("litigationCount", JSONValue(litigationCount)),
        ]
        return .object(members)
    }
}

extension Diagnostic {
    public var json: JSONValue {
        .object([
            ("severity", .string(severity.rawValue)), ("code", .string(code.rawValue)),
            ("message", .string(message)), ("line", JSONValue(line)),
            ("subject", subject.map { s in
                .object([("table", .string(s.table.rawValue)), ("row", JSONValue(s.row)), ("column", JSONValue(s.column))])
            } ?? .null),
        ])
    }
}
