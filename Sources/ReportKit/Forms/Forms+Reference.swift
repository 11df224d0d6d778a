/// The forms as a markdown reference (`docs/forms.md`): the eras and what tells them apart,
/// every row, its key in `report.json` and every wording the parser accepts, the arithmetic
/// each form enforces, the legacy form's key rows, and every diagnostic code. Generated from
/// the same data the parser, the rules and the renderer use, so the documentation cannot
/// drift from the code; a test fails when the committed file is stale.
extension Forms {
    public static func markdownReference(_ registry: FormRegistry = standard) -> String {
        var out = """
        # The official forms, as nianbao reads them

        Generated from `Sources/ReportKit/Forms/` (do not edit by hand: run
        `NIANBAO_RECORD=1 swift test --filter FormsReferenceTests` after changing the forms).
        The first wording of each row is the official one; the others are variants seen in real
        reports. Matching ignores spaces, punctuation, numbering and full-width forms.

        """
        out += eraSection(registry)
        let oldestFirst = registry.eras.reversed()
        var seen = Set<String>()
        for kind in TableKind.allCases {
            for era in oldestFirst {
                guard let form = era.tables[kind], seen.insert(form.id).inserted else { continue }
                out += formSection(form, eras: registry.eras(using: form))
            }
        }
        if let legacy = registry.legacyForm { out += legacySection(legacy) }
        out += catalogueSection(registry)
        return out
    }

    static func eraSection(_ registry: FormRegistry) -> String {
        var out = """

        ## Eras

        A report's `format` is the first era, newest first, whose fingerprint headers it prints
        anywhere, or whose form was read for a table whose form is told apart by what is printed
        (`FormatRecognizer`; such a table decides only when its printed rows reach past the rows
        where the forms differ); else the era whose form document the report cites; else the era
        whose fallback years hold the report's year; else `unknown`. A table's form is told by
        the headers its own section prints, then by its rows.

        | `format` | name | defined by | tables | told apart by | fallback years |
        | --- | --- | --- | --- | --- | --- |

        """
        for era in registry.eras {
            let tables = TableKind.allCases.compactMap { kind in era.tables[kind].map { "`\($0.id)`" } }
                + (era.legacy.map { ["\($0.title)"] } ?? [])
            var told: [String] = []
            for f in era.fingerprints {
                let table = era.tables[f.table]?.name ?? era.legacy?.title ?? f.table.rawValue
                if !f.headers.isEmpty { told.append("\(table) 印有 " + f.headers.joined(separator: " / ")) }
                if !f.sectionHeaders.isEmpty { told.append("\(table)本节印有 " + f.sectionHeaders.joined(separator: " / ") + "（仅定表式）") }
                if !f.rows.isEmpty { told.append("\(table)列出 " + f.rows.map { "`\($0)`" }.joined(separator: " / ")) }
                if f.formDecides { told.append("按本版\(table)读出") }
            }
            if let c = era.citation { told.append("引用 \(c.issuer)〔\(c.year)〕\(c.number)号") }
            let years = era.fallbackYears.map { $0.upperBound >= 2100 ? "\($0.lowerBound) 起" : "\($0.lowerBound)–\($0.upperBound)" } ?? "—"
            let cells = ["`\(era.id)`", era.label, era.source, tables.joined(separator: " · "), told.joined(separator: "；"), years]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func formSection(_ form: Form, eras: [FormEra]) -> String {
        let used = eras.reversed().map { "`\($0.id)`" }.joined(separator: ", ")
        var out = "\n## \(form.name) \(form.title) (`\(form.id)`, era \(used))\n"
        for block in form.blocks {
            if let title = block.title { out += "\n### \(title)\n" }
            let columns = block.columns.map { "\($0.label) `\($0.key)`" + ($0.group.map { " (under \($0))" } ?? "") }
            out += "\nColumns: " + columns.joined(separator: " · ") + "\n\n"
            out += "| key | row | accepted wordings |\n| --- | --- | --- |\n"
            for row in block.rows {
                let indent = String(repeating: "\u{3000}", count: depthOf(row, in: form))
                let key = row.valued ? "`\(row.key)`" + (row.derived ? " (sum of the rows under it)" : "") : "(heading)"
                out += "| \(key) | \(indent)\(row.number ?? "")\(row.label) | \(row.labels.joined(separator: " / ")) |\n"
            }
        }
        if !form.identities.isEmpty || !form.acrossYears.isEmpty {
            out += "\n### 勾稽关系\n\n| code | the line it enforces | cells |\n| --- | --- | --- |\n"
            for identity in form.identities { out += "| `\(identity.code)` | \(identity.wording) | \(cells(identity)) |\n" }
            for identity in form.acrossYears { out += "| `\(identity.code)` | \(identity.wording) | \(cells(identity)) |\n" }
        }
        return out
    }

    static func cells(_ identity: FormIdentity) -> String {
        switch identity {
        case .rowTotal(let i): "each row: `\(i.total)` = " + i.parts.map { "`\($0)`" }.joined(separator: " + ")
        case .columnTotal(let i): "each column: `\(i.total)` = Σ rows under `\(i.under)`"
        case .balance(let i):
            "each column: " + i.left.flatMap(\.keys).map { "`\($0)`" }.joined(separator: " + ") + " = "
                + i.right.flatMap(\.keys).map { "`\($0)`" }.joined(separator: " + ")
        }
    }

    static func cells(_ identity: YearIdentity) -> String {
        switch identity {
        case .carriedOver(let i): "`\(i.row.keys.joined())`.`\(i.column)` = last year's `\(i.lastRow.keys.joined())`.`\(i.column)`"
        case .stock(let i):
            "rows " + i.rows.map { "`\($0)`" }.joined(separator: ", ")
                + ": `\(i.stock)` = last year's `\(i.stock)` + `\(i.added)` − `\(i.removed)`"
        }
    }

    static func legacySection(_ legacy: LegacyForm) -> String {
        var out = """

        ## \(legacy.title) (`legacy`)

        Rows are read as printed, keyed by their label; columns \(legacy.columns.joined(separator: " · ")). The header
        line holds one word of each group: \(legacy.headerWords.map { $0.joined(separator: " or ") }.joined(separator: "; ")).
        The form ends at a line starting with \(legacy.footerWords.joined(separator: " / ")).

        ### Key rows

        | field | a label containing | and not |
        | --- | --- | --- |

        """
        for row in legacy.keyRows {
            out += "| `\(row.field.rawValue)` | \(row.labels.joined(separator: " / ")) | \(row.excluding.joined(separator: " / ")) |\n"
        }
        out += "\n### 勾稽关系\n\n| code | the line it enforces | parts: the rows under the whole that |\n| --- | --- | --- |\n"
        for b in legacy.breakdowns {
            var parts: [String] = []
            if let p = b.partPrefix { parts.append("start with \(p)") }
            if !b.partWords.isEmpty { parts.append("contain " + b.partWords.joined(separator: " / ")) }
            if let s = b.partSuffix { parts.append("end with \(s)") }
            if !b.skipping.isEmpty { parts.append("(rows containing " + b.skipping.joined(separator: " / ") + " are passed over)") }
            out += "| `\(b.code)` | \(b.wording) | \(parts.joined(separator: ", ")) |\n"
        }
        return out
    }

    static func catalogueSection(_ registry: FormRegistry) -> String {
        var out = """

        ## Diagnostic codes

        Every code nianbao raises (`DiagnosticCatalogue`). Codes never change meaning once released.

        | code | severity | what it means | checks |
        | --- | --- | --- | --- |

        """
        for entry in DiagnosticCatalogue.entries {
            let checks = DiagnosticCatalogue.identities(for: entry.code, in: registry).joined(separator: "<br>")
            out += "| `\(entry.code)` | \(entry.severities.map(\.rawValue).joined(separator: " / ")) | \(entry.meaning) | \(checks) |\n"
        }
        return out
    }

    private static func depthOf(_ row: FormRow, in form: Form) -> Int {
        var depth = 0
        var parent = row.parent
        while let p = parent, let r = form.row(p), depth < 5 {
            depth += 1
            parent = r.parent
        }
        return depth
    }
}
