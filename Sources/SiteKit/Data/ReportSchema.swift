import Foundation

/// The JSON Schema (draft 2020-12) of report.json (docs/report-json.md), published at
/// `data/report.schema.json`. The tables' rows and columns are read from the forms as data,
/// like the CSV columns: a row is an object of its columns (number or null) and admits no
/// other key; the legacy form keeps its rows by printed label, so any other key there is a
/// row. The report itself admits keys it does not name, since the contract grows by adding keys.
enum ReportSchema {
    static let path = "data/report.schema.json"

    static func json(registry: FormRegistry = Forms.standard, id: String?) -> JSONValue {
        var top: [(String, JSONValue)] = [("$schema", .string("https://json-schema.org/draft/2020-12/schema"))]
        if let id { top.append(("$id", .string(id))) }
        let tables = TableKind.allCases.map { kind in
            (kind.rawValue, kind == .legacy ? nullable(legacy(registry)) : nullable(stat(kind, registry)))
        }
        let properties: [(String, JSONValue)] = [
            ("source", type("string")),
            ("body", type("string", "null")),
            ("region", object(levels.map { ($0, type("string", "null")) } + [("code", type("string", "null")),
                ("codes", object(levels.map { ($0, type("string", "null")) }))])),
            ("year", type("integer", "null")),
            ("format", .object([("enum", .array((registry.eras.map(\.id) + [Format.unknown.rawValue]).map(JSONValue.string)))])),
            ("published", .object([("type", .array([.string("string"), .string("null")])),
                                   ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])),
        ] + tables + [
            ("diagnostics", .object([("type", .string("array")), ("items", object([
                ("severity", .object([("enum", .array(["error", "warning", "info"].map(JSONValue.string)))])),
                ("code", type("string")), ("message", type("string")), ("line", type("integer", "null")),
                ("subject", nullable(object([
                    ("table", .object([("enum", .array(TableKind.allCases.map { .string($0.rawValue) }))])),
                    ("row", type("string", "null")), ("column", type("string", "null")),
                ]))),
            ]))])),
        ]
        return .object(top + [
            ("title", .string("政府信息公开工作年度报告 report.json")),
            ("type", .string("object")),
            ("required", .array(properties.map { .string($0.0) })),
            ("properties", .object(properties)),
        ])
    }

    private static let levels = ["province", "city", "county", "town"]

    /// A standard table: its rows (every era's), each an object of its columns (every era's).
    private static func stat(_ kind: TableKind, _ registry: FormRegistry) -> JSONValue {
        var rows: [(String, [String])] = []
        for form in registry.eras(with: kind).compactMap({ $0.tables[kind] }) {
            for block in form.blocks {
                for row in block.rows where row.valued {
                    let i = rows.firstIndex { $0.0 == row.key } ?? { rows.append((row.key, [])); return rows.count - 1 }()
                    for column in block.columns where !rows[i].1.contains(column.key) { rows[i].1.append(column.key) }
                }
            }
        }
        return object(rows.map { row, columns in (row, object(columns.map { ($0, type("number", "null")) }, required: false)) },
                      required: false)
    }

    /// The legacy form: the fixed key rows, and any other key a printed row.
    private static func legacy(_ registry: FormRegistry) -> JSONValue {
        let fields = (registry.legacyForm?.keyRows.map(\.field.rawValue)) ?? []
        var schema = object(fields.map { ($0, type("number", "null")) })
        guard case .object(var members) = schema else { return schema }
        members.removeAll { $0.0 == "additionalProperties" }
        members.append(("additionalProperties", object([("unit", type("string", "null")), ("value", type("number", "null"))])))
        schema = .object(members)
        return schema
    }

    private static func type(_ names: String...) -> JSONValue {
        .object([("type", names.count == 1 ? .string(names[0]) : .array(names.map(JSONValue.string)))])
    }

    private static func nullable(_ schema: JSONValue) -> JSONValue {
        .object([("anyOf", .array([type("null"), schema]))])
    }

    /// An object of exactly these keys (all of them required unless `required` is false).
    private static func object(_ properties: [(String, JSONValue)], required: Bool = true) -> JSONValue {
        .object([("type", .string("object"))] + (required ? [("required", .array(properties.map { .string($0.0) }))] : [])
                + [("properties", .object(properties)), ("additionalProperties", .bool(false))])
    }
}
